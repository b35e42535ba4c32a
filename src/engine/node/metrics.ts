/** Summary metrics of a node run (plain data: printed by the CLI, shown in the Metrics view). */
import type { NodeSim } from './cpu';
import { CAUSE_COUNT, CAUSE_NAMES, Role } from './kinds';
import { quantile } from '../syscalls/calls';
import { ROUTES, STAGES } from '../descriptors';
import { coarseBins } from '../stats/logLinearHistogram';
import { osNodeMetrics } from '../osnode';
import { memoryMetrics } from './memory';
import { designOf } from '../designs/registry';

/** LWK regions per process, merged by (pid, kind, domain, page size) so the list stays small. */
function lwkRegionSummary(sim: NodeSim): { pid: number; kind: string; numa: number; pageSize: number; bytes: number; regions: number }[] {
  const out = new Map<string, { pid: number; kind: string; numa: number; pageSize: number; bytes: number; regions: number }>();
  for (const r of sim.state.memory.regions) {
    const key = `${r.pid}/${r.kind}/${r.numa}/${r.pageSize}`;
    const e = out.get(key) ?? { pid: r.pid, kind: r.kind, numa: r.numa, pageSize: r.pageSize, bytes: 0, regions: 0 };
    e.bytes += r.bytes;
    e.regions++;
    out.set(key, e);
  }
  return [...out.values()].sort((a, b) => a.pid - b.pid || a.numa - b.numa || a.kind.localeCompare(b.kind) || b.pageSize - a.pageSize).slice(0, 256);
}

function meanTlb(sim: NodeSim): number {
  const app = sim.state.threads.filter((t) => t.kind === 'app');
  return app.length ? app.reduce((a, t) => a + t.tlbFactor, 0) / app.length : 1;
}

/** Interruptions by cause: of busy CPUs (noise: `interrupts`, `stolenNs`) and of idle ones (`idleInterrupts`: wake-ups, not noise). */
type GroupNoise = { cpus: number; interrupts: Record<string, number>; stolenNs: Record<string, number>; idleInterrupts: Record<string, number> };

function groupNoise(sim: NodeSim, cpus: readonly number[]): GroupNoise {
  const { interrupts, stolen, idle } = sim.state.noise;
  const out: GroupNoise = { cpus: cpus.length, interrupts: {}, stolenNs: {}, idleInterrupts: {} };
  for (let cause = 0; cause < CAUSE_COUNT; cause++) {
    let n = 0, t = 0, i = 0;
    for (const cpu of cpus) {
      n += interrupts[cpu * CAUSE_COUNT + cause];
      t += stolen[cpu * CAUSE_COUNT + cause];
      i += idle[cpu * CAUSE_COUNT + cause];
    }
    if (n > 0) {
      out.interrupts[CAUSE_NAMES[cause]] = n;
      out.stolenNs[CAUSE_NAMES[cause]] = t;
    }
    if (i > 0) out.idleInterrupts[CAUSE_NAMES[cause]] = i;
  }
  return out;
}

function fwqMetrics(sim: NodeSim) {
  const f = sim.state.fwq;
  let quanta = 0, noiseSum = 0, noiseMax = 0;
  for (const cpu of sim.config.appCpus) {
    quanta += f.count[cpu];
    noiseSum += f.noiseSum[cpu];
    noiseMax = Math.max(noiseMax, f.noiseMax[cpu]);
  }
  const q = sim.config.workload.kind === 'fwq' ? sim.config.workload.quantumNs : 0;
  return {
    quantumNs: q,
    quanta,
    meanNoiseNs: quanta > 0 ? noiseSum / quanta : 0,
    maxNoiseNs: noiseMax,
    /** Share of application time lost to noise. */
    overhead: quanta > 0 ? noiseSum / (quanta * q + noiseSum) : 0,
  };
}

