/**
 * Argo NodeOS: one Linux kernel, partitioned with containers. Compute containers (cgroups and
 * cpusets) hold the application on dedicated cores; a small ServiceOS partition takes the system
 * services, their daemons and the device interrupts. There is no second kernel: every call is
 * served by Linux on the caller's own core, and what one kernel cannot keep off a core stays on
 * it (nohz_full's residual 1 Hz tick, vmstat updates, deferred work, TLB shootdowns: the
 * "nohz_full residual" cause). The isolation itself is in the configuration's Linux settings
 * (isolcpus, IRQ affinity, nohz_full on the container's cores): the preset has them, and the
 * design's option syntax (an NRM manifest) brings them.
 *
 * Sources: Perarnau, Zounmevo, Dreher, Van Essen et al., "Argo NodeOS: Toward Unified Resource
 * Management for Vertically Integrated System Software Stack" (IPDPS 2017); Zounmevo, Perarnau,
 * Iskra, Yoshii, Gioiosa, Van Essen, Gokhale, Leon, "A Container-Based Approach to OS
 * Specialization for Exascale Computing" (2015); the Argo project's pages (the ServiceOS
 * "currently occupying a single core"); anlsys/nrm-core (the manifest).
 */
import { nativeTriage } from '../syscalls/triage';
import { registerDesign } from './registry';
import { ARGO_INFO } from './info/argo';

export const ARGO = registerDesign({
  ...ARGO_INFO,
  triage: nativeTriage,
});
