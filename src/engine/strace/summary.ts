/** The compact summary the CLI `replay` command prints (it adds the triage routes itself). */
import type { SkippedLine, StraceResult } from './parser';

export interface StraceSummary {
  readonly calls: { readonly total: number; readonly byName: Readonly<Record<string, number>> };
  readonly pids: number;
  readonly processes: number;
  /** Listed skipped lines (at most MAX_SKIPPED_LISTED); skippedLineCount counts them all. */
  readonly skippedLines: readonly SkippedLine[];
  readonly skippedLineCount: number;
  /** Present only when the input is not strace output. */
  readonly notStrace?: string;
}

export function summarizeStrace(result: StraceResult): StraceSummary {
  const counts = new Array<number>(result.names.length).fill(0);
  const names = result.calls.name;
  for (let i = 0; i < result.calls.length; i++) counts[names[i]]++;
  // Sorted by name so that the JSON is stable whatever the order of first appearance.
  const order = result.names.map((n, i) => [n, counts[i]] as const).filter(([, n]) => n > 0);
  order.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const byName: Record<string, number> = {};
  for (const [name, n] of order) byName[name] = n;
  return {
    calls: { total: result.calls.length, byName },
    pids: result.pids,
    processes: result.processes,
    skippedLines: result.skippedLines,
    skippedLineCount: result.skippedCount,
    ...(result.notStrace ? { notStrace: result.message } : {}),
  };
}
