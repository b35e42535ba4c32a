import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SCALE_PARAMS, listNoiseProfiles, simulateIterations, type NoiseProfile, type ScaleParams } from '../../../src/engine/scale';

const PROFILES: Record<string, NoiseProfile> = {
  none: { kind: 'none' },
  periodic: { kind: 'periodic', periodNs: 10_000, durationNs: 2_500 },
  bernoulli: { kind: 'bernoulli', p: 0.2, delayNs: 3_000 },
  exponential: { kind: 'exponential', meanNs: 2_000 },
  uniform: { kind: 'uniform', maxNs: 5_000 },
  trace: { kind: 'trace', periodNs: 9_000, detours: [{ startNs: 100, durationNs: 700 }, { startNs: 4_000, durationNs: 1_500 }, { startNs: 8_500, durationNs: 900 }] },
  'empirical delays': { kind: 'empirical', form: 'delays', delaysNs: [0, 100, 2_000, 9_000] },
  'empirical detours': { kind: 'empirical', form: 'detours', periodNs: 6_000, detours: [{ startNs: 0, durationNs: 300 }, { startNs: 3_000, durationNs: 1_000 }] },
};
for (const named of listNoiseProfiles()) PROFILES[named.name] = named.profile;

function base(noise: NoiseProfile, extra: Partial<ScaleParams> = {}): ScaleParams {
  // Overheads comparable to the detours, so noise lands in barrier rounds too.
  return { ...DEFAULT_SCALE_PARAMS, noise, iterations: 4, computeNs: 7_000, logGP: { L: 900, o: 400, g: 600, G: 2 }, messageBytes: 16, seed: 5, ...extra };
}

function same(p: ScaleParams, nodes: number): void {
  const fast = Array.from(simulateIterations(p, nodes, 'fast'));
  const naive = Array.from(simulateIterations(p, nodes, 'naive'));
  expect(fast).toEqual(naive);
}

describe('the fast model equals the event-by-event reference exactly', () => {
  for (const [name, noise] of Object.entries(PROFILES)) {
    for (const collective of ['barrier', 'allreduce', 'none'] as const) {
      it(`${name}, ${collective}, N = 1..256`, () => {
        for (const nodes of [1, 2, 3, 5, 16, 33, 100, 256]) same(base(noise, { collective }), nodes);
      });
    }
  }

  it('for random parameters (ranks per node, phase modes, charging, LogGP)', () => {
    const profile = fc.constantFrom(...Object.values(PROFILES));
    fc.assert(
      fc.property(
        fc.record({
          noise: profile,
          nodes: fc.integer({ min: 1, max: 64 }),
          ranksPerNode: fc.integer({ min: 1, max: 4 }),
          rankNoise: fc.constantFrom('correlated' as const, 'independent' as const),
          collective: fc.constantFrom('barrier' as const, 'allreduce' as const, 'none' as const),
          phase: fc.constantFrom('independent' as const, 'cosched' as const),
          redrawPhase: fc.boolean(),
          chargeCollective: fc.boolean(),
          computeNs: fc.integer({ min: 0, max: 30_000 }),
          L: fc.integer({ min: 0, max: 3_000 }),
          o: fc.integer({ min: 0, max: 2_000 }),
          seed: fc.integer({ min: 0, max: 1e9 }),
        }),
        (c) => {
          const logGP = { L: c.L, o: c.o, g: c.o, G: 1 };
          const p = base(c.noise, { ...c, logGP, iterations: 3, nodes: [c.nodes] });
          same(p, c.nodes);
        },
      ),
      { numRuns: 60 },
    );
  });
});
