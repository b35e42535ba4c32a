/**
 * What the Traces group does (ImportExport.tsx, which loads this module on first use): import an
 * strace log (or the files of strace -ff) into the session's worker and replay it, export the
 * run as a Chrome trace or its metrics as CSV. Lessons import their logs through importBlob too.
 */
import type { Session } from '../session/session';
import { metricsToCsv } from '../../engine/export/metricsCsv';
import { humanBytes } from '../../engine/config/size';
import { pidFromFileName } from '../../engine/strace/ffFiles';
import { packStraceFiles } from '../../worker/straceFileSet';
import { saveFile } from '../saveFile';
import { editsInForce, settingsInForce } from '../session/settingsInForce';

function download(name: string, text: string, type: string): void {
  saveFile(new Blob([text], { type }), name);
}

function baseName(session: Session): string {
  const s = session.store.getState();
  return `mos-explorer-${s.replay ? 'replay' : s.presetName}-seed${s.seed}`;
}

/** Parses `blob` in the worker and replays it; `name` is what notices and the Replay region call it. */
/** `reveal`: the page then goes to the Replay region (a user's import; a lesson's step shows its own views). */
export async function importBlob(session: Session, blob: Blob, name: string, reveal = true): Promise<void> {
  const { store, client } = session;
  store.setState({ importing: { loaded: 0, total: blob.size, name } });
  const outcome = await client.importStrace(blob, (loaded, total) => store.setState({ importing: { loaded, total, name } }));
  store.setState({ importing: null });
  if (!outcome) return;
  if (!outcome.ok) {
    // The user's run and settings are untouched.
    store.setState({ notice: `${name}: ${outcome.message}` });
    return;
  }
  const s = outcome.summary;
  const skipped = s.skippedLineCount > 0 ? `; ${s.skippedLineCount} line(s) skipped` : '';
  const capped = s.warningCount > 0 ? `; ${s.warningCount} line(s) with values capped` : '';
  store.setState((st) => ({
    replay: { fileName: name, summary: s, report: outcome.report, reveal },
    // The run restarts with the log as its workload: settings changed live so far become its own.
    edits: editsInForce(st.edits, st.commandLog),
    config: { ...settingsInForce(st.config, st.commandLog), workload: outcome.workload },
    notice: `Replaying ${name}: ${s.calls.total} calls from ${s.pids} thread id(s) in ${s.processes} process(es)${skipped}${capped}.`,
    selectedPid: null,
    inspectedCpu: null,
  }));
}

export function importFile(session: Session, file: File): Promise<void> {
  return importBlob(session, file, file.name);
}

/**
 * Several files: the per-thread files of one `strace -ff -o PREFIX` run (PREFIX.PID), merged.
 * From a folder (`fromFolder`), files not named PREFIX.PID (a README) are left out.
 */
export async function importFiles(session: Session, files: readonly File[], fromFolder = false): Promise<void> {
  const { store } = session;
  if (files.length === 1 && !fromFolder) return importFile(session, files[0]);
  const picked = fromFolder ? files.filter((f) => pidFromFileName(f.name) > 0) : files;
  if (picked.length === 0) {
    store.setState({ notice: `The folder ${folderOf(files)} holds no strace -ff files (named PREFIX.PID, e.g. trace.7711).` });
    return;
  }
  const packed = packStraceFiles(picked.map((f) => ({ name: f.name, blob: f })));
  if (!packed.ok) {
    store.setState({ notice: packed.message });
    return;
  }
  const prefixes = [...new Set(picked.map((f) => f.name.slice(0, f.name.lastIndexOf('.'))))];
  if (prefixes.length > 1) {
    const where = fromFolder ? `The folder ${folderOf(files)} mixes` : 'These files mix';
    store.setState({ notice: `${where} the -ff files of several runs (${prefixes.join(', ')}): choose the files of one run.` });
    return;
  }
  await importBlob(session, packed.blob, `${prefixes[0]}.* (${picked.length} strace -ff files)`);
}

function folderOf(files: readonly File[]): string {
  const path = files[0]?.webkitRelativePath ?? '';
  return path.includes('/') ? path.slice(0, path.indexOf('/')) : 'chosen';
}

export async function exportTrace(session: Session): Promise<void> {
  session.transport.pause();
  session.store.setState({ notice: 'Preparing the trace (the run is re-simulated from its start)…' });
  const text = await session.client.exportTrace();
  if (text === null) return;
  download(`${baseName(session)}.trace.json`, text, 'application/json');
  session.store.setState({ notice: `Trace exported (${humanBytes(text.length)}): open it in Perfetto UI.` });
}

export async function exportCsv(session: Session): Promise<void> {
  const metrics = await session.client.queryMetrics();
  if (metrics === null) return;
  download(`${baseName(session)}.metrics.csv`, metricsToCsv(metrics), 'text/csv');
}

