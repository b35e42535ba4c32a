import { describe, expect, it } from 'vitest';
import {
  closedForm,
  DEFAULT_SCALE_PARAMS,
  harmonic,
  noiselessCollectiveNs,
  periodicExpectedMax,
  simulateIterations,
  type NoiseProfile,
  type ScaleParams,
} from '../../../src/engine/scale';

const SEEDS = [1, 42, 20260];

/** Compute-only charging and a zero-cost collective: the setting of the closed forms. */
function params(noise: NoiseProfile, computeNs: number, iterations: number, seed: number, extra: Partial<ScaleParams> = {}): ScaleParams {
  return { ...DEFAULT_SCALE_PARAMS, noise, computeNs, iterations, seed, collective: 'none', chargeCollective: false, ...extra };
}

function stats(xs: Float64Array): { mean: number; se: number } {
  const K = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / K;
  const varS = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (K - 1);
  return { mean, se: Math.sqrt(varS / K) };
}

function expectWithin4Se(p: ScaleParams, nodes: number, exact: number): void {
  const { mean, se } = stats(simulateIterations(p, nodes));
  expect(se).toBeGreaterThan(0);
  expect(Math.abs(mean - exact)).toBeLessThanOrEqual(4 * se);
}

const CASES: { name: string; noise: NoiseProfile; W: number; N: number }[] = [
  { name: 'bernoulli', noise: { kind: 'bernoulli', p: 0.01, delayNs: 1_000_000 }, W: 1_000_000, N: 64 },
  { name: 'exponential', noise: { kind: 'exponential', meanNs: 10_000 }, W: 1_000_000, N: 100 },
  { name: 'uniform', noise: { kind: 'uniform', maxNs: 100_000 }, W: 1_000_000, N: 50 },
  { name: 'periodic, random phase, W > T - d', noise: { kind: 'periodic', periodNs: 1_000_000, durationNs: 25_000 }, W: 2_000_000, N: 32 },
  { name: 'periodic, random phase, N = 1', noise: { kind: 'periodic', periodNs: 1_000_000, durationNs: 100_000 }, W: 2_500_000, N: 1 },
  { name: 'periodic, short compute', noise: { kind: 'periodic', periodNs: 1_000_000, durationNs: 200_000 }, W: 300_000, N: 8 },
  { name: 'empirical delays', noise: { kind: 'empirical', form: 'delays', delaysNs: [0, 0, 0, 5_000, 20_000, 80_000] }, W: 500_000, N: 16 },
];

describe('simulated mean iteration time matches the closed forms (|mean - exact| <= 4 SE)', () => {
  for (const c of CASES) {
    for (const seed of SEEDS) {
      it(`${c.name}, seed ${seed}`, () => {
        const exact = closedForm(c.noise, c.N, c.W)!;
        expect(exact).toBeGreaterThan(c.W);
        expectWithin4Se(params(c.noise, c.W, 4000, seed), c.N, exact);
      });
    }
  }
});

describe('with a barrier', () => {
  const noise: NoiseProfile = { kind: 'periodic', periodNs: 1_000_000, durationNs: 50_000 };
  const logGP = { L: 2_000, o: 1_000, g: 0, G: 0 };
  for (const seed of SEEDS) {
    it(`noise on compute only: between the N = 1 and N closed forms + C(N); charging the overheads costs more (seed ${seed})`, () => {
      // Upper bound: no rank leaves later than (latest compute end) + C. Lower bound: the rank that
      // left last still needs W + its own delay + C. Ranks that leave early start early, so the
      // N-source closed form is not reached exactly with a real collective.
      const p = params(noise, 2_000_000, 3000, seed, { collective: 'barrier', logGP });
      const C = noiselessCollectiveNs('barrier', 48, logGP, p.messageBytes)!;
      const { mean, se } = stats(simulateIterations(p, 48));
      expect(mean).toBeLessThanOrEqual(closedForm(noise, 48, 2_000_000, { collectiveNs: C })! + 4 * se);
      expect(mean).toBeGreaterThanOrEqual(closedForm(noise, 1, 2_000_000, { collectiveNs: C })! - 4 * se);
      const uncharged = stats(simulateIterations({ ...p, iterations: 300 }, 48)).mean;
      const charged = stats(simulateIterations({ ...p, iterations: 300, chargeCollective: true }, 48)).mean;
      expect(charged).toBeGreaterThan(uncharged);
    });
  }
});

