/** Fills frame buffers from the simulation state, reusing the buffers the page hands back. */
import type { NodeSim } from '../engine/node/cpu';
import { CAUSE_COUNT, Role } from '../engine/node/kinds';
import { quantile } from '../engine/syscalls/calls';
import { Route, Stage } from '../engine/descriptors';
import { memoryCells } from '../engine/node/memory';
import { FLIGHT_FIELDS } from '../engine/node/ipi';
import { COUNTER_NAMES, Counter, MEMORY_CELLS, type FrameBuffers } from './protocol';
import { CHANNEL, EVENT, FLIGHT, FWQ, routeOffset, routesLength } from './frameLayout';

const MAX_FLIGHTS = 64;
export const MAX_EVENTS = 512;

function slotsPerChannel(sim: NodeSim): number {
  return sim.config.syscalls.channelCapacity + 16;
}

export function allocateBuffers(sim: NodeSim): FrameBuffers {
  const n = sim.config.cpuCount;
  const channels = sim.state.channels.linux.length;
  return {
    cpuActivity: new Uint8Array(n),
    cpuPid: new Int32Array(n),
    cpuInterrupts: new Float64Array(n),
    counters: new Float64Array(COUNTER_NAMES.length),
    flights: new Float64Array(MAX_FLIGHTS * FLIGHT.stride),
    channels: new Float64Array(channels * CHANNEL.stride),
    channelSlots: new Int32Array(channels * slotsPerChannel(sim)),
    lwkDepth: new Int32Array(n),
    routes: new Float64Array(routesLength()),
    fwq: new Float64Array(n * FWQ.stride),
    memoryCells: new Uint32Array(sim.state.memory.domains.length * MEMORY_CELLS),
    events: new Float64Array(MAX_EVENTS * EVENT.stride),
  };
}

function fits(b: FrameBuffers | null, sim: NodeSim): b is FrameBuffers {
  return (
    b !== null &&
    b.cpuActivity.length === sim.config.cpuCount &&
    b.counters.length === COUNTER_NAMES.length &&
    b.channels.length === sim.state.channels.linux.length * CHANNEL.stride &&
    b.routes.length === routesLength() &&
    b.channelSlots.length === sim.state.channels.linux.length * slotsPerChannel(sim) &&
    b.memoryCells.length === sim.state.memory.domains.length * MEMORY_CELLS
  );
}

function writeCpus(sim: NodeSim, b: FrameBuffers): void {
  const s = sim.state;
  b.cpuActivity.set(s.cpu.act);
  let lwk = 0, linux = 0;
  for (let cpu = 0; cpu < sim.config.cpuCount; cpu++) {
    const tid = s.cpu.current[cpu];
    b.cpuPid[cpu] = tid >= 0 ? s.threads[tid].pid : -1;
    let total = 0;
    // Every interruption, of a busy CPU (noise) or an idle one (a wake-up, a tick on an idle Linux CPU).
    for (let c = 0; c < CAUSE_COUNT; c++) total += s.noise.interrupts[cpu * CAUSE_COUNT + c] + s.noise.idle[cpu * CAUSE_COUNT + c];
    b.cpuInterrupts[cpu] = total;
    if (sim.config.roles[cpu] === Role.Lwk) lwk += total;
    else linux += total;
    const ch = s.channels.lwk[cpu];
    b.lwkDepth[cpu] = ch ? ch.queue.length : -1;
    const f = s.fwq, o = cpu * FWQ.stride;
    b.fwq[o + FWQ.field.quanta] = f.count[cpu];
    b.fwq[o + FWQ.field.meanNoise] = f.count[cpu] > 0 ? f.noiseSum[cpu] / f.count[cpu] : 0;
    b.fwq[o + FWQ.field.maxNoise] = f.noiseMax[cpu];
  }
  b.counters[Counter['LWK interruptions']] = lwk;
  b.counters[Counter['Linux interruptions']] = linux;
}

