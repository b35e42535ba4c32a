/**
 * Importing a strace log in the worker: the file is read as a stream through a streaming text
 * decoder into the columnar parser, reporting progress, so 100 MB logs keep the page responsive.
 * A set of strace -ff files (packed by straceFileSet.ts) is read file after file into the same
 * parser, each file's lines getting the pid of its name. The result becomes a replay workload; a
 * per-call report is computed for logs of moderate size.
 */
import { createStraceParser, summarizeStrace, type StraceParser, type StraceSummary } from '../engine/strace';
import { straceToWorkload } from '../engine/strace/toWorkload';
import { replayStrace, type ReplayReport } from '../engine/strace/replay';
import type { NodeConfig, WorkloadConfig } from '../engine/config/nodeConfig';
import { STRACE_FILE_SET_TYPE, unpackStraceFiles } from './straceFileSet';

/** Replay reports (a full headless run) are computed up to this many calls. */
const REPORT_MAX_CALLS = 200_000;
const PROGRESS_BYTES = 1 << 20;

export type ImportOutcome =
  | { readonly ok: true; readonly summary: StraceSummary; readonly workload: WorkloadConfig; readonly report: ReplayReport | null }
  | { readonly ok: false; readonly message: string };

/** Streams `blob` into the parser; `onBytes` gets the bytes read so far (of this blob). */
async function streamInto(parser: StraceParser, blob: Blob, onBytes: (loaded: number) => void): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  const reader = blob.stream().getReader();
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    parser.push(decoder.decode(value, { stream: true }));
    onBytes(loaded);
  }
  parser.push(decoder.decode());
}

export async function importStrace(file: Blob, config: NodeConfig, seed: number, onProgress: (loaded: number, total: number) => void): Promise<ImportOutcome> {
  const parser = createStraceParser();
  let lastReport = 0;
  const progress = (loaded: number): void => {
    if (loaded - lastReport < PROGRESS_BYTES) return;
    lastReport = loaded;
    onProgress(loaded, file.size);
  };
  if (file.type === STRACE_FILE_SET_TYPE) {
    const set = await unpackStraceFiles(file);
    if (!set.ok) return { ok: false, message: set.message };
    let before = 0;
    for (const { entry, blob } of set.files) {
      parser.beginFile(entry.name, entry.pid);
      await streamInto(parser, blob, (n) => progress(before + n));
      before += blob.size;
    }
  } else {
    await streamInto(parser, file, progress);
  }
  onProgress(file.size, file.size);
  const result = parser.end();
  if (result.notStrace) return { ok: false, message: result.message || 'This file does not look like strace output.' };
  const bad = result.files.find((f) => f.lines > 0 && f.parsedLines === 0);
  if (bad) return { ok: false, message: `${bad.name}: none of its ${bad.lines} line(s) is strace output, so these are not the files of one strace -ff run.` };
  const summary = summarizeStrace(result);
  const workload = straceToWorkload(result);
  let report: ReplayReport | null = null;
  if (result.calls.length <= REPORT_MAX_CALLS) report = replayStrace(result, config.name, seed, { base: config });
  return { ok: true, summary, workload, report };
}
