import { registerDesignInfo } from '../registry';
import { KITTEN_SYSCALLS } from '../kitten/defaults';

export const KITTEN_INFO = registerDesignInfo({
  id: 'kitten',
  title: 'Kitten: HIO forwarding to a Linux enclave',
  summary:
    'Kitten runs the application on contiguous memory with a 10 Hz round-robin timer and serves most Linux calls itself; the file and socket calls of its HIO mask go through one 128-entry ring to a stub process in the Linux enclave, and a full ring fails the call with EBUSY. Watch Channels for the ring filling (one notification IPI per sleeping stub) and Syscall triage for the forwarded calls; calls Kitten lacks, such as fsync, return ENOSYS at once.',
  source: 'HobbesOSR/kitten (kernel/hio/hio.c, kernel/hio/hio_syscalls, kernel/linux_syscalls, kernel/kfs.c, kernel/sched.c); Lange et al., IPDPS 2010',
  appKernel: 'lwk',
  syscalls: KITTEN_SYSCALLS,
  usesProxies: true,
  ownOptions: true,
});
