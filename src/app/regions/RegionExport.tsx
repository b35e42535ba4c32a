/** A region's "Export" menu: PNG at 1x or 2x, or vector SVG, of the region as it is on screen now. */
import { useId, useRef, useState } from 'react';
import { usePage, useSession } from '../session/context';
import { EXPORT_FORMATS, exportBaseName, type ExportFormat } from '../export/formats';
import { viewInfo } from '../views/viewInfo';

export function RegionExport({ view }: { view: string }) {
  const page = usePage();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const info = viewInfo(view);
  if (!info) return null;
  const run = async (format: ExportFormat) => {
    setOpen(false);
    const region = buttonRef.current?.closest('.view-slot')?.querySelector(':scope > section');
    if (!region) return;
    setBusy(true);
    const s = session.store.getState();
    const name = exportBaseName(view, s.presetName, s.seed, session.bus.frame?.time ?? null);
    const { exportRegion } = await import('../export/exportRegion');
    const problem = await exportRegion(region, info.title, name, format, page.canvasExports);
    setBusy(false);
    session.store.setState({ notice: problem ?? `Saved ${info.title} as ${format === 'svg' ? 'SVG' : 'PNG'}.` });
    buttonRef.current?.focus();
  };
  return (
    <div className="region-export">
      <button ref={buttonRef} type="button" className="btn btn-small region-tool" aria-haspopup="true" aria-expanded={open} aria-controls={menuId} aria-label={`Export ${info.title}`} disabled={busy} onClick={() => setOpen((o) => !o)}>
        {busy ? 'Exporting…' : 'Export'}
      </button>
      {open && (
        <div id={menuId} className="region-menu" role="group" aria-label={`Export ${info.title} as`} onKeyDown={(e) => e.key === 'Escape' && (setOpen(false), buttonRef.current?.focus())}>
          {EXPORT_FORMATS.map((f) => (
            <button key={f.format} type="button" className="btn btn-small" onClick={() => void run(f.format)}>
              {f.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
