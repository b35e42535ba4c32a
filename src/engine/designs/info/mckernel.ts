import { registerDesignInfo } from '../registry';
import { MCKERNEL_SYSCALLS } from '../../config/defaults';

export const MCKERNEL_INFO = registerDesignInfo({
  id: 'mckernel',
  title: 'IHK/McKernel-style: an IPI per message',
  summary:
    'A lightweight kernel that delegates every call it does not implement to a Linux proxy process, sending an IPI with every message and spinning until the answer comes. Watch the Channels view: one doorbell per message (coalescing 1.0) against the paper\'s one per burst.',
  source: 'RIKEN-SysSoft/mckernel (kernel/syscall.c, arch/x86_64/kernel/include/syscall_list.h); Gerofi et al., IPDPS 2016',
  appKernel: 'lwk',
  syscalls: MCKERNEL_SYSCALLS,
  usesProxies: true,
  ownOptions: true,
});
