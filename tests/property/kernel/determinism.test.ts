/**
 * The run is a pure function of (config, seed, command log): chunking the run, stepping it,
 * or checkpointing and restoring mid-run must not change the trace hash.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createNodeSimulation, restoreNodeSimulation } from '../../../src/engine/node/model';
import { PRESETS } from '../../../src/engine/config/presets';

const PRESET_NAMES = ['mos', 'linux', 'linux-tuned', 'mos-bsp', 'mckernel', 'mos-as-built'];
import { MS } from '../../../src/engine/kernel/time';

/** Past the launch of every preset, into the syscall path of the BSP presets. */
const END = 34 * MS;
const reference = new Map<string, string>();
function referenceHash(preset: string, seed: number): string {
  const key = `${preset}/${seed}`;
  if (!reference.has(key)) {
    const sim = createNodeSimulation(PRESETS[preset], seed);
    sim.runUntil(END);
    reference.set(key, sim.traceHash);
  }
  return reference.get(key)!;
}

const presetArb = fc.constantFrom(...PRESET_NAMES);
const seedArb = fc.integer({ min: 0, max: 5 });

describe('determinism', () => {
  it('splitting a run into any run-until chunks gives the same traceHash', () => {
    fc.assert(
      fc.property(presetArb, seedArb, fc.array(fc.integer({ min: 0, max: END }), { maxLength: 12 }), (preset, seed, cuts) => {
        const sim = createNodeSimulation(PRESETS[preset], seed);
        for (const t of [...cuts].sort((a, b) => a - b)) sim.runUntil(t);
        sim.runUntil(END);
        expect(sim.traceHash).toBe(referenceHash(preset, seed));
      }),
      { numRuns: 25 },
    );
  });

  it('single steps interleaved with chunks give the same traceHash', () => {
    fc.assert(
      fc.property(presetArb, seedArb, fc.integer({ min: 0, max: 300 }), (preset, seed, steps) => {
        const sim = createNodeSimulation(PRESETS[preset], seed);
        for (let i = 0; i < steps; i++) sim.step();
        sim.runUntil(END);
        expect(sim.traceHash).toBe(referenceHash(preset, seed));
      }),
      { numRuns: 15 },
    );
  });

  it('checkpointing to bytes mid-run and restoring into a fresh simulation gives the same traceHash', () => {
    fc.assert(
      fc.property(presetArb, seedArb, fc.integer({ min: 0, max: END }), (preset, seed, cut) => {
        const sim = createNodeSimulation(PRESETS[preset], seed);
        sim.runUntil(cut);
        const restored = restoreNodeSimulation(sim.checkpoint());
        expect(restored.eventCount).toBe(sim.eventCount);
        restored.runUntil(END);
        expect(restored.traceHash).toBe(referenceHash(preset, seed));
      }),
      { numRuns: 20 },
    );
  });

  it('a different seed gives a different hash', () => {
    for (const preset of PRESET_NAMES) expect(referenceHash(preset, 1)).not.toBe(referenceHash(preset, 2));
  });

  it('replaying the command log reproduces a run with commands, also across a checkpoint', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.integer({ min: 0, max: END }), cpu: fc.integer({ min: 0, max: 63 }), us: fc.integer({ min: 1, max: 500 }) }), { maxLength: 6 }),
        fc.integer({ min: 0, max: END }),
        (injections, cut) => {
          const live = createNodeSimulation(PRESETS.mos, 3);
          for (const j of [...injections].sort((a, b) => a.at - b.at)) {
            live.runUntil(j.at);
            expect(live.command({ type: 'inject-interrupt', cpu: j.cpu, cause: 'IPI', durationNs: j.us * 1000 })).toBeNull();
          }
          live.runUntil(END);
          const replay = createNodeSimulation(PRESETS.mos, 3, { commands: live.commandLog });
          replay.runUntil(cut);
          const resumed = restoreNodeSimulation(replay.checkpoint());
          resumed.runUntil(END);
          expect(resumed.traceHash).toBe(live.traceHash);
          if (injections.length > 0) expect(live.traceHash).not.toBe(referenceHash('mos', 3));
        },
      ),
      { numRuns: 15 },
    );
  });
});
