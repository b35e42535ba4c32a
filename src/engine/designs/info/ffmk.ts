import { registerDesignInfo } from '../registry';
import { registerStage } from '../../descriptors';
import { FFMK_SYSCALLS } from '../../config/defaults';

/** The exception IPC from the decoupled thread to L4Linux, and its IPI to the Linux core. */
export const IpcStage = registerStage({ key: 'l4Ipc', short: 'microkernel IPC', title: 'microkernel IPC to the L4Linux vCPU (exception IPC, cross-core IPI)', colour: '#EE6677', ink: '#111111', letter: 'l' });
/** L4Linux's reply IPC to the decoupled thread, and its IPI back. */
export const IpcReplyStage = registerStage({ key: 'l4IpcReply', short: 'IPC reply', title: 'microkernel IPC reply to the decoupled thread (cross-core IPI)', colour: '#AA3377', ink: '#ffffff', letter: 'L' });

export const FFMK_INFO = registerDesignInfo({
  id: 'ffmk',
  title: 'FFMK: L4 microkernel, calls forwarded to L4Linux by IPC',
  summary:
    'Decoupled application threads run alone on microkernel cores; each Linux call they make becomes a synchronous microkernel IPC to L4Linux on a Linux core, with an IPI there and one back, and L4Linux serves it in the thread\'s shadow task. Watch Syscall triage: the Linux route\'s time sits in the microkernel IPC stages, and the Channels view stays empty (no shared-memory channels, no doorbells).',
  source: 'Weinhold et al., FFMK (SPPEXA 2016); Lackorzynski, Weinhold, Härtig, Decoupled: Low-Effort Noise-Free Execution on Commodity Systems (ROSS 2016)',
  appKernel: 'lwk',
  syscalls: FFMK_SYSCALLS,
  usesProxies: false,
});
