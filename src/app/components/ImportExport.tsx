/**
 * Traces in and out: "Import strace" (file input or drag and drop anywhere on the page; parsed
 * in the worker with a progress bar) replays the log in the views; "Export trace" writes Chrome
 * Trace Event JSON for Perfetto UI; "Export CSV" writes the metrics table.
 */
import { useEffect, useId, useState } from 'react';
import { useUi } from '../store';
import { useSession } from '../session/context';
import type { Session } from '../session/session';
import { metricsToCsv } from '../../engine/export/metricsCsv';
import { humanBytes } from '../../engine/config/size';

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function baseName(session: Session): string {
  const s = session.store.getState();
  return `mos-explorer-${s.replay ? 'replay' : s.presetName}-seed${s.seed}`;
}

export async function importFile(session: Session, file: File): Promise<void> {
  const { store, client } = session;
  store.setState({ importing: { loaded: 0, total: file.size, name: file.name } });
  const outcome = await client.importStrace(file, (loaded, total) => store.setState({ importing: { loaded, total, name: file.name } }));
  store.setState({ importing: null });
  if (!outcome) return;
  if (!outcome.ok) {
    // The user's run and settings are untouched.
    store.setState({ notice: `${file.name}: ${outcome.message}` });
    return;
  }
  const s = outcome.summary;
  const skipped = s.skippedLineCount > 0 ? `; ${s.skippedLineCount} line(s) skipped` : '';
  store.setState((st) => ({
    replay: { fileName: file.name, summary: s, report: outcome.report },
    config: { ...st.config, workload: outcome.workload },
    notice: `Replaying ${file.name}: ${s.calls.total} calls from ${s.pids} thread id(s) in ${s.processes} process(es)${skipped}.`,
    selectedPid: null,
    inspectedCpu: null,
  }));
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

export function ImportExport() {
  const id = useId();
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
      const file = e.dataTransfer?.files[0];
      if (file) void importFile(session, file);
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
        className="visually-hidden"
        accept=".log,.txt,.strace,text/plain"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void importFile(session, file);
        }}
      />
      <label htmlFor={id} className="btn file-label" tabIndex={-1}>Import strace</label>
      <button type="button" className="btn" onClick={() => void exportTrace(session)}>Export trace</button>
      <button type="button" className="btn" onClick={() => void exportCsv(session)}>Export CSV</button>
      {importing && (
        <span className="import-progress">
          <progress aria-label="Import progress" max={Math.max(1, importing.total)} value={importing.loaded} />
          <span className="muted">{importing.name}: {humanBytes(importing.loaded)} of {humanBytes(importing.total)}</span>
        </span>
      )}
      {dragging && <div className="drop-overlay" aria-hidden="true">Drop a strace log to replay it</div>}
    </div>
  );
}
