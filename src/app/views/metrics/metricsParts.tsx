/** The Metrics view's counters, legends and hidden-table rows. */
import type { NodeConfig } from '../../../engine/config/nodeConfig';
import { ROLE_NAMES } from '../../../engine/node/kinds';
import { ROUTES, STAGES } from '../../../engine/descriptors';
import { COUNTER_NAMES, Counter, type Frame } from '../../../worker/protocol';
import { fwqValue } from '../../../worker/frameLayout';
import { cellNumber } from '../writeRows';
import { fmtInt } from '../memory/memoryModel';
import { nsShort as ns, routeStats } from './drawLatency';
import { FWQ_COLORS } from './drawFwq';

const int = fmtInt;

/** The counters shown as text: label, value from the counters buffer, and a tooltip-ish explanation. */
export const COUNTERS: readonly { readonly label: string; readonly title: string; readonly value: (c: Float64Array) => string }[] = [
  { label: 'Channel messages', title: 'Messages inserted into Linux channels (function shipping)', value: (c) => int(c[Counter['channel messages']]) },
  {
    label: 'Channel IPIs',
    title: 'Doorbell IPIs to syscall CPUs: one per empty → non-empty transition; messages per IPI in parentheses',
    value: (c) => `${int(c[Counter['channel IPIs']])}${c[Counter['channel IPIs']] > 0 ? ` (${(c[Counter['channel messages']] / c[Counter['channel IPIs']]).toFixed(2)}/IPI)` : ''}`,
  },
  { label: 'Reply IPIs', title: 'IPIs raised by replies on LWK channels', value: (c) => int(c[Counter['reply IPIs']]) },
  { label: 'Page faults', title: 'Page faults on first touch of Linux memory (LWK memory never faults)', value: (c) => int(c[Counter['page faults']]) },
  { label: 'OS-node calls', title: 'Calls served by an OS node', value: (c) => int(c[Counter['OS-node calls']]) },
  { label: 'OS-node queue', title: 'Mean time a call waited in the OS node queue', value: (c) => ns(c[Counter['OS-node mean queue wait (ns)']]) },
  { label: 'Iterations', title: 'Application iterations completed (BSP)', value: (c) => int(c[Counter.iterations]) },
  { label: 'MPI messages', title: 'MPI messages (OS bypass: no syscalls)', value: (c) => int(c[Counter['MPI messages']]) },
  { label: 'Syscalls done', title: 'System calls completed / issued', value: (c) => `${int(c[Counter['syscalls completed']])} / ${int(c[Counter['syscalls issued']])}` },
  { label: 'Interruptions', title: 'Interruptions of LWK CPUs / of Linux CPUs', value: (c) => `${int(c[Counter['LWK interruptions']])} / ${int(c[Counter['Linux interruptions']])}` },
  { label: 'Proxy + handler CPU', title: 'CPU time Linux spent in proxies and IPI handlers', value: (c) => `${ns(c[Counter['proxy CPU time (ns)']])} + ${ns(c[Counter['IPI handler CPU time (ns)']])}` },
  { label: 'Linux CPU utilisation', title: 'Busy share of the Linux CPUs since the start', value: (c) => `${(c[Counter['Linux CPU utilisation']] * 100).toFixed(1)}%` },
];
export const UTIL_INDEX = COUNTERS.length - 1;

/** Columns of the routes table (read when rendered: designs may register stages). */
export const routeColumns = () => ['Route', 'Calls', 'p50 (ns)', 'p99 (ns)', 'max (ns)', 'mean (ns)', ...STAGES.map((s) => `${s.short} mean (ns)`)];

export function routeRows(f: Frame): string[][] {
  return ROUTES.map((route, r) => {
    const s = routeStats(f.buffers.routes, r);
    return [route.key, cellNumber(s.count), cellNumber(s.p50), cellNumber(s.p99), cellNumber(s.max), cellNumber(s.mean), ...s.stages.map(cellNumber)];
  });
}

export const FWQ_COLUMNS = ['CPU', 'Partition', 'NUMA domain', 'Quanta', 'Mean noise (ns)', 'Max noise (ns)'];

export function fwqRows(config: NodeConfig, f: Frame): string[][] {
  return [...config.appCpus].sort((a, b) => a - b).map((cpu) => {
    const q = f.buffers.fwq;
    return [String(cpu), ROLE_NAMES[config.roles[cpu]], String(config.numaOf[cpu]), cellNumber(fwqValue(q, cpu, 'quanta')), cellNumber(fwqValue(q, cpu, 'meanNoise')), cellNumber(fwqValue(q, cpu, 'maxNoise'))];
  });
}

export const COUNTER_COLUMNS = ['Counter', 'Value'];

export function counterRows(f: Frame): string[][] {
  return COUNTER_NAMES.map((name, i) => [name, String(Math.round(f.buffers.counters[i] * 1e4) / 1e4)]);
}

export function LatencyLegend() {
  return (
    <ul className="legend" aria-label="Legend: latency">
      <li><span aria-hidden="true">●</span>p50</li>
      <li><span aria-hidden="true">▲</span>p99</li>
      <li><span aria-hidden="true">◆</span>max</li>
      <li><span className="swatch mx-mean-swatch" aria-hidden="true" />mean</li>
      <li>100 % bar: the mean's share by stage:</li>
      {STAGES.map((s) => (
        <li key={s.key} title={s.title} data-stage-key={s.key}>
          <span className="swatch" style={{ background: s.colour, color: s.ink }} aria-hidden="true">{s.letter}</span>
          {s.short}
        </li>
      ))}
    </ul>
  );
}

export function FwqLegend() {
  return (
    <ul className="legend" aria-label="Legend: FWQ noise">
      <li><span className="swatch" style={{ background: FWQ_COLORS.lwk.mean }} aria-hidden="true" />LWK mean noise</li>
      <li><span className="swatch" style={{ background: FWQ_COLORS.lwk.max }} aria-hidden="true" />LWK max noise</li>
      <li><span className="swatch" style={{ background: FWQ_COLORS.linux.mean }} aria-hidden="true" />Linux mean noise</li>
      <li><span className="swatch" style={{ background: FWQ_COLORS.linux.max }} aria-hidden="true" />Linux max noise</li>
    </ul>
  );
}
