/**
 * FWQ, the fixed work quanta benchmark: each application CPU repeats the same amount of
 * work and records how long each quantum took. Anything above the quantum is noise.
 */
import { startWork, type NodeSim } from '../node/cpu';
import { Tr } from '../node/events';

export function startFwq(sim: NodeSim, cpu: number): void {
  sim.state.fwq.quantumStart[cpu] = sim.now;
  startWork(sim, cpu, sim.config.workload.quantumNs);
}

export function onFwqQuantumDone(sim: NodeSim, cpu: number): void {
  const f = sim.state.fwq;
  const q = sim.config.workload.quantumNs;
  const elapsed = sim.now - f.quantumStart[cpu];
  const noise = elapsed - q;
  f.count[cpu]++;
  f.noiseSum[cpu] += noise;
  f.noiseSumSq[cpu] += noise * noise;
  if (noise > f.noiseMax[cpu]) f.noiseMax[cpu] = noise;
  const tid = sim.state.cpu.thread[cpu];
  sim.emit(Tr.Quantum, cpu, sim.state.threadPid[tid], elapsed, q);
  startFwq(sim, cpu);
}
