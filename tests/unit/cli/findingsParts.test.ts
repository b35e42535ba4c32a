/** The findings' building blocks: verdicts against published ranges, the tuned-Linux settings, sweeps that cannot run or misbehave. */
import { describe, expect, it } from 'vitest';
import { MS } from '../../../src/engine/kernel/time';
import { PRESETS } from '../../../src/engine/config/presets';
import { planRuns } from '../../../src/cli/compare/plan';
import { verdict, moreOrFewer, share, durationFlag } from '../../../src/cli/findings/phrases';
import { createMeasurer } from '../../../src/cli/findings/measure';
import { sweepSection } from '../../../src/cli/findings/sweepSection';
import type { SweepSpec } from '../../../src/cli/findings/sweeps';

describe('verdict', () => {
  const published = { sign: 1, range: [0, 0.29], typical: { value: 0.04, name: 'average' } } as const;
  it('says plainly when the model points the other way or shows nothing', () => {
    expect(verdict(-0.031, published)).toMatch(/^\*\*The model disagrees:\*\* it shows −3\.1 % where the paper reports a gain/);
    expect(verdict(0, published)).toMatch(/disagrees.*no difference/);
  });
  it('agrees within the range, and says where it stands against the typical value', () => {
    expect(verdict(0.05, published)).toBe('The model agrees in direction and its 5.0 % lies within the published range (0 % to 29 %). It is above the published average of 4 %.');
  });
  it('agrees in direction but not in magnitude outside the range', () => {
    expect(verdict(0.5, published)).toMatch(/agrees in direction, but its 50\.0 % is outside the published range/);
  });
  it('a published loss is matched by a negative change', () => {
    expect(verdict(-0.1, { sign: -1, range: [0, 0.2] })).toMatch(/agrees in direction/);
    expect(verdict(0.1, { sign: -1, range: [0, 0.2] })).toMatch(/disagrees.*reports a loss/);
  });
});

describe('phrases', () => {
  it('more, fewer, as many', () => {
    expect(moreOrFewer(105, 100, 'iterations')).toBe('5.0 % more iterations than');
    expect(moreOrFewer(98, 100, 'iterations')).toBe('2.0 % fewer iterations than');
    expect(moreOrFewer(7, 7, 'iterations')).toBe('exactly as many iterations as');
  });
  it('small shares keep two significant digits; durations print as flags', () => {
    expect(share(0.0016)).toBe('0.16 %');
    expect(share(0.000047)).toBe('0.0047 %');
    expect(share(0)).toBe('0 %');
    expect(durationFlag(200 * MS)).toBe('200ms');
    expect(durationFlag(1500)).toBe('1500ns');
  });
});

describe('the tuned Linux baseline', () => {
  it('linux-tuned-bsp has linux-tuned\'s Linux settings and linux-bsp\'s workload', () => {
    const plan = planRuns({ presets: ['linux-tuned-bsp'], sets: [], vary: null });
    if (!plan.ok) throw new Error(plan.errors.join('\n'));
    expect(plan.runs[0].config.linux).toEqual(PRESETS['linux-tuned'].linux);
    expect(plan.runs[0].config.workload).toEqual(PRESETS['linux-bsp'].workload);
  });
});

describe('sweepSection', () => {
  const base: Omit<SweepSpec, 'key' | 'values' | 'expect'> = {
    meaning: 'a test setting',
    presets: ['mos-bsp', 'linux-bsp'],
    context: 'Context [ross14].',
    sources: ['ross14'],
    baseline: 'linux-bsp',
  };

  it('a key the config checker rejects is skipped with its message', () => {
    const m = createMeasurer(1, 5 * MS);
    const text = sweepSection({ ...base, key: 'nope.k', values: [1, 2], expect: { notRising: [], unaffected: [], because: 'x' } }, m, 1, '5ms').join('\n');
    expect(text).toMatch(/\*\*Not run:\*\* the config checker rejects this key today \(`--set nope\.k=1: nope: unknown key/);
    expect(m.runs).toBe(0);
  });

  it('a table row per value, and an expectation the runs break is called unexpected', () => {
    const m = createMeasurer(1, 20 * MS);
    const spec: SweepSpec = {
      ...base,
      key: 'workload.syscallsPerIteration',
      values: [0, 32],
      // Deliberately wrong: more calls cannot leave mos-bsp untouched.
      expect: { notRising: ['linux-bsp'], unaffected: ['mos-bsp'], because: 'a test' },
    };
    const lines = sweepSection(spec, m, 1, '20ms');
    expect(lines.filter((l) => /^\| `(0|32)`/.test(l))).toHaveLength(2);
    expect(lines.join('\n')).toMatch(/\*\*Unexpected:\*\* `mos-bsp`'s iterations change \(\d+, \d+\) though the setting should not reach it/);
    expect(lines.join('\n')).toContain('--vary workload.syscallsPerIteration=0,32');
    expect(m.runs).toBe(4);
  });
});

describe('the sign of a difference across seeds', () => {
  it('says whether it holds in every seed, is nil, or changes with the seed', async () => {
    const { signPhrase } = await import('../../../src/cli/findings/seedsSection');
    const spread = (changes: number[]) => ({ min: Math.min(...changes), max: Math.max(...changes), positive: changes.filter((c) => c > 0).length, negative: changes.filter((c) => c < 0).length, seeds: changes.length });
    expect(signPhrase(spread([0.01, 0.02, 0.03]))).toBe('higher in all 3 seeds');
    expect(signPhrase(spread([-0.01, -0.02]))).toBe('lower in all 2 seeds');
    expect(signPhrase(spread([0, 0, 0, 0, 0]))).toBe('the same in all 5 seeds');
    expect(signPhrase(spread([0.01, -0.01, 0]))).toBe('**the sign changes with the seed** (higher in 1, lower in 1, the same in 1 of 3)');
  });
});
