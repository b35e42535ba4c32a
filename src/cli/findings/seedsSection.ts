/**
 * How much of section 1 is the seed: each BSP configuration at several seeds, and for each
 * comparison with Linux the range of the difference and in how many seeds its sign holds. A
 * difference smaller than its spread across seeds is not a finding.
 */
import { num } from '../compare/metricsPath';
import type { CompareRun } from '../compare/execute';
import { code, table } from './markdown';
import type { Measurer } from './measure';
import { change, count, signedPct } from './phrases';
import { bspScenarios, lwkBspLabels, SPREAD_SEEDS, TUNED_BSP_LABEL } from './scenarios';

const iterations = (r: CompareRun) => num(r.metrics, 'progress.iterations') ?? 0;

/** The spread of `label` against `base` across the seeds: [min, max] change and the seeds where it is positive. */
export interface Spread {
  readonly min: number;
  readonly max: number;
  readonly positive: number;
  readonly negative: number;
  readonly seeds: number;
}

function spreadOf(changes: readonly number[]): Spread {
  return { min: Math.min(...changes), max: Math.max(...changes), positive: changes.filter((c) => c > 0).length, negative: changes.filter((c) => c < 0).length, seeds: changes.length };
}

/** "higher in all 5 seeds", "the same in all 5 seeds", or a sign that changes with the seed. */
export function signPhrase(s: Spread): string {
  if (s.positive === s.seeds) return `higher in all ${s.seeds} seeds`;
  if (s.negative === s.seeds) return `lower in all ${s.seeds} seeds`;
  const equal = s.seeds - s.positive - s.negative;
  if (equal === s.seeds) return `the same in all ${s.seeds} seeds`;
  return `**the sign changes with the seed** (higher in ${s.positive}, lower in ${s.negative}, the same in ${equal} of ${s.seeds})`;
}

export function seedsSection(m: Measurer): string[] {
  const seeds = SPREAD_SEEDS;
  const byLabel = new Map<string, number[]>();
  for (const s of bspScenarios()) {
    const its: number[] = [];
    for (const seed of seeds) {
      const r = m.measureAt(s, seed);
      if (!r.ok) break;
      its.push(iterations(r.run));
    }
    if (its.length === seeds.length) byLabel.set(s.label, its);
  }
  const linux = byLabel.get('linux-bsp');
  const tuned = byLabel.get(TUNED_BSP_LABEL);
  if (!linux) return [];
  const vs = (its: number[], base: number[] | undefined) => (base ? spreadOf(its.map((v, i) => change(v, base[i]))) : undefined);
  const range = (s: Spread | undefined) => (s ? `${signedPct(s.min)} to ${signedPct(s.max)}` : 'n/a');
  const out = [
    '### Across seeds',
    '',
    `The same configurations with seeds ${seeds.join(', ')} (each compared with Linux at the same seed). A difference whose sign changes with the seed is within the model's run-to-run spread, not an effect of the design.`,
    '',
    ...table(
      ['configuration', ...seeds.map((s) => `seed ${s}`), 'vs linux-bsp', `vs ${TUNED_BSP_LABEL}`],
      [...byLabel].map(([label, its]) => [code(label), ...its.map((v) => count(v)), label === 'linux-bsp' ? '0.0 %' : range(vs(its, linux)), label === TUNED_BSP_LABEL ? '0.0 %' : range(vs(its, tuned))]),
    ),
    '',
  ];
  for (const label of lwkBspLabels()) {
    const its = byLabel.get(label);
    if (!its) continue;
    const a = vs(its, linux)!;
    const b = vs(its, tuned);
    out.push(`- ${code(label)} against ${code('linux-bsp')}: ${range(a)}, ${signPhrase(a)}${b ? `; against ${code(TUNED_BSP_LABEL)}: ${range(b)}, ${signPhrase(b)}` : ''}.`);
  }
  out.push('');
  return out;
}
