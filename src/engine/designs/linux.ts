/**
 * Linux alone (the baselines): the application runs on Linux CPUs and Linux serves every call
 * on the caller's own CPU; PFS I/O leaves the node. Whether it is tuned (nohz_full, isolcpus,
 * IRQ affinity, huge pages) is in its Linux settings, not in the design.
 */
import { nativeTriage } from '../syscalls/triage';
import { registerDesign } from './registry';
import { LINUX_INFO } from './info/linux';

export const LINUX = registerDesign({
  ...LINUX_INFO,
  triage: nativeTriage,
});
