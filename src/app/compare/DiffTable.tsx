/**
 * The difference table: progress, FWQ noise, latency per route, IPIs, page faults and Linux CPU
 * use of both sessions from their metrics (each session's poller: at most twice a second while
 * running, once after each paused frame), written to the DOM without a React render. The
 * simulated time each column was measured at is its first row.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import { formatClock } from '../../engine/kernel/time';
import { PRESET_TITLES } from '../../engine/config/presets';
import type { Session } from '../session/session';
import type { MetricsSnapshot } from '../views/memory/metricsPoller';
import { writeRows } from '../views/writeRows';
import { diffRows, formatDifference, formatMetric } from './diffRows';

function columnTitle(side: string, preset: string, edited: boolean): string {
  return `${side}: ${PRESET_TITLES[preset] ?? preset}${edited ? ' (edited)' : ''}`;
}

export function DiffTable({ left, right }: { left: Session; right: Session }) {
  const rows = useMemo(diffRows, []);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const leftTitle = useStore(left.store, (s) => columnTitle('Left', s.presetName, Object.keys(s.edits).length > 0));
  const rightTitle = useStore(right.store, (s) => columnTitle('Right', s.presetName, Object.keys(s.edits).length > 0));

  useEffect(() => {
    const snaps: (MetricsSnapshot | null)[] = [null, null];
    const write = () => {
      const [a, b] = snaps;
      const ma = a?.metrics ?? null, mb = b?.metrics ?? null;
      const data = [['simulated time', a ? formatClock(a.time) : '–', b ? formatClock(b.time) : '–', a && b ? (a.time === b.time ? 'same' : 'catching up') : '–']];
      for (const r of rows) {
        const va = r.get(ma), vb = r.get(mb);
        if (va === undefined && vb === undefined) continue;
        data.push([r.label, formatMetric(r.kind, va), formatMetric(r.kind, vb), formatDifference(r.kind, va, vb)]);
      }
      writeRows(bodyRef.current, data);
    };
    write();
    const offs = [left, right].map((s, i) =>
      s.metrics.subscribe((snap) => {
        snaps[i] = snap;
        write();
      }),
    );
    // A restarted run's old numbers no longer apply.
    const offStarts = [left, right].map((s, i) =>
      s.client.onStart(() => {
        snaps[i] = null;
        write();
      }),
    );
    return () => [...offs, ...offStarts].forEach((off) => off());
  }, [left, right, rows]);

  return (
    <section className="panel compare-diff" aria-label="Differences">
      <h2 className="panel-title">Differences</h2>
      <table className="data-table diff-table" aria-label="Difference table">
        <caption className="visually-hidden">Metrics of both sides at their simulated time, and the right side against the left</caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">{leftTitle}</th>
            <th scope="col">{rightTitle}</th>
            <th scope="col">Right vs left</th>
          </tr>
        </thead>
        <tbody ref={bodyRef} />
      </table>
    </section>
  );
}
