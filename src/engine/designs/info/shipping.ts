import { registerDesignInfo } from '../registry';
import { DEFAULT_SYSCALLS } from '../../config/defaults';

export const SHIPPING_INFO = registerDesignInfo({
  id: 'shipping',
  title: 'mOS (the paper): function shipping',
  summary:
    'Linux and a lightweight kernel share the node. The LWK keeps the performance-critical calls and ships the rest to Linux through a shared-memory channel, ringing the doorbell IPI only when the channel turns non-empty; a proxy process on Linux serves each call. Watch Channels for riding IPIs and get_list batches, and Syscall triage for where the time goes.',
  source: 'Wisniewski, Inglett, Keppel, Murty, Riesen: mOS: An Architecture for Extreme-Scale Operating Systems, ROSS 2014 (function shipping pseudocode)',
  appKernel: 'lwk',
  syscalls: DEFAULT_SYSCALLS,
  usesProxies: true,
  ownOptions: true,
});
