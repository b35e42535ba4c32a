/** The text table of `compare`: one column per run, one row per measure; rows no run measured are left out. */
import { compareSections, formatValue } from './rows';
import type { Metrics } from './metricsPath';

export interface TableRun {
  /** Header lines: the preset, then the swept value if any. */
  readonly header: readonly string[];
  readonly traceHash: string;
  readonly metrics: Metrics;
}

export function formatCompareTable(runs: readonly TableRun[]): string {
  const lines: string[][] = [];
  const headerDepth = Math.max(...runs.map((r) => r.header.length));
  for (let i = 0; i < headerDepth; i++) lines.push(['', ...runs.map((r) => r.header[i] ?? '')]);
  for (const section of compareSections()) {
    const rows: string[][] = [];
    for (const row of section.rows) {
      const values = runs.map((r) => row.get(r.metrics));
      // A row is shown when some run measured something other than zero.
      if (values.every((v) => v === undefined || v === 0)) continue;
      rows.push(['  ' + row.label, ...values.map((v) => formatValue(row.kind, v))]);
    }
    if (rows.length === 0) continue;
    lines.push([]);
    lines.push([section.title]);
    lines.push(...rows);
  }
  lines.push([]);
  lines.push(['trace hash', ...runs.map((r) => r.traceHash)]);

  const widths = runs.map((_, c) => Math.max(...lines.map((l) => (l.length > 1 ? l[c + 1].length : 0))));
  const first = Math.max(...lines.map((l) => (l.length > 1 ? l[0].length : 0)));
  return (
    lines
      .map((l) => (l.length <= 1 ? (l[0] ?? '') : [l[0].padEnd(first), ...l.slice(1).map((v, c) => v.padStart(widths[c]))].join('  ')).trimEnd())
      .join('\n') + '\n'
  );
}
