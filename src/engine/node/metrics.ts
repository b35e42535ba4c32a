/** Summary metrics of a node run (plain data, printed by the CLI and shown in the Metrics view). */
import type { NodeSim } from './cpu';
import { CAUSE_COUNT, CAUSE_NAMES, Role } from './kinds';

type GroupNoise = {
  cpus: number;
  interrupts: Record<string, number>;
  stolenNs: Record<string, number>;
};

function groupNoise(sim: NodeSim, cpus: readonly number[]): GroupNoise {
  const { interrupts, stolen } = sim.state.noise;
  const out: GroupNoise = { cpus: cpus.length, interrupts: {}, stolenNs: {} };
  for (let cause = 0; cause < CAUSE_COUNT; cause++) {
    let n = 0, t = 0;
    for (const cpu of cpus) {
      n += interrupts[cpu * CAUSE_COUNT + cause];
      t += stolen[cpu * CAUSE_COUNT + cause];
    }
    if (n > 0) {
      out.interrupts[CAUSE_NAMES[cause]] = n;
      out.stolenNs[CAUSE_NAMES[cause]] = t;
    }
  }
  return out;
}

export function nodeMetrics(sim: NodeSim) {
  const { roles, appCpus } = sim.config;
  const all = roles.map((_, i) => i);
  const linuxCpus = all.filter((c) => roles[c] !== Role.Lwk);
  const lwkCpus = all.filter((c) => roles[c] === Role.Lwk);
  const f = sim.state.fwq;
  let quanta = 0, noiseSum = 0, noiseMax = 0;
  for (const cpu of appCpus) {
    quanta += f.count[cpu];
    noiseSum += f.noiseSum[cpu];
    noiseMax = Math.max(noiseMax, f.noiseMax[cpu]);
  }
  const q = sim.config.workload.quantumNs;
  return {
    preset: sim.config.name,
    system: sim.config.system,
    partition: sim.config.partitionText,
    noise: { linux: groupNoise(sim, linuxCpus), lwk: groupNoise(sim, lwkCpus), app: groupNoise(sim, appCpus) },
    fwq: {
      quantumNs: q,
      quanta,
      meanNoiseNs: quanta > 0 ? noiseSum / quanta : 0,
      maxNoiseNs: noiseMax,
      /** Share of application time lost to noise. */
      overhead: quanta > 0 ? noiseSum / (quanta * q + noiseSum) : 0,
    },
  };
}
