import { registerDesignInfo } from '../registry';
import { NATIVE_SYSCALLS } from '../../config/defaults';

export const LINUX_INFO = registerDesignInfo({
  id: 'native',
  title: 'Linux only',
  summary:
    'One full-weight kernel on every CPU: every call is served where it is made, and the tick, kernel daemons and interrupts reach the application\'s CPUs unless the node is tuned. Compare its FWQ noise and its page faults with the LWK\'s.',
  source: 'Linux; tuning per Documentation/timers/no_hz.rst and Documentation/admin-guide/kernel-per-CPU-kthreads.rst',
  appKernel: 'linux',
  syscalls: NATIVE_SYSCALLS,
  usesProxies: false,
});
