/** The watchdog stops a run that makes no simulated progress and names the likely setting. */
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import { createNodeSimulation } from '../../../src/engine/node/model';
import { advanceWatched, STALL_EVENTS } from '../../../src/engine/node/watchdog';
import { simulate, StalledRun } from '../../../src/cli/simulate';
import { MS } from '../../../src/engine/kernel/time';

describe('watchdog', () => {
  it('a tick rate no CPU can serve (what the config checker now refuses) is stopped and named', () => {
    // Built directly, past the config checker: 1e12 ticks a second reschedules the tick at the same instant.
    const config = { ...PRESETS['mos-bsp'], linux: { ...PRESETS['mos-bsp'].linux, hz: 1e12 } };
    const sim = createNodeSimulation(config, 1);
    const r = advanceWatched(sim, 10 * MS);
    expect(r.stall).not.toBeNull();
    expect(r.stall!.events).toBeGreaterThanOrEqual(STALL_EVENTS);
    expect(r.stall!.kinds[0].name).toBe('tick');
    expect(r.stall!.message).toMatch(/makes no progress: .* mostly "tick" events .* the likely cause is linux\.hz/);
    expect(() => simulate(config, 1, { untilNs: 10 * MS })).toThrow(StalledRun);
  });

  it('a healthy run is never stopped, and runs exactly as without the watchdog', () => {
    const watched = createNodeSimulation(PRESETS['mos-bsp'], 1);
    const plain = createNodeSimulation(PRESETS['mos-bsp'], 1);
    expect(advanceWatched(watched, 20 * MS).stall).toBeNull();
    plain.runUntil(20 * MS);
    expect(watched.traceHash).toBe(plain.traceHash);
    expect(watched.now).toBe(plain.now);
  });
});
