/**
 * The analytics program of an in-situ composition (Hobbes, src/engine/designs/hobbes.ts): a
 * process in the Linux enclave that reads its share of each of the simulation's output steps in
 * place. It spins on the output flag in the shared segment until the simulation has published
 * the next step; the first time it needs a buffer's share it attaches it (XEMEM, an ioctl on
 * the XEMEM device: the design serves it), and from then on it reads that memory where it is,
 * without a copy. The simulation publishes step k once every one of its processes has finished
 * k x outputEvery iterations; writing its output is part of its compute (no extra cost).
 */
import type { NodeSim } from '../node/cpu';
import { FIRST_PID, type Thread } from '../node/state';
import type { NodeConfig } from '../config/nodeConfig';
import { Role } from '../node/kinds';
import { hobbesSettings } from '../designs/hobbes/enclaves';

export { hobbesSettings };
import { NO_FD, syscallAction, type Action } from './program';

/** The XEMEM device: an ioctl on it with `arg` = buffer and `bytes` = the share is an attach. */
export const XEMEM_DEVICE = '/dev/xemem';

type AnalyticsState = Extract<Thread['prog'], { kind: 'analytics' }>;

/** Bytes of one output step each analytics process reads (and attaches per buffer). */
export function shareBytes(config: NodeConfig): number {
  const h = hobbesSettings(config);
  return Math.ceil(h.outputBytes / Math.max(1, h.analyticsThreads));
}

/** Output steps the simulation has published: its slowest process's iterations / outputEvery. */
export function outputsPublished(sim: NodeSim): number {
  const s = sim.state;
  let slowest = Infinity;
  s.processes.forEach((p, i) => {
    const leader = s.threads[p.threads[0]];
    if (leader && sim.config.roles[leader.home] === Role.Lwk) slowest = Math.min(slowest, s.progress.perProcess[i]);
  });
  return slowest === Infinity ? 0 : Math.floor(slowest / Math.max(1, hobbesSettings(sim.config).outputEvery));
}

export function analyticsNext(sim: NodeSim, t: Thread): Action {
  const h = hobbesSettings(sim.config);
  const p = t.prog as AnalyticsState;
  // The attach issued last time has returned: the segment is mapped for good.
  if (p.pending >= 0) {
    p.attached.push(p.pending);
    p.pending = -1;
  }
  // Spin on the output flag (user-level reads of shared memory: no system call, no interrupt).
  if (outputsPublished(sim) <= p.seen) return { op: 'compute', ns: h.pollNs };
  const buffer = p.seen % Math.max(1, h.buffers);
  const bytes = shareBytes(sim.config);
  if (!p.attached.includes(buffer)) {
    p.pending = buffer;
    return syscallAction('ioctl', NO_FD, bytes, XEMEM_DEVICE, buffer);
  }
  p.seen++;
  sim.state.progress.perProcess[t.pid - FIRST_PID]++;
  // The analysis reads the attached memory where the simulation wrote it.
  return { op: 'compute', ns: bytes * h.analysisNsPerByte };
}
