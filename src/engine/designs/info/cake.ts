import { registerDesignInfo } from '../registry';
import { registerRoute, registerStage } from '../../descriptors';
import { CAKE_SYSCALLS } from '../../config/defaults';

/** Calls served by the user-level agent. */
export const AgentRoute = registerRoute({ key: 'agent', short: 'agent', title: 'user-level agent (CAKE)', phrase: 'the user-level agent', colour: '#66CCEE', ink: '#111111', letter: 'A' });
/** The agent takes the request and later writes the reply through its device (kernel crossings). */
export const AgentIoStage = registerStage({ key: 'agentIo', short: 'agent I/O', title: 'the agent reads the request from its device (a kernel crossing)', colour: '#CCBB44', ink: '#111111', letter: 'a' });

export const CAKE_INFO = registerDesignInfo({
  id: 'cake',
  title: 'CAKE: a user-level agent serves a class of calls',
  summary:
    'The talk\'s "Cooperative Agent Kernel Extensions (cp. FUSE)", read as FUSE for the LWK: calls of a configured class (a path prefix or a set of call names) go to a user-level agent process on a Linux CPU instead of to Linux, and every other call keeps the paper\'s routes. Watch Syscall triage: the agent route beside the Linux route, its time in the queue, the agent\'s device crossings and its own work; the talk is the only source, so every cost is an assumption.',
  source: 'Wisniewski et al., mOS, ROSS 2014 talk: "Cooperative Agent Kernel Extensions (CAKE), cp. FUSE" (the only source); FUSE for the analogy',
  appKernel: 'lwk',
  syscalls: CAKE_SYSCALLS,
  usesProxies: true,
});
