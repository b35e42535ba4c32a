/**
 * IHK/McKernel-style offloading: each forwarded call is a message to a proxy process (mcexec) on
 * Linux, with an IPI on every message, and the caller spins while it waits. The path is the
 * shipping design's (designs/shipping.ts); what differs is in its settings: the IPI policy, the
 * wait, McKernel's set of local calls, and no OS nodes.
 */
import { registerDesign } from './registry';
import { MCKERNEL_INFO } from './info/mckernel';

import { shippingTriage } from './shipping';

export const MCKERNEL = registerDesign({
  ...MCKERNEL_INFO,
  triage: shippingTriage,
});
