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
import { humanBytes } from '../../engine/config/size';

/** The import and export code loads when it is first used (not in the page's first script). */
const actions = () => import('./traceActions');

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
      if (files.length > 0) void actions().then((a) => a.importFiles(session, files));
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
          if (files.length > 0) void actions().then((a) => a.importFiles(session, files));
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
          if (files.length > 0) void actions().then((a) => a.importFiles(session, files, true));
        }}
      />
      <label htmlFor={folderId} className="btn file-label" tabIndex={-1}>Import -ff folder</label>
      <button type="button" className="btn" onClick={() => void actions().then((a) => a.exportTrace(session))}>Export trace</button>
      <button type="button" className="btn" onClick={() => void actions().then((a) => a.exportCsv(session))}>Export CSV</button>
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
