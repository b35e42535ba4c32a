/**
 * Checks across parameters that keep a run bounded: each value may be physical on its own while
 * together they ask for more than 100 % of a CPU or a server (a 1 ms tick handler at 1,000 Hz),
 * which would queue work, and events, without end.
 */
import type { NodeConfig } from './nodeConfig';
import type { Problem } from './checkParam';
import { formatNumber, HOUR_NS } from './paramRules';
import { offeredLoad } from '../osnode';
import { Role } from '../node/kinds';
import { designInfoById } from '../designs/catalogue';

/** Most background PFS requests a second the whole machine may send (far above any real PFS). */
export const MAX_BACKGROUND_PER_SEC = 10_000_000;

const pct = (x: number): string => `${x >= 10 ? formatNumber(Math.round(x * 100)) : (Math.round(x * 1000) / 10).toString()} %`;

/** Mean of a log-normal given its median and shape. */
const lognormalMean = (median: number, sigma: number): number => median * Math.exp((sigma * sigma) / 2);

function tickProblems(c: NodeConfig): Problem[] {
  const out: Problem[] = [];
  const period = 1e9 / c.linux.hz;
  if (c.linux.tickNs >= period / 2) {
    out.push({ path: 'linux.tickNs', message: `a tick handler of ${formatNumber(c.linux.tickNs)} ns at ${formatNumber(c.linux.hz)} Hz takes half the tick period (${formatNumber(Math.round(period))} ns) or more: it must be shorter than ${formatNumber(Math.floor(period / 2))} ns` });
  }
  // The round-robin timer's handler costs a tick's.
  if (c.lwk.rrQuantumNs > 0 && c.linux.tickNs >= c.lwk.rrQuantumNs / 2) {
    out.push({ path: 'lwk.rrQuantumNs', message: `a round-robin quantum of ${formatNumber(c.lwk.rrQuantumNs)} ns must be more than twice the tick handler's ${formatNumber(c.linux.tickNs)} ns (linux.tickNs)` });
  }
  return out;
}

/** CPUs where daemons or device interrupts land (as src/engine/node/noise.ts chooses them). */
function eligible(c: NodeConfig, isolated: boolean): number[] {
  const app = new Set(c.appCpus);
  return c.roles.flatMap((r, cpu) => (r === Role.Lwk || (isolated && app.has(cpu)) ? [] : [cpu]));
}

function interruptProblems(c: NodeConfig): Problem[] {
  const { linux } = c;
  const daemonCpus = eligible(c, linux.isolcpus);
  const nicCpus = eligible(c, linux.irqAffinity);
  const daemonLoad = linux.daemons.reduce((s, d) => s + (d.ratePerSec * lognormalMean(d.medianNs, d.sigma)) / 1e9, 0);
  const nicLoad = (linux.nicIrqPerSec * linux.nicIrqNs) / 1e9;
  const tick = (linux.tickNs * linux.hz) / 1e9;
  const d = daemonCpus.length > 0 ? daemonLoad / daemonCpus.length : 0;
  const n = nicCpus.length > 0 ? nicLoad / nicCpus.length : 0;
  const nicSet = new Set(nicCpus);
  const both = daemonCpus.some((cpu) => nicSet.has(cpu));
  const worst = tick + Math.max(d + (both ? n : 0), n);
  if (worst < 1) return [];
  const path = n >= d ? 'linux.nicIrqPerSec' : 'linux.daemons';
  return [{ path, message: `the tick (${pct(tick)}), kernel daemons (${pct(d)}) and network-card interrupts (${pct(n)}) would keep a Linux CPU busy ${pct(worst)} of the time; together they must stay below 100 %` }];
}

function osNodeProblems(c: NodeConfig): Problem[] {
  const p = c.osnode;
  const perSec = (p.computeNodes - 1) * p.background.requestsPerSecPerComputeNode;
  const path = 'osnode.background.requestsPerSecPerComputeNode';
  if (perSec > MAX_BACKGROUND_PER_SEC) {
    return [{ path, message: `${formatNumber(p.computeNodes - 1)} background nodes would send ${formatNumber(Math.round(perSec))} requests per second in all; at most ${formatNumber(MAX_BACKGROUND_PER_SEC)} per second` }];
  }
  const load = offeredLoad(p);
  const worstOs = load.osNodes.reduce((m, x) => Math.max(m, x), 0);
  const out: Problem[] = [];
  if (worstOs >= 1) out.push({ path, message: `the background load would keep an OS node busy ${pct(worstOs)} of the time; it must stay below 100 % (fewer or smaller requests, more OS nodes, or a cheaper osnode.service)` });
  if (load.pfs >= 1) out.push({ path, message: `the background load would keep each PFS server busy ${pct(load.pfs)} of the time; it must stay below 100 % (fewer or smaller requests, more osnode.pfs.servers or bandwidth)` });
  return out;
}

