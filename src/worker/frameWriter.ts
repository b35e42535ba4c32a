/** Fills frame buffers from the simulation state (reusing buffers handed back by the page). */
import type { NodeSim } from '../engine/node/cpu';
import { CAUSE_COUNT, Role } from '../engine/node/kinds';
import { COUNTER_NAMES, FLIGHT_STRIDE, type FrameBuffers } from './protocol';

export function allocateBuffers(cpuCount: number, flightCapacity = 64): FrameBuffers {
  return {
    cpuActivity: new Uint8Array(cpuCount),
    cpuPid: new Int32Array(cpuCount),
    cpuInterrupts: new Float64Array(cpuCount),
    counters: new Float64Array(COUNTER_NAMES.length),
    flights: new Float64Array(flightCapacity * FLIGHT_STRIDE),
  };
}

/** IPIs still in the air (or landed within the last microsecond, so a step shows them). */
function writeFlights(sim: NodeSim, b: FrameBuffers): number {
  const f = sim.state.flights;
  let n = 0;
  for (let i = 0; i + FLIGHT_STRIDE <= f.length && n * FLIGHT_STRIDE < b.flights.length; i += FLIGHT_STRIDE) {
    if (f[i + 4] < sim.now - 1000) continue;
    b.flights.set(f.slice(i, i + FLIGHT_STRIDE), n * FLIGHT_STRIDE);
    n++;
  }
  return n;
}

function fits(b: FrameBuffers | null, cpuCount: number): b is FrameBuffers {
  return b !== null && b.cpuActivity.length === cpuCount && b.counters.length === COUNTER_NAMES.length;
}

/** Writes the current state into `reuse` (or fresh buffers) and returns them with the flight count. */
export function writeFrame(sim: NodeSim, reuse: FrameBuffers | null): { buffers: FrameBuffers; flightCount: number } {
  const n = sim.config.cpuCount;
  const b = fits(reuse, n) ? reuse : allocateBuffers(n);
  const s = sim.state;
  b.cpuActivity.set(s.cpu.act);
  let lwk = 0, linux = 0;
  for (let cpu = 0; cpu < n; cpu++) {
    const tid = s.cpu.current[cpu];
    b.cpuPid[cpu] = tid >= 0 ? s.threads[tid].pid : -1;
    let total = 0;
    for (let c = 0; c < CAUSE_COUNT; c++) total += s.noise.interrupts[cpu * CAUSE_COUNT + c];
    b.cpuInterrupts[cpu] = total;
    if (sim.config.roles[cpu] === Role.Lwk) lwk += total;
    else linux += total;
  }
  let quanta = 0, noise = 0, max = 0;
  for (const cpu of sim.config.appCpus) {
    quanta += s.fwq.count[cpu];
    noise += s.fwq.noiseSum[cpu];
    max = Math.max(max, s.fwq.noiseMax[cpu]);
  }
  b.counters[0] = lwk;
  b.counters[1] = linux;
  b.counters[2] = quanta;
  b.counters[3] = quanta > 0 ? noise / quanta : 0;
  b.counters[4] = max;
  return { buffers: b, flightCount: writeFlights(sim, b) };
}
