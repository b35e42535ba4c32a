import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCALE_PARAMS,
  getNoiseProfile,
  listNoiseProfiles,
  parseNoiseSpec,
  parseNoiseTrace,
  registerNoiseProfile,
  runScale,
  scaleSteps,
  validateScaleParams,
  type ScaleParams,
  type ScalePoint,
} from '../../../src/engine/scale';

const P: ScaleParams = {
  ...DEFAULT_SCALE_PARAMS,
  nodes: [1, 8, 64],
  iterations: 20,
  noise: { kind: 'periodic', periodNs: 1_000_000, durationNs: 50_000 },
  histogram: { nodes: 64, bins: 10 },
};

describe('runScale', () => {
  it('streams one point per node count, in order, with progress up to 1', () => {
    const seen: number[] = [];
    const progress: number[] = [];
    const { points, cancelled } = runScale(P, { onResult: (p) => seen.push(p.nodes), onProgress: (f) => progress.push(f) });
    expect(cancelled).toBe(false);
    expect(seen).toEqual([1, 8, 64]);
    expect(points.map((p) => p.nodes)).toEqual([1, 8, 64]);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1])).toBe(true);
  });

  it('is deterministic for a seed and changes with the seed', () => {
    const a = runScale(P).points.map((p) => p.meanIterationNs);
    const b = runScale(P).points.map((p) => p.meanIterationNs);
    const c = runScale({ ...P, seed: 2 }).points.map((p) => p.meanIterationNs);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('stops when cancelled', () => {
    let polls = 0;
    const { points, cancelled } = runScale(P, { shouldCancel: () => ++polls >= 25 });
    expect(cancelled).toBe(true);
    expect(points.map((p) => p.nodes)).toEqual([1]);
  });

  it('can be driven as a generator in slices', () => {
    const gen = scaleSteps(P);
    let r = gen.next();
    let steps = 0;
    while (!r.done) {
      steps++;
      r = gen.next();
    }
    expect(steps).toBe(3 * 20 + 3);
    expect((r.value as ScalePoint[]).length).toBe(3);
  });

  it('reports slowdown, standard error, closed form and a histogram of per-node noise', () => {
    const pts = runScale(P).points;
    const last = pts[2];
    expect(last.slowdown).toBeCloseTo(last.meanIterationNs / last.noiselessIterationNs, 12);
    expect(last.slowdown).toBeGreaterThan(pts[0].slowdown);
    expect(last.stdErrorNs).toBeGreaterThan(0);
    expect(last.closedFormNs).toBeGreaterThan(last.noiselessIterationNs);
    const h = last.histogram!;
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(64);
    expect(h.counts).toHaveLength(10);
    expect(h.minNs).toBeGreaterThan(0);
    expect(pts[0].histogram).toBeUndefined();
  });

  it('rejects bad parameters with a readable message', () => {
    expect(validateScaleParams(P)).toBeNull();
    expect(validateScaleParams({ ...P, nodes: [0] })).toMatch(/node count 0/);
    expect(validateScaleParams({ ...P, iterations: 0 })).toMatch(/iterations/);
    expect(validateScaleParams({ ...P, logGP: { L: 10, o: 10, g: 1000, G: 0 } })).toMatch(/g must not exceed/);
    expect(validateScaleParams({ ...P, noise: { kind: 'bernoulli', p: 1.5, delayNs: 1 } })).toMatch(/probability/);
    expect(() => runScale({ ...P, nodes: [] })).toThrow(/at least one node/);
  });
});

describe('noise specs, traces and the profile registry', () => {
  it('parses the spec forms', () => {
    expect(parseNoiseSpec('periodic:100Hz:250us')).toEqual({ ok: true, profile: { kind: 'periodic', periodNs: 10_000_000, durationNs: 250_000 } });
    expect(parseNoiseSpec('periodic:1kHz:2us')).toEqual({ ok: true, profile: { kind: 'periodic', periodNs: 1_000_000, durationNs: 2_000 } });
    expect(parseNoiseSpec('bernoulli:0.01:1ms')).toEqual({ ok: true, profile: { kind: 'bernoulli', p: 0.01, delayNs: 1_000_000 } });
    expect(parseNoiseSpec('exp:10us')).toEqual({ ok: true, profile: { kind: 'exponential', meanNs: 10_000 } });
    expect(parseNoiseSpec('uniform:5us')).toEqual({ ok: true, profile: { kind: 'uniform', maxNs: 5_000 } });
    expect(parseNoiseSpec('none')).toEqual({ ok: true, profile: { kind: 'none' } });
    expect(parseNoiseSpec('periodic:0Hz:1us').ok).toBe(false);
    expect(parseNoiseSpec('exp:soon').ok).toBe(false);
  });

  it('parses traces: comments, an explicit period, errors with line numbers', () => {
    const t = parseNoiseTrace('# fwq\n100 20\n\n500 30 # daemon\nperiod 1000\n');
    expect(t).toEqual({ ok: true, periodNs: 1000, detours: [{ startNs: 100, durationNs: 20 }, { startNs: 500, durationNs: 30 }] });
    const implicit = parseNoiseTrace('10 5\n40 10\n');
    expect(implicit.ok && implicit.periodNs).toBe(50);
    const bad = parseNoiseTrace('10 5\nten 5\n');
    expect(!bad.ok && bad.error).toMatch(/line 2/);
    expect(parseNoiseTrace('# nothing\n').ok).toBe(false);
  });

  it('has the documented built-ins, all marked as assumptions, and accepts measured profiles', () => {
    const names = listNoiseProfiles().map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['linux-untuned', 'linux-tuned', 'mos-lwk']));
    expect(['linux-untuned', 'linux-tuned', 'mos-lwk'].every((n) => getNoiseProfile(n)!.assumed)).toBe(true);
    registerNoiseProfile({ name: 'test-fwq-linux-cpu', description: 'measured', assumed: false, profile: { kind: 'empirical', form: 'delays', delaysNs: [0, 1000, 3000] } });
    expect(parseNoiseSpec('test-fwq-linux-cpu').ok).toBe(true);
    expect(() => registerNoiseProfile({ name: 'Bad Name', description: '', assumed: false, profile: { kind: 'none' } })).toThrow(/bad profile name/);
  });

  it('orders the built-ins by noise: untuned Linux slows a large run most, the LWK least', () => {
    const slow = (name: string): number => {
      const profile = getNoiseProfile(name)!.profile;
      return runScale({ ...DEFAULT_SCALE_PARAMS, nodes: [1024], iterations: 20, computeNs: 5_000_000, noise: profile }).points[0].slowdown;
    };
    const [untuned, tuned, lwk] = ['linux-untuned', 'linux-tuned', 'mos-lwk'].map(slow);
    expect(untuned).toBeGreaterThan(tuned);
    expect(tuned).toBeGreaterThan(lwk);
    expect(lwk).toBeGreaterThanOrEqual(1);
  });
});
