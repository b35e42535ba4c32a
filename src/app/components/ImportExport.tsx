/**
 * Traces in and out: "Import strace" (file input or drag and drop anywhere on the page; parsed
 * in the worker with a progress bar) replays the log in the views; several files at once, or
 * "Import -ff folder", are the per-thread files of `strace -ff -o PREFIX` (PREFIX.PID), merged
 * into one run. "Export trace" writes Chrome Trace Event JSON for Perfetto UI; "Export CSV"
 * writes the metrics table.
 */
import { useEffect, useId, useState } from 'react';
import { useUi } from '../store';
import { useSession } from '../session/context';
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

async function exportTrace(session: Session): Promise<void> {
  session.transport.pause();
  session.store.setState({ notice: 'Preparing the trace (the run is re-simulated from its start)…' });
  const text = await session.client.exportTrace();
  if (text === null) return;
  download(`${baseName(session)}.trace.json`, text, 'application/json');
  session.store.setState({ notice: `Trace exported (${humanBytes(text.length)}): open it in Perfetto UI.` });
}

async function exportCsv(session: Session): Promise<void> {
  const metrics = await session.client.queryMetrics();
  if (metrics === null) return;
  download(`${baseName(session)}.metrics.csv`, metricsToCsv(metrics), 'text/csv');
}

/** React has no prop for it: a folder picker is an input with the webkitdirectory attribute. */
const FOLDER_PICKER = { webkitdirectory: '' } as Record<string, string>;

export function ImportExport() {
  const id = useId();
  const folderId = useId();
  const session = useSession();
  const importing = useUi((s) => s.importing);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    const hasFile = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
    const over = (e: DragEvent) => {
      if (!hasFile(e)) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFile(e)) return;
      e.preventDefault();
      setDragging(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length > 0) void importFiles(session, files);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [session]);

  return (
    <div className="import-export" role="group" aria-label="Traces">
      <input
        id={id}
        type="file"
        multiple
        className="visually-hidden"
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          if (files.length > 0) void importFiles(session, files);
        }}
      />
      <label htmlFor={id} className="btn file-label" tabIndex={-1}>Import strace</label>
      <span id={`${id}-hint`} className="visually-hidden">One strace log, or the files of strace -ff -o PREFIX (PREFIX.PID) together.</span>
      <input
        id={folderId}
        type="file"
        className="visually-hidden"
        {...FOLDER_PICKER}
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          if (files.length > 0) void importFiles(session, files, true);
        }}
      />
      <label htmlFor={folderId} className="btn file-label" tabIndex={-1}>Import -ff folder</label>
      <button type="button" className="btn" onClick={() => void exportTrace(session)}>Export trace</button>
      <button type="button" className="btn" onClick={() => void exportCsv(session)}>Export CSV</button>
      {importing && (
        <span className="import-progress">
          <progress aria-label="Import progress" max={Math.max(1, importing.total)} value={importing.loaded} />
          <span className="muted">{importing.name}: {humanBytes(importing.loaded)} of {humanBytes(importing.total)}</span>
        </span>
      )}
      {dragging && <div className="drop-overlay" aria-hidden="true">Drop a strace log (or the files of strace -ff) to replay it</div>}
    </div>
  );
}
