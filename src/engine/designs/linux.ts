/**
 * Linux alone (the baselines): the application runs on Linux CPUs and Linux serves every call
 * on the caller's own CPU; PFS I/O leaves the node. Whether it is tuned (nohz_full, isolcpus,
 * IRQ affinity, huge pages) is in its Linux settings, not in the design.
 */
import { NATIVE_SYSCALLS } from '../config/defaults';
import { nativeTriage } from '../syscalls/triage';
import { registerDesign } from './registry';

export const LINUX = registerDesign({
  id: 'native',
  title: 'Linux only',
  summary:
    'One full-weight kernel on every CPU: every call is served where it is made, and the tick, kernel daemons and interrupts reach the application\'s CPUs unless the node is tuned. Compare its FWQ noise and its page faults with the LWK\'s.',
  source: 'Linux; tuning per Documentation/timers/no_hz.rst and Documentation/admin-guide/kernel-per-CPU-kthreads.rst',
  appKernel: 'linux',
  syscalls: NATIVE_SYSCALLS,
  usesProxies: false,
  triage: nativeTriage,
});
