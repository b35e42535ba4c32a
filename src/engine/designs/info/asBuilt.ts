import { registerDesignInfo } from '../registry';
import { EVANESCENCE_SYSCALLS } from '../../config/defaults';

export const AS_BUILT_INFO = registerDesignInfo({
  id: 'evanescence',
  title: 'mOS as built: thread migration',
  summary:
    'Intel\'s mOS keeps memory calls in the LWK and runs some Linux code on the LWK CPU itself; for everything else, all file I/O included, the calling thread migrates to its Linux CPU and back, with an IPI each way and no proxy. Watch the Timeline: the thread leaves its LWK lane and appears on the syscall CPU.',
  source: 'intel/mOS (mOS/sys.c, arch/x86/include/asm/syscall_wrapper.h)',
  appKernel: 'lwk',
  syscalls: EVANESCENCE_SYSCALLS,
  usesProxies: false,
  ownOptions: true,
});