function syscallMetrics(sim: NodeSim) {
  const t = sim.state.calls;
  const routes: Record<string, { count: number; p50Ns: number; p99Ns: number; maxNs: number; meanNs: number; stagesMeanNs: Record<string, number>; histogram: number[][] }> = {};
  t.routes.forEach((r, i) => {
    const stages: Record<string, number> = {};
    STAGES.forEach(({ short }, s) => {
      if (r.stageSumNs[s] > 0) stages[short] = r.stageSumNs[s] / r.count;
    });
    // The latency histogram: [lower bound ns, count] of each non-empty log bin (8 per power of two).
    const histogram = coarseBins(r.hist, 8);
    routes[ROUTES[i].key] = { count: r.count, p50Ns: quantile(r, 0.5), p99Ns: quantile(r, 0.99), maxNs: r.maxNs, meanNs: r.count ? r.sumNs / r.count : 0, stagesMeanNs: stages, histogram };
  });
  const byName: Record<string, Record<string, number>> = {};
  for (const [name, counts] of Object.entries(t.byName)) {
    byName[name] = {};
    counts.forEach((n, i) => {
      if (n > 0) byName[name][ROUTES[i].key] = n;
    });
  }
  const y = t.sync;
  // Barrier waits: the application's synchronisation, reported apart from the routes' latency.
  const sync = { count: y.count, p50Ns: quantile(y, 0.5), p99Ns: quantile(y, 0.99), maxNs: y.maxNs, meanNs: y.count ? y.sumNs / y.count : 0 };
  return { issued: t.issued, completed: t.completed, inFlight: t.issued - t.completed, routes, sync, byName, lwkLocal: { ...sim.state.localKinds } };
}

function channelMetrics(sim: NodeSim) {
  const now = Math.max(1, sim.now);
  const linux = sim.state.channels.linux.map((ch) => ({
    syscallCpu: ch.cpu,
    messages: ch.inserts,
    ipis: ch.ipis,
    emptyToNonEmpty: ch.transitions,
    /** Messages per IPI: how much the empty -> non-empty rule saves. */
    coalescing: ch.ipis > 0 ? ch.inserts / ch.ipis : 0,
    depthNow: ch.queue.length,
    maxDepth: ch.maxDepth,
    meanDepth: (ch.depthArea + ch.queue.length * (sim.now - ch.depthSince)) / now,
    waitingSenders: ch.waiting.length,
  }));
  let replies = 0, replyIpis = 0;
  for (const ch of sim.state.channels.lwk) {
    if (!ch) continue;
    replies += ch.inserts;
    replyIpis += ch.ipis;
  }
  const messages = linux.reduce((a, c) => a + c.messages, 0);
  const ipis = linux.reduce((a, c) => a + c.ipis, 0);
  return { messages, ipis, coalescing: ipis > 0 ? messages / ipis : 0, linux, replies, replyIpis };
}

export function nodeMetrics(sim: NodeSim) {
  const { roles, appCpus } = sim.config;
  const s = sim.state;
  const all = roles.map((_, i) => i);
  const linuxCpus = all.filter((c) => roles[c] !== Role.Lwk);
  const lwkCpus = all.filter((c) => roles[c] === Role.Lwk);
  const sum = (xs: Float64Array, cpus: readonly number[]) => cpus.reduce((a, c) => a + xs[c], 0);
  const now = Math.max(1, sim.now);
  const design = designOf(sim.config).metrics?.(sim);
  return {
    preset: sim.config.name,
    system: sim.config.system,
    mechanism: sim.config.syscalls.mechanism,
    partition: sim.config.partitionText,
    launchedAtNs: s.launchedAt,
    noise: { linux: groupNoise(sim, linuxCpus), lwk: groupNoise(sim, lwkCpus), app: groupNoise(sim, appCpus), interferenceNs: sum(s.noise.interferenceNs, appCpus) },
    fwq: fwqMetrics(sim),
    syscalls: syscallMetrics(sim),
    channels: channelMetrics(sim),
    linuxCpuTime: {
      proxyNs: sum(s.cpuTime.proxyNs, linuxCpus),
      handlerNs: sum(s.cpuTime.handlerNs, linuxCpus),
      utilisation: sum(s.cpuTime.busyNs, linuxCpus) / (now * Math.max(1, linuxCpus.length)),
    },
    signals: { ...s.signals },
    progress: { iterations: s.progress.iterations, mpiMessages: s.progress.mpiMessages, checkpoints: s.progress.checkpoints },
    osnode: osNodeMetrics(s.osnode, sim.config.osnode),
    memory: {
      pageFaults: { linuxCpus: sum(s.pageFaults.count, linuxCpus), lwkCpus: sum(s.pageFaults.count, lwkCpus), faultNs: sum(s.pageFaults.ns, all) },
      /** Mean compute stretch from TLB misses over the application threads. */
      meanTlbFactor: meanTlb(sim),
      domains: memoryMetrics(s.memory),
      regions: lwkRegionSummary(sim),
    },
    ...(design ? { design: { ...design } } : {}),
  };
}
