import { registerDesignInfo } from '../registry';
import { ARGO_SYSCALLS } from '../../config/defaults';

export const ARGO_INFO = registerDesignInfo({
  id: 'argo',
  title: 'Argo NodeOS: compute containers on one Linux kernel',
  summary:
    'One Linux kernel split by containers: the application\'s compute container owns every core but one, and the ServiceOS partition on that core takes the daemons and device interrupts; every call is served by Linux where it is made. Watch the Timeline: container cores see no daemons or device interrupts, but what one kernel keeps (the residual 1 Hz tick, vmstat, deferred work, TLB shootdowns) still reaches them.',
  source: 'Perarnau et al., Argo NodeOS (IPDPS 2017); Zounmevo et al., A Container-Based Approach to OS Specialization for Exascale Computing (2015); anlsys/nrm-core',
  appKernel: 'linux',
  syscalls: ARGO_SYSCALLS,
  usesProxies: false,
  ownOptions: true,
});
