/** Runs findings scenarios through the `compare` machinery (plan, config checker, run), each configuration once. */
import { planRuns } from '../compare/plan';
import { executeRuns, type CompareRun } from '../compare/execute';
import type { Scenario } from './scenarios';

export type Measured = { readonly ok: true; readonly run: CompareRun } | { readonly ok: false; readonly errors: readonly string[] };

export interface Measurer {
  measure(scenario: Pick<Scenario, 'preset' | 'sets'>): Measured;
  /** How many simulations have run (repeated configurations are run once). */
  readonly runs: number;
}

export function createMeasurer(seed: number, untilNs: number): Measurer {
  const memo = new Map<string, Measured>();
  let runs = 0;
  return {
    measure({ preset, sets }) {
      const plan = planRuns({ presets: [preset], sets, vary: null });
      if (!plan.ok) return { ok: false, errors: plan.errors };
      const spec = plan.runs[0];
      const key = JSON.stringify([preset, spec.config]);
      let m = memo.get(key);
      if (!m) {
        runs++;
        m = { ok: true, run: executeRuns([spec], seed, untilNs)[0] };
        memo.set(key, m);
      }
      return m;
    },
    get runs() {
      return runs;
    },
  };
}
