/** The compact summary the CLI `replay` command prints (it adds the triage routes itself) and the page shows. */
import type { SkippedLine, StraceResult } from './parser';

/** The most frequent -k stack of a call name: its frames (innermost first) and how many calls had it. */
export interface CallSite {
  readonly frames: readonly string[];
  readonly calls: number;
}

export interface StraceSummary {
  readonly calls: { readonly total: number; readonly byName: Readonly<Record<string, number>> };
  readonly pids: number;
  readonly processes: number;
  /** Listed skipped lines (at most MAX_SKIPPED_LISTED); skippedLineCount counts them all. */
  readonly skippedLines: readonly SkippedLine[];
  readonly skippedLineCount: number;
  /** Lines read with a value capped to a physical bound (listed like skippedLines). */
  readonly warnings: readonly SkippedLine[];
  readonly warningCount: number;
  /** The -ff files merged, with the pid taken from each name; absent for a single log. */
  readonly files?: readonly { readonly name: string; readonly pid: number }[];
  /** With strace -k: per call name, its most frequent stack. */
  readonly callSites?: Readonly<Record<string, CallSite>>;
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
  const sites = callSites(result);
  return {
    calls: { total: result.calls.length, byName },
    pids: result.pids,
    processes: result.processes,
    skippedLines: result.skippedLines,
    skippedLineCount: result.skippedCount,
    warnings: result.warnings,
    warningCount: result.warningCount,
    ...(result.files.length > 0 ? { files: result.files.map((f) => ({ name: f.name, pid: f.pid })) } : {}),
    ...(sites ? { callSites: sites } : {}),
    ...(result.notStrace ? { notStrace: result.message } : {}),
  };
}

/** Per name, the stack (as a list of frame indices) most calls share; null without frames. */
function callSites(result: StraceResult): Record<string, CallSite> | null {
  const { start, count, list, texts } = result.frames;
  if (count.length === 0) return null;
  const perName = new Map<number, Map<string, number>>();
  for (let row = 0; row < count.length; row++) {
    if (count[row] === 0) continue;
    const name = result.calls.name[row];
    let stacks = perName.get(name);
    if (!stacks) perName.set(name, (stacks = new Map()));
    const key = list.subarray(start[row], start[row] + count[row]).join(',');
    stacks.set(key, (stacks.get(key) ?? 0) + 1);
  }
  const out: Record<string, CallSite> = {};
  for (const [name, stacks] of [...perName].sort((a, b) => (result.names[a[0]] < result.names[b[0]] ? -1 : 1))) {
    let best = '';
    let calls = 0;
    for (const [key, n] of stacks) if (n > calls) [best, calls] = [key, n];
    out[result.names[name]] = { frames: best.split(',').map((k) => texts[Number(k)]), calls };
  }
  return out;
}