function orderProblems(c: NodeConfig): Problem[] {
  const m = c.memory;
  const out: Problem[] = [];
  if (m.faultMinNs > m.faultMaxNs) out.push({ path: 'memory.faultMinNs', message: `${formatNumber(m.faultMinNs)} ns is above memory.faultMaxNs (${formatNumber(m.faultMaxNs)} ns): the clamp needs min <= max` });
  if (c.osnode.osNodes > c.osnode.computeNodes) out.push({ path: 'osnode.osNodes', message: `${formatNumber(c.osnode.osNodes)} OS nodes for ${formatNumber(c.osnode.computeNodes)} compute nodes: there must be at most one per compute node` });
  return out;
}

/**
 * One transfer may take at most an hour at the slowest per-byte cost on its way: the OS-node and
 * PFS calculator looks ahead over a request's whole service time.
 */
function transferProblems(c: NodeConfig): Problem[] {
  const o = c.osnode;
  const maxDistance = c.numaDistance.reduce((m, row) => Math.max(m, ...row), 10);
  const perByte = Math.max(
    1 / c.network.bytesPerNs,
    1 / o.network.bandwidthBytesPerNs + o.service.perByteNs + 1 / o.pfs.bandwidthBytesPerNs,
    (c.syscalls.costs.copyNsPerByte * maxDistance) / 10,
    c.syscalls.costs.userCopyNsPerByte,
  );
  const w = c.workload;
  const sizes: [string, number][] = w.kind === 'bsp' ? [['workload.haloBytes', w.haloBytes], ['workload.checkpointBytes', w.checkpointBytes]] : w.kind === 'syscall' ? [['workload.bytes', w.bytes]] : [];
  return sizes
    .filter(([, bytes]) => bytes * perByte > HOUR_NS)
    .map(([path, bytes]) => ({ path, message: `moving ${formatNumber(bytes)} bytes would take ${formatNumber(Math.round((bytes * perByte) / 1e9))} s at the slowest per-byte cost on its way (${formatNumber(perByte)} ns per byte); one transfer may take at most an hour` }));
}

/**
 * A node without Linux (every CPU an LWK's, as the cnk machine): nothing may need a Linux CPU —
 * no kernel daemons, device interrupts or PFS client there, and a design that runs without Linux.
 */
function noLinuxProblems(c: NodeConfig): Problem[] {
  if (c.roles.some((r) => r !== Role.Lwk)) return [];
  const why = 'this node has no Linux CPU to take them (every CPU is the LWK\'s)';
  const out: Problem[] = [];
  const design = designInfoById(c.syscalls.mechanism);
  if (design && !design.withoutLinux) out.push({ path: 'syscalls.mechanism', message: `the design "${design.title}" needs a Linux CPU and this node has none: choose a preset with Linux CPUs` });
  if (c.linux.daemons.some((d) => d.ratePerSec > 0)) out.push({ path: 'linux.daemons', message: `kernel daemons must be empty: ${why}` });
  if (c.linux.nicIrqPerSec > 0) out.push({ path: 'linux.nicIrqPerSec', message: `must be 0: ${why}` });
  if (c.network.irqPerMessage > 0) out.push({ path: 'network.irqPerMessage', message: `must be 0: ${why}` });
  if (c.osnode.mode === 'direct' && c.osnode.client.ratePerSec > 0) out.push({ path: 'osnode.mode', message: `a node that is its own PFS client runs the client on Linux: ${why}` });
  return out;
}

/** Problems of a whole configuration (empty when it can run). */
export function loadProblems(c: NodeConfig): Problem[] {
  return [...tickProblems(c), ...interruptProblems(c), ...osNodeProblems(c), ...orderProblems(c), ...transferProblems(c), ...noLinuxProblems(c)];
}
