/**
 * Importing a strace log in the worker: the file is read as a stream through a streaming text
 * decoder into the columnar parser, reporting progress, so 100 MB logs keep the page responsive.
 * The result becomes a replay workload; a per-call report is computed for logs of moderate size.
 */
import { createStraceParser, summarizeStrace, type StraceSummary } from '../engine/strace';
import { straceToWorkload } from '../engine/strace/toWorkload';
import { replayStrace, type ReplayReport } from '../engine/strace/replay';
import type { NodeConfig, WorkloadConfig } from '../engine/config/nodeConfig';

/** Replay reports (a full headless run) are computed up to this many calls. */
const REPORT_MAX_CALLS = 200_000;

export type ImportOutcome =
  | { readonly ok: true; readonly summary: StraceSummary; readonly workload: WorkloadConfig; readonly report: ReplayReport | null }
  | { readonly ok: false; readonly message: string };

export async function importStrace(file: Blob, config: NodeConfig, seed: number, onProgress: (loaded: number, total: number) => void): Promise<ImportOutcome> {
  const decoder = new TextDecoder('utf-8');
  const parser = createStraceParser();
  const reader = file.stream().getReader();
  let loaded = 0;
  let lastReport = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    parser.push(decoder.decode(value, { stream: true }));
    if (loaded - lastReport >= 1 << 20) {
      lastReport = loaded;
      onProgress(loaded, file.size);
    }
  }
  parser.push(decoder.decode());
  onProgress(file.size, file.size);
  const result = parser.end();
  if (result.notStrace) return { ok: false, message: result.message || 'This file does not look like strace output.' };
  const summary = summarizeStrace(result);
  const workload = straceToWorkload(result);
  let report: ReplayReport | null = null;
  if (result.calls.length <= REPORT_MAX_CALLS) report = replayStrace(result, config.name, seed, { base: config });
  return { ok: true, summary, workload, report };
}