describe('co-scheduled noise', () => {
  const noise: NoiseProfile = { kind: 'periodic', periodNs: 1_000_000, durationNs: 100_000 };
  for (const seed of SEEDS) {
    it(`does not grow with N: N = 1024 equals N = 1 and the N = 1 closed form (seed ${seed})`, () => {
      const p = params(noise, 2_500_000, 2000, seed, { phase: 'cosched' });
      const at1 = stats(simulateIterations(p, 1));
      const at1024 = stats(simulateIterations(p, 1024));
      expect(at1024.mean).toBe(at1.mean);
      expectWithin4Se(p, 1024, closedForm(noise, 1024, 2_500_000, { phase: 'cosched' })!);
      // Independent phases at the same N are much slower: the test can tell them apart.
      const indep = stats(simulateIterations({ ...p, phase: 'independent', iterations: 200 }, 1024));
      expect(indep.mean).toBeGreaterThan(at1.mean + 10 * at1.se);
    });
  }

  it('with the phase fixed for the run, the overhead tends to d / (T - d)', () => {
    const T = 1_000_000;
    const d = 100_000;
    const W = 3_333_333; // not a multiple of T - d, so the phase drifts across iterations
    const p = params({ kind: 'periodic', periodNs: T, durationNs: d }, W, 3000, 7, { phase: 'cosched', redrawPhase: false });
    const { mean } = stats(simulateIterations(p, 64));
    expect(mean / W - 1).toBeCloseTo(d / (T - d), 2);
  });
});

it('allreduce on 3 ranks: fold-in message, one exchange that finds the early message waiting, fold-out', () => {
  const logGP = { L: 1000, o: 100, g: 0, G: 0 };
  const msg = 1200;
  const xs = simulateIterations({ ...DEFAULT_SCALE_PARAMS, iterations: 1, computeNs: 0, logGP, messageBytes: 1, collective: 'allreduce' }, 3);
  // Rank 0 ends the exchange at msg + 2o; rank 2 gets the result msg + 2o + o + L + o later.
  expect(xs[0]).toBe(2 * msg + 2 * logGP.o);
});

describe('formulas', () => {
  it('periodic general formula reduces to d (W + d/2) / T at N = 1 when W + d <= T', () => {
    for (const [T, d, W] of [[1000, 100, 300], [10_000_000, 250_000, 1_000_000], [500, 1, 499]]) {
      expect(periodicExpectedMax(T, d, W, 1)).toBeCloseTo((d * (W + d / 2)) / T, 6);
    }
  });

  it('harmonic numbers', () => {
    expect(harmonic(1)).toBe(1);
    expect(harmonic(4)).toBeCloseTo(25 / 12, 12);
    expect(harmonic(1 << 22)).toBeCloseTo(Math.log(1 << 22) + 0.5772156649015329, 6);
  });

  it('has no closed form for a fixed phase or a trace', () => {
    const periodic: NoiseProfile = { kind: 'periodic', periodNs: 1000, durationNs: 10 };
    expect(closedForm(periodic, 4, 100, { redrawPhase: false })).toBeUndefined();
    expect(closedForm({ kind: 'trace', periodNs: 1000, detours: [{ startNs: 1, durationNs: 2 }] }, 4, 100)).toBeUndefined();
  });
});

describe('noiseless collectives', () => {
  const logGP = { L: 1200, o: 300, g: 100, G: 3 };
  const s = 64;
  const msg = 2 * logGP.o + logGP.L + (s - 1) * logGP.G;
  for (const N of [1, 2, 3, 7, 16, 100, 256, 1000]) {
    it(`dissemination barrier, N = ${N}: K (W + ceil(log2 N)(2o + L + (s-1)G)) exactly`, () => {
      const K = 5;
      const W = 123_456;
      const p: ScaleParams = { ...DEFAULT_SCALE_PARAMS, nodes: [N], iterations: K, computeNs: W, logGP, messageBytes: s, collective: 'barrier' };
      const xs = simulateIterations(p, N);
      const total = xs.reduce((a, b) => a + b, 0);
      expect(total).toBe(K * (W + Math.ceil(Math.log2(N)) * msg));
      expect(noiselessCollectiveNs('barrier', N, logGP, s)).toBe(Math.ceil(Math.log2(N)) * msg);
    });
    it(`allreduce, N = ${N}: log2 N messages for a power of two`, () => {
      const p: ScaleParams = { ...DEFAULT_SCALE_PARAMS, iterations: 3, computeNs: 1000, logGP, messageBytes: s, collective: 'allreduce' };
      const xs = simulateIterations(p, N);
      if (!Number.isInteger(Math.log2(N))) {
        expect(noiselessCollectiveNs('allreduce', N, logGP, s)).toBeUndefined();
        return;
      }
      for (const x of xs) expect(x).toBe(1000 + Math.log2(N) * msg);
      expect(noiselessCollectiveNs('allreduce', N, logGP, s)).toBe(Math.log2(N) * msg);
    });
  }
});
