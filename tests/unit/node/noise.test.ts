import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import { createNodeSimulation } from '../../../src/engine/node/model';
import { Cause, CAUSE_COUNT, Role } from '../../../src/engine/node/kinds';
import { Tr } from '../../../src/engine/node/events';
import { MS } from '../../../src/engine/kernel/time';
import { recordsOf, runCollecting } from './helpers';

function interruptsByCause(preset: string, untilNs: number, seed = 1) {
  const sim = createNodeSimulation(PRESETS[preset], seed);
  sim.runUntil(untilNs);
  const { roles } = sim.config;
  const lwk = new Array<number>(CAUSE_COUNT).fill(0);
  const linux = new Array<number>(CAUSE_COUNT).fill(0);
  for (let cpu = 0; cpu < roles.length; cpu++) {
    for (let c = 0; c < CAUSE_COUNT; c++) (roles[cpu] === Role.Lwk ? lwk : linux)[c] += sim.state.noise.interrupts[cpu * CAUSE_COUNT + c] + sim.state.noise.idle[cpu * CAUSE_COUNT + c];
  }
  return { sim, lwk, linux };
}

describe('OS noise on the node', () => {
  it('mos: LWK CPUs take no periodic interrupts while Linux CPUs do', () => {
    const { lwk, linux } = interruptsByCause('mos', 200 * MS);
    expect(lwk[Cause.Tick]).toBe(0);
    expect(lwk[Cause.RoundRobin]).toBe(0);
    expect(lwk[Cause.Daemon]).toBe(0);
    expect(lwk[Cause.DeviceIrq]).toBe(0);
    // Every Linux CPU at 1000 Hz for 200 ms.
    const linuxCpus = PRESETS.mos.roles.filter((r) => r !== Role.Lwk).length;
    expect(linux[Cause.Tick]).toBe(linuxCpus * 200);
  });

  it('linux: FWQ on application CPUs shows tick and daemon noise, and linux-tuned shows less', () => {
    const untuned = interruptsByCause('linux', 300 * MS);
    const tuned = interruptsByCause('linux-tuned', 300 * MS);
    const app = (sim: typeof untuned.sim, cause: number) => sim.config.appCpus.reduce((a, c) => a + sim.state.noise.interrupts[c * CAUSE_COUNT + cause], 0);
    expect(app(untuned.sim, Cause.Tick)).toBeGreaterThan(60 * 250);
    expect(app(untuned.sim, Cause.Daemon)).toBeGreaterThan(0);
    expect(app(tuned.sim, Cause.Daemon)).toBe(0); // isolcpus keeps daemons on housekeeping CPUs
    expect(app(tuned.sim, Cause.Residual)).toBeGreaterThan(0); // but vmstat & co. still reach nohz_full CPUs
    expect(app(untuned.sim, Cause.Residual)).toBe(0);
    expect(app(tuned.sim, Cause.Tick)).toBeLessThan(app(untuned.sim, Cause.Tick) / 100); // nohz_full: ~1 Hz residual
    const fwq = (sim: typeof untuned.sim) => sim.snapshot().metrics.fwq as { meanNoiseNs: number; maxNoiseNs: number };
    expect(fwq(tuned.sim).meanNoiseNs).toBeLessThan(fwq(untuned.sim).meanNoiseNs / 10);
    expect(fwq(tuned.sim).maxNoiseNs).toBeLessThan(fwq(untuned.sim).maxNoiseNs);
  });

  it('the round-robin quantum is off by default and, when set, interrupts LWK CPUs with its own cause', () => {
    const off = interruptsByCause('mos', 50 * MS);
    expect(off.lwk[Cause.RoundRobin]).toBe(0);
    const config = { ...PRESETS.mos, lwk: { ...PRESETS.mos.lwk, rrQuantumNs: 10 * MS } };
    const sim = createNodeSimulation(config, 1);
    sim.runUntil(50 * MS);
    const rr = config.appCpus.reduce((a, c) => a + sim.state.noise.interrupts[c * CAUSE_COUNT + Cause.RoundRobin], 0);
    expect(rr).toBe(config.appCpus.length * 5);
  });

  it('every interruption of an LWK CPU is traced with a known cause, and the counters agree with the trace', () => {
    const { sim, records } = runCollecting(PRESETS['mos-bsp'], 80 * MS);
    const traced = new Array<number>(CAUSE_COUNT).fill(0);
    for (const r of recordsOf(records, Tr.IntrBegin)) {
      if (sim.config.roles[r.cpu] !== Role.Lwk) continue;
      expect(r.a).toBeGreaterThanOrEqual(0);
      expect(r.a).toBeLessThan(CAUSE_COUNT);
      traced[r.a]++;
    }
    const counted = new Array<number>(CAUSE_COUNT).fill(0);
    sim.config.roles.forEach((role, cpu) => {
      // Interruptions of a busy CPU (noise) and of an idle one (a wake-up) together are every traced one.
      if (role === Role.Lwk) for (let c = 0; c < CAUSE_COUNT; c++) counted[c] += sim.state.noise.interrupts[cpu * CAUSE_COUNT + c] + sim.state.noise.idle[cpu * CAUSE_COUNT + c];
    });
    expect(traced).toEqual(counted);
    expect(traced[Cause.Ipi]).toBeGreaterThan(0); // futex wake-ups of the barrier
  });

  it('MPI traffic adds no interrupts on LWK CPUs (OS bypass), while on untuned Linux the card interrupts application CPUs', () => {
    const mos = interruptsByCause('mos-bsp', 120 * MS);
    expect(mos.sim.state.progress.mpiMessages).toBeGreaterThan(0);
    expect(mos.lwk[Cause.DeviceIrq]).toBe(0);
    const linux = interruptsByCause('linux-bsp', 120 * MS);
    const appIrqs = linux.sim.config.appCpus.reduce((a, c) => a + linux.sim.state.noise.interrupts[c * CAUSE_COUNT + Cause.DeviceIrq], 0);
    expect(appIrqs).toBeGreaterThan(0);
  });
});
