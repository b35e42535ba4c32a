/**
 * FWQ, the fixed work quanta benchmark: each application thread repeats the same amount of
 * work and records how long each quantum took. Anything above the quantum is noise.
 */
import type { NodeSim } from '../node/cpu';
import type { Thread } from '../node/state';
import { Tr } from '../node/events';
import type { Action } from './program';

export function fwqNext(sim: NodeSim, t: Thread): Action {
  if (sim.config.workload.kind !== 'fwq') throw new Error('fwq program without an fwq workload');
  const q = sim.config.workload.quantumNs;
  const f = sim.state.fwq;
  const cpu = t.home;
  const p = t.prog as { kind: 'fwq'; quanta: number };
  // The first quantum is a warm-up (first touch of the working set, cold caches) and is not recorded.
  if (p.quanta++ >= 2) {
    const elapsed = sim.now - f.quantumStart[cpu];
    const noise = elapsed - q;
    f.count[cpu]++;
    f.noiseSum[cpu] += noise;
    f.noiseSumSq[cpu] += noise * noise;
    if (noise > f.noiseMax[cpu]) f.noiseMax[cpu] = noise;
    sim.emit(Tr.Quantum, cpu, t.pid, elapsed, q);
  }
  f.quantumStart[cpu] = sim.now;
  return { op: 'compute', ns: q };
}