function writeCounters(sim: NodeSim, b: FrameBuffers): void {
  const s = sim.state;
  let quanta = 0, noise = 0, max = 0;
  for (const cpu of sim.config.appCpus) {
    quanta += s.fwq.count[cpu];
    noise += s.fwq.noiseSum[cpu];
    max = Math.max(max, s.fwq.noiseMax[cpu]);
  }
  const c = b.counters;
  c[Counter['FWQ quanta']] = quanta;
  c[Counter['FWQ mean noise (ns)']] = quanta > 0 ? noise / quanta : 0;
  c[Counter['FWQ max noise (ns)']] = max;
  c[Counter['syscalls issued']] = s.calls.issued;
  c[Counter['syscalls completed']] = s.calls.completed;
  let messages = 0, ipis = 0, replyIpis = 0;
  for (const ch of s.channels.linux) {
    messages += ch.inserts;
    ipis += ch.ipis;
  }
  for (const ch of s.channels.lwk) if (ch) replyIpis += ch.ipis;
  c[Counter['channel messages']] = messages;
  c[Counter['channel IPIs']] = ipis;
  c[Counter['reply IPIs']] = replyIpis;
  c[Counter['page faults']] = s.pageFaults.count.reduce((a, x) => a + x, 0);
  const os = s.calls.routes[Route.OsNode];
  c[Counter['OS-node calls']] = os.count;
  c[Counter['OS-node mean queue wait (ns)']] = os.count > 0 ? os.stageSumNs[Stage.OsNodeQueue] / os.count : 0;
  c[Counter.iterations] = s.progress.iterations;
  c[Counter['MPI messages']] = s.progress.mpiMessages;
  let busy = 0, proxy = 0, handler = 0, linuxCpus = 0;
  sim.config.roles.forEach((r, cpu) => {
    if (r === Role.Lwk) return;
    linuxCpus++;
    busy += s.cpuTime.busyNs[cpu];
    proxy += s.cpuTime.proxyNs[cpu];
    handler += s.cpuTime.handlerNs[cpu];
  });
  c[Counter['Linux CPU utilisation']] = sim.now > 0 ? Math.min(1, busy / (sim.now * Math.max(1, linuxCpus))) : 0;
  c[Counter['proxy CPU time (ns)']] = proxy;
  c[Counter['IPI handler CPU time (ns)']] = handler;
}

function writeChannels(sim: NodeSim, b: FrameBuffers): void {
  const s = sim.state;
  const per = slotsPerChannel(sim);
  b.channelSlots.fill(-1);
  s.channels.linux.forEach((ch, i) => {
    const o = i * CHANNEL.stride, F = CHANNEL.field;
    b.channels[o + F.syscallCpu] = ch.cpu;
    b.channels[o + F.depth] = ch.queue.length;
    b.channels[o + F.capacity] = ch.capacity;
    b.channels[o + F.waiting] = ch.waiting.length;
    b.channels[o + F.messages] = ch.inserts;
    b.channels[o + F.ipis] = ch.ipis;
    b.channels[o + F.transitions] = ch.transitions;
    ch.queue.forEach((id, k) => {
      if (k < ch.capacity) b.channelSlots[i * per + k] = s.calls.items[id]?.pid ?? -1;
    });
    ch.waiting.slice(0, per - ch.capacity).forEach((tid, k) => (b.channelSlots[i * per + ch.capacity + k] = s.threads[tid].pid));
  });
}

function writeRoutes(sim: NodeSim, b: FrameBuffers): void {
  sim.state.calls.routes.forEach((r, i) => {
    b.routes[routeOffset(i, 'count')] = r.count;
    b.routes[routeOffset(i, 'p50')] = quantile(r, 0.5);
    b.routes[routeOffset(i, 'p99')] = quantile(r, 0.99);
    b.routes[routeOffset(i, 'max')] = r.maxNs;
    b.routes[routeOffset(i, 'mean')] = r.count > 0 ? r.sumNs / r.count : 0;
    for (let st = 0; st < r.stageSumNs.length; st++) b.routes[routeOffset(i, { stage: st })] = r.count > 0 ? r.stageSumNs[st] / r.count : 0;
  });
}

/** IPIs still in the air (or landed within the last microsecond, so a step shows them). */
function writeFlights(sim: NodeSim, b: FrameBuffers): number {
  const f = sim.state.flights;
  let n = 0;
  // The engine keeps flights as [kind, from, to, start, end] (ipi.ts), the frame's FLIGHT order.
  for (let i = 0; i + FLIGHT_FIELDS <= f.length && n < MAX_FLIGHTS; i += FLIGHT_FIELDS) {
    if (f[i + FLIGHT.field.end] < sim.now - 1000) continue;
    for (let j = 0; j < FLIGHT.stride; j++) b.flights[n * FLIGHT.stride + j] = f[i + j];
    n++;
  }
  return n;
}

/**
 * The memory picture changes slowly: it is recomputed at most every `maxAgeMs` of wall time and
 * copied into every frame, so double-buffered frames never alternate between two pictures.
 */
export class MemoryCellCache {
  private cells: Uint32Array | null = null;
  private at = -Infinity;

  get(sim: NodeSim, wallNow: number, fresh: boolean, maxAgeMs: number): Uint32Array {
    if (!this.cells || fresh || wallNow - this.at >= maxAgeMs) {
      const cells = new Uint32Array(sim.state.memory.domains.length * MEMORY_CELLS);
      sim.state.memory.domains.forEach((_, d) => cells.set(memoryCells(sim.state.memory, d, MEMORY_CELLS), d * MEMORY_CELLS));
      this.cells = cells;
      this.at = wallNow;
    }
    return this.cells;
  }
}

/** Writes the current state into `reuse` (or fresh buffers). */
export function writeFrame(sim: NodeSim, reuse: FrameBuffers | null, memory: Uint32Array): { buffers: FrameBuffers; flightCount: number } {
  const b = fits(reuse, sim) ? reuse : allocateBuffers(sim);
  writeCpus(sim, b);
  writeCounters(sim, b);
  writeChannels(sim, b);
  writeRoutes(sim, b);
  b.memoryCells.set(memory);
  return { buffers: b, flightCount: writeFlights(sim, b) };
}
