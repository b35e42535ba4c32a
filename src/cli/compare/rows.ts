/**
 * The rows of the comparison table: what is read from each run's metrics and how it is shown.
 * Routes and stages come from the descriptor tables, read when the rows are built (a design may
 * register more).
 */
import { ROUTES, STAGES } from '../../engine/descriptors';
import { formatDuration } from '../../engine/kernel/time';
import { firstNum, num, type Metrics } from './metricsPath';

export type RowKind = 'count' | 'ns' | 'percent' | 'ratio';

export interface Row {
  readonly label: string;
  readonly kind: RowKind;
  get(metrics: Metrics): number | undefined;
}

export interface Section {
  readonly title: string;
  readonly rows: readonly Row[];
}

const row = (label: string, kind: RowKind, path: string): Row => ({ label, kind, get: (m) => num(m, path) });

function sum(...xs: (number | undefined)[]): number | undefined {
  return xs.every((x) => x === undefined) ? undefined : xs.reduce<number>((a, x) => a + (x ?? 0), 0);
}

function routeRows(): Row[] {
  const rows: Row[] = [];
  for (const r of ROUTES) {
    const base = ['syscalls', 'routes', r.key];
    rows.push({ label: `${r.short}: calls`, kind: 'count', get: (m) => num(m, [...base, 'count']) });
    // Quantiles of a route no call took are not zero but unmeasured.
    const measured = (m: Metrics, key: string) => ((num(m, [...base, 'count']) ?? 0) > 0 ? num(m, [...base, key]) : undefined);
    rows.push({ label: `${r.short}: p50`, kind: 'ns', get: (m) => measured(m, 'p50Ns') });
    rows.push({ label: `${r.short}: p99`, kind: 'ns', get: (m) => measured(m, 'p99Ns') });
    for (const s of STAGES) {
      // Stage means are keyed by the stage's short name today; by its key if that changes.
      const paths = [[...base, 'stagesMeanNs', s.short], [...base, 'stagesMeanNs', s.key]];
      rows.push({ label: `${r.short}: ${s.short} (mean)`, kind: 'ns', get: (m) => firstNum(m, paths) });
    }
  }
  return rows;
}

/** Every section, built now from the current descriptor tables. */
export function compareSections(): Section[] {
  return [
    {
      title: 'application progress',
      rows: [row('BSP iterations', 'count', 'progress.iterations'), row('FWQ quanta', 'count', 'fwq.quanta')],
    },
    {
      title: 'FWQ noise',
      rows: [row('noise per quantum (mean)', 'ns', 'fwq.meanNoiseNs'), row('noise per quantum (max)', 'ns', 'fwq.maxNoiseNs'), row('time lost to noise', 'percent', 'fwq.overhead')],
    },
    { title: 'system call latency by route', rows: routeRows() },
    {
      title: 'barrier waits',
      rows: [
        row('waits', 'count', 'syscalls.sync.count'),
        row('p50', 'ns', 'syscalls.sync.p50Ns'),
        row('p99', 'ns', 'syscalls.sync.p99Ns'),
        row('mean', 'ns', 'syscalls.sync.meanNs'),
      ],
    },
    {
      title: 'channels and IPIs',
      rows: [
        row('messages to Linux', 'count', 'channels.messages'),
        row('doorbell IPIs', 'count', 'channels.ipis'),
        row('messages per IPI', 'ratio', 'channels.coalescing'),
        row('replies', 'count', 'channels.replies'),
        row('reply IPIs', 'count', 'channels.replyIpis'),
      ],
    },
    {
      title: 'memory',
      rows: [
        { label: 'page faults', kind: 'count', get: (m) => sum(num(m, 'memory.pageFaults.linuxCpus'), num(m, 'memory.pageFaults.lwkCpus')) },
        row('page fault time', 'ns', 'memory.pageFaults.faultNs'),
      ],
    },
    {
      title: 'Linux CPUs',
      rows: [row('utilisation', 'percent', 'linuxCpuTime.utilisation'), row('proxy time', 'ns', 'linuxCpuTime.proxyNs'), row('IPI handler time', 'ns', 'linuxCpuTime.handlerNs')],
    },
  ];
}

export function formatValue(kind: RowKind, v: number | undefined): string {
  if (v === undefined) return '-';
  switch (kind) {
    case 'count':
      return String(Math.round(v));
    case 'ns':
      return formatDuration(Math.round(v));
    case 'percent':
      return `${(v * 100).toFixed(v < 0.001 && v > 0 ? 3 : 1)} %`;
    case 'ratio':
      return v.toFixed(2);
  }
}
