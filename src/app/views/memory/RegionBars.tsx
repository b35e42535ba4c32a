/**
 * Every LWK region at a readable scale: one bar per process, a segment per region kind, domain
 * and page size, its width proportional to its bytes within the process. The cell grid above
 * shows where memory is; at 384 MiB per cell most regions are smaller than a cell, so this is
 * where each process's text, heap and stacks (and their page sizes) can be seen. Written to the
 * DOM from the metrics poll (at most once a second), never through a React render.
 */
import { useEffect, useRef } from 'react';
import { pick } from './metricsPoller';
import { KIND_STYLES } from './drawMemory';
import { formatBytes } from './memoryModel';
import { useSession } from '../../session/context';
import { processNames } from '../../processNames';

interface RegionRow { pid: number; kind: string; numa: number; pageSize: number; bytes: number; regions: number }

const KINDS = ['text', 'heap', 'stack', 'mmap'];
const PAGE = (size: number) => (size >= 1 << 30 ? '1 GiB' : size >= 2 << 20 ? '2 MiB' : '4 KiB');
const PAGE_CLASS = (size: number) => (size >= 1 << 30 ? 'pg-1g' : size >= 2 << 20 ? 'pg-2m' : 'pg-4k');

function isRows(v: unknown): v is RegionRow[] {
  return Array.isArray(v) && v.every((r) => typeof r === 'object' && r !== null && typeof (r as RegionRow).pid === 'number');
}

export function RegionBars() {
  const ref = useRef<HTMLDivElement>(null);
  const { store, metrics } = useSession();
  useEffect(() => {
    let lastKey = '';
    const offSel = store.subscribe((s, prev) => {
      if (s.selectedPid === prev.selectedPid || !ref.current) return;
      for (const row of ref.current.querySelectorAll<HTMLElement>('[data-pid]')) row.classList.toggle('rb-dim', s.selectedPid !== null && Number(row.dataset.pid) !== s.selectedPid);
    });
    const off = metrics.subscribe((snap) => {
      const rows = pick(snap.metrics, ['memory', 'regions']);
      const el = ref.current;
      if (!el || !isRows(rows)) return;
      const key = JSON.stringify(rows);
      if (key === lastKey) return;
      lastKey = key;
      const byPid = new Map<number, RegionRow[]>();
      for (const r of rows) byPid.set(r.pid, [...(byPid.get(r.pid) ?? []), r]);
      const selected = store.getState().selectedPid;
      const names = processNames(store.getState().config);
      el.replaceChildren(
        ...[...byPid].map(([pid, regions]) => {
          const total = regions.reduce((a, r) => a + r.bytes, 0);
          const row = document.createElement('button');
          row.type = 'button';
          row.className = 'rb-row' + (selected !== null && selected !== pid ? ' rb-dim' : '');
          row.dataset.pid = String(pid);
          row.setAttribute('aria-label', `Regions of pid ${names.label(pid)}: ${regions.map((r) => `${r.kind} ${formatBytes(r.bytes)} in ${PAGE(r.pageSize)} pages on NUMA ${r.numa}`).join('; ')}`);
          row.addEventListener('click', () => store.setState({ selectedPid: store.getState().selectedPid === pid ? null : pid }));
          const label = document.createElement('span');
          label.className = 'rb-label';
          label.textContent = `pid ${names.label(pid)} · ${formatBytes(total)}`;
          const bar = document.createElement('span');
          bar.className = 'rb-bar';
          for (const r of regions) {
            const seg = document.createElement('span');
            const style = KIND_STYLES[Math.max(0, KINDS.indexOf(r.kind))];
            seg.className = `rb-seg ${PAGE_CLASS(r.pageSize)}`;
            seg.style.flexGrow = String(Math.max(r.bytes / total, 0.04));
            seg.style.backgroundColor = style.fill;
            seg.style.color = style.ink;
            seg.textContent = style.code;
            seg.title = `pid ${names.pid(pid)}: ${r.kind}, ${formatBytes(r.bytes)} in ${r.regions} region(s) of ${PAGE(r.pageSize)} pages, NUMA ${r.numa}`;
            bar.append(seg);
          }
          row.append(label, bar);
          return row;
        }),
      );
    });
    return () => {
      off();
      offSel();
    };
  }, [store, metrics]);
  return (
    <div className="rb" role="group" aria-label="LWK regions of each process">
      <div className="rb-title">LWK regions per process (to scale within each process; click to highlight)</div>
      <div ref={ref} className="rb-rows" />
    </div>
  );
}
