import { registerDesignInfo } from '../registry';
import { registerRoute, registerStage } from '../../descriptors';
import { HOBBES_SYSCALLS } from '../../config/defaults';
import { hobbesEnclaves } from '../hobbes/enclaves';

/** Calls from the Linux enclave that attach a segment of the simulation's memory. */
export const XememRoute = registerRoute({ key: 'xemem', short: 'XEMEM', title: 'XEMEM attach (shared memory, no copy)', phrase: 'an XEMEM attachment', colour: '#228833', ink: '#ffffff', letter: 'M' });
/** The owner enclave's kernel builds the segment's page-frame list. */
export const XememOwnerStage = registerStage({ key: 'xememOwner', short: 'XEMEM owner', title: 'the owner enclave builds the page-frame list', colour: '#4477AA', ink: '#ffffff', letter: 'w' });
/** The attacher maps the frames into its address space. */
export const XememMapStage = registerStage({ key: 'xememMap', short: 'XEMEM map', title: 'the attacher maps the owner\'s page frames', colour: '#99DDFF', ink: '#111111', letter: 'm' });

export const HOBBES_INFO = registerDesignInfo({
  id: 'hobbes',
  title: 'Hobbes: co-kernel enclaves sharing memory (XEMEM)',
  summary:
    'Two enclaves on one node: a Pisces co-kernel (Kitten) runs the simulation on the LWK CPUs and memory, and the Linux host runs an analytics program on its own CPUs, which attaches each of the simulation\'s output buffers once with XEMEM and then reads it in place, never copying it. Watch the Timeline: the host\'s ticks, daemons and interrupts stay on the Linux CPUs, and the only IPIs between the enclaves are the attachments (the XEMEM route in Syscall triage, with no copy stage).',
  source: 'Ouyang et al., Achieving Performance Isolation with Lightweight Co-Kernels (HPDC 2015); Kocoloski, Lange, XEMEM (HPDC 2015); drouyang/pisces, drouyang/leviathan, HobbesOSR/kitten',
  appKernel: 'lwk',
  syscalls: HOBBES_SYSCALLS,
  usesProxies: true,
  ownOptions: true,
  enclaves: hobbesEnclaves,
});
