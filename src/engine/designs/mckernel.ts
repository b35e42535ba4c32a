/**
 * IHK/McKernel-style offloading: each forwarded call is a message to a proxy process (mcexec) on
 * Linux, with an IPI on every message, and the caller spins while it waits. The path is the
 * shipping design's (designs/shipping.ts); what differs is in its settings: the IPI policy, the
 * wait, McKernel's set of local calls, and no OS nodes.
 */
import { MCKERNEL_SYSCALLS } from '../config/defaults';
import { registerDesign } from './registry';
import { MCKERNEL_SYNTAX } from '../config/syntax/mckernelSyntax';
import { shippingTriage } from './shipping';

export const MCKERNEL = registerDesign({
  id: 'mckernel',
  title: 'IHK/McKernel-style: an IPI per message',
  summary:
    'A lightweight kernel that delegates every call it does not implement to a Linux proxy process, sending an IPI with every message and spinning until the answer comes. Watch the Channels view: one doorbell per message (coalescing 1.0) against the paper\'s one per burst.',
  source: 'RIKEN-SysSoft/mckernel (kernel/syscall.c, arch/x86_64/kernel/include/syscall_list.h); Gerofi et al., IPDPS 2016',
  appKernel: 'lwk',
  syscalls: MCKERNEL_SYSCALLS,
  usesProxies: true,
  syntax: MCKERNEL_SYNTAX,
  triage: shippingTriage,
});
