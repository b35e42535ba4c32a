/** Runs findings scenarios through the `compare` machinery (plan, config checker, run), each configuration once. */
import { planRuns } from '../compare/plan';
import { executeRuns, type CompareRun } from '../compare/execute';
import type { Scenario } from './scenarios';

export type Measured = { readonly ok: true; readonly run: CompareRun } | { readonly ok: false; readonly errors: readonly string[] };

export interface Measurer {
  /** The scenario at the findings' seed. */
  measure(scenario: Pick<Scenario, 'preset' | 'sets'>): Measured;
  /** The scenario at another seed (to see how much of a difference is the random streams). */
  measureAt(scenario: Pick<Scenario, 'preset' | 'sets'>, seed: number): Measured;
  /** How many simulations have run (repeated configurations are run once). */
  readonly runs: number;
}

export function createMeasurer(seed: number, untilNs: number): Measurer {
  const memo = new Map<string, Measured>();
  let runs = 0;
  const measureAt = ({ preset, sets }: Pick<Scenario, 'preset' | 'sets'>, at: number): Measured => {
    const plan = planRuns({ presets: [preset], sets, vary: null });
    if (!plan.ok) return { ok: false, errors: plan.errors };
    const spec = plan.runs[0];
    const key = JSON.stringify([preset, spec.config, at]);
    let m = memo.get(key);
    if (!m) {
      runs++;
      m = { ok: true, run: executeRuns([spec], at, untilNs)[0] };
      memo.set(key, m);
    }
    return m;
  };
  return {
    measure: (scenario) => measureAt(scenario, seed),
    measureAt,
    get runs() {
      return runs;
    },
  };
}
