/**
 * The rows of compare mode's difference table: what is read from each session's metrics (the
 * object `mos-explorer run --json` prints) and how a value and a difference are written. Routes
 * come from the descriptor table, read when the rows are built (a design may register more).
 * Pure: tests format the same numbers the same way.
 */
import { ROUTES } from '../../engine/descriptors';
import { formatDuration } from '../../engine/kernel/time';

export type DiffKind = 'count' | 'ns' | 'percent' | 'ratio';
type Metrics = Readonly<Record<string, unknown>> | null;

export interface DiffRow {
  readonly key: string;
  readonly label: string;
  readonly kind: DiffKind;
  /** The value, or undefined when the run did not measure it. */
  get(m: Metrics): number | undefined;
}

/** A finite number at a dotted path, or undefined. */
export function metricAt(m: unknown, path: string): number | undefined {
  let v: unknown = m;
  for (const k of path.split('.')) {
    if (typeof v !== 'object' || v === null || !(k in v)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

const at = (key: string, label: string, kind: DiffKind, path: string): DiffRow => ({ key, label, kind, get: (m) => metricAt(m, path) });

/** IPIs received on every CPU (doorbells, replies, migrations, wake-ups, shootdowns), busy or idle. */
function ipisReceived(m: Metrics): number | undefined {
  const parts = ['linux', 'lwk'].flatMap((g) => [`noise.${g}.interrupts.IPI`, `noise.${g}.idleInterrupts.IPI`]);
  if (metricAt(m, 'noise.linux.cpus') === undefined) return undefined;
  return parts.reduce((a, p) => a + (metricAt(m, p) ?? 0), 0);
}

function pageFaults(m: Metrics): number | undefined {
  const a = metricAt(m, 'memory.pageFaults.linuxCpus'), b = metricAt(m, 'memory.pageFaults.lwkCpus');
  return a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0);
}

function routeRows(): DiffRow[] {
  return ROUTES.flatMap((r) => {
    const base = `syscalls.routes.${r.key}`;
    // Quantiles of a route no call took are unmeasured, not zero.
    const measured = (m: Metrics, field: string) => ((metricAt(m, `${base}.count`) ?? 0) > 0 ? metricAt(m, `${base}.${field}`) : undefined);
    return [
      at(`${r.key}.count`, `${r.short}: calls`, 'count', `${base}.count`),
      { key: `${r.key}.p50`, label: `${r.short}: latency p50`, kind: 'ns', get: (m) => measured(m, 'p50Ns') },
      { key: `${r.key}.p99`, label: `${r.short}: latency p99`, kind: 'ns', get: (m) => measured(m, 'p99Ns') },
    ] satisfies DiffRow[];
  });
}

/** Every row, built now from the current descriptor tables. */
export function diffRows(): DiffRow[] {
  return [
    at('iterations', 'BSP iterations', 'count', 'progress.iterations'),
    at('quanta', 'FWQ quanta', 'count', 'fwq.quanta'),
    at('noiseMean', 'FWQ noise per quantum (mean)', 'ns', 'fwq.meanNoiseNs'),
    at('noiseMax', 'FWQ noise per quantum (max)', 'ns', 'fwq.maxNoiseNs'),
    at('overhead', 'FWQ time lost to noise', 'percent', 'fwq.overhead'),
    ...routeRows(),
    { key: 'ipis', label: 'IPIs received (all kinds)', kind: 'count', get: ipisReceived },
    at('doorbells', 'doorbell IPIs (channels)', 'count', 'channels.ipis'),
    at('replyIpis', 'reply IPIs', 'count', 'channels.replyIpis'),
    { key: 'faults', label: 'page faults', kind: 'count', get: pageFaults },
    at('linuxCpu', 'Linux CPU use', 'percent', 'linuxCpuTime.utilisation'),
  ];
}

export function formatMetric(kind: DiffKind, v: number | undefined): string {
  if (v === undefined) return '–';
  switch (kind) {
    case 'count':
      return Math.round(v).toLocaleString('en-US');
    case 'ns':
      return formatDuration(Math.round(v));
    case 'percent':
      return `${(v * 100).toFixed(1)} %`;
    case 'ratio':
      return v.toFixed(2);
  }
}

/** Right against left: the signed difference, and for counts and times the relative one. */
export function formatDifference(kind: DiffKind, left: number | undefined, right: number | undefined): string {
  if (left === undefined || right === undefined) return '–';
  const d = right - left;
  if (d === 0) return 'same';
  if (kind === 'percent') return `${d >= 0 ? '+' : '−'}${Math.abs(d * 100).toFixed(1)} points`;
  const sign = d > 0 ? '+' : '−';
  const abs = kind === 'ns' ? formatDuration(Math.round(Math.abs(d))) : kind === 'count' ? Math.round(Math.abs(d)).toLocaleString('en-US') : Math.abs(d).toFixed(2);
  const rel = left !== 0 ? ` (${sign}${Math.abs((d / left) * 100).toFixed(d / left >= 10 ? 0 : 1)} %)` : '';
  return `${sign}${abs}${rel}`;
}
