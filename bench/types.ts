/** One figure printed by `npm run bench`. Targets are printed next to figures, never enforced (benchmarks must not rot). */
export interface BenchFigure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** Human text of the target, e.g. ">= 1e6 events/s", when the issue names one. */
  readonly target?: string;
  /** Whether the value meets the target (printed as ok / MISS). */
  readonly meets?: boolean;
}

export interface BenchSuite {
  readonly name: string;
  run(options: { quick: boolean }): Promise<BenchFigure[]>;
}
