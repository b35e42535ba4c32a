/** Runs a comparison's plan: every run with the same seed and duration. */
import { simulate } from '../simulate';
import type { Metrics } from './metricsPath';
import type { RunSpec } from './plan';
import type { Assignment, Settings } from './settings';

export interface CompareRun {
  readonly preset: string;
  readonly varied: Assignment | null;
  readonly settings: Settings;
  readonly traceHash: string;
  /** Exactly what `run --json` prints as `metrics`. */
  readonly metrics: Metrics;
}

export function executeRuns(runs: readonly RunSpec[], seed: number, untilNs: number): CompareRun[] {
  return runs.map((r) => {
    const { snapshot } = simulate(r.config, seed, { untilNs });
    return { preset: r.preset, varied: r.varied, settings: r.settings, traceHash: snapshot.traceHash, metrics: snapshot.metrics };
  });
}
