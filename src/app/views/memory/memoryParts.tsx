/** The Memory view's legend, tooltip text and hidden-table rows. */
import { MEMORY_CELLS } from '../../../worker/protocol';
import { FRAG, HBM_EDGE, KIND_STYLES, LINUX_4K, LINUX_FREE, LINUX_HUGE } from './drawMemory';
import { KIND_NAMES, PAGE_NAMES, cellKind, cellPage, cellPid, countCells, formatBytes, formatPages, linuxFrag, linuxHuge, linuxUsed, owner, type DomainInfo } from './memoryModel';
import { num, type MetricsSnapshot } from './metricsPoller';
import { cellNumber } from '../writeRows';
import type { EnclaveCells } from './enclaveMemory';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** `pidText`: a pid as the page shows it (processNames.ts). */
export function cellTooltip(d: DomainInfo, i: number, cells: Uint32Array | null, pidText: (pid: number) => string = String): string[] {
  const from = d.base + i * d.cellBytes;
  const lines = [
    `NUMA ${d.id} (${d.kind === 'HBM' ? 'HBM, MCDRAM' : 'DDR'}) · cell ${i + 1} of ${MEMORY_CELLS}`,
    `Physical ${formatBytes(from)} to ${formatBytes(from + d.cellBytes)}`,
    `One cell: ${formatBytes(d.cellBytes)} = ${formatPages(d.cellBytes)}`,
  ];
  const code = cells?.[d.id * MEMORY_CELLS + i];
  if (code === undefined) return lines;
  const w = owner(code);
  if (w === 0) {
    const used = linuxUsed(code);
    lines.push(`Linux memory: ${pct(used)} used (about ${formatBytes(used * d.cellBytes)})`);
    lines.push(`Huge (2 MiB) pages: ${pct(linuxHuge(code))} of the used bytes; the rest 4 KiB pages`);
    lines.push(`Fragmentation: ${pct(linuxFrag(code))} of free 2 MiB blocks hold a stray page`);
  } else if (w === 1) {
    lines.push('LWK pool: free (mostly), physically contiguous');
  } else {
    const pid = cellPid(code);
    lines.push(`LWK region of pid ${pidText(pid)}: ${KIND_NAMES[cellKind(code)]}, ${PAGE_NAMES[cellPage(code)]} pages`);
    lines.push('Pre-populated and zeroed: no page faults');
    lines.push(`Click to highlight pid ${pidText(pid)} in every view (Escape clears)`);
  }
  return lines;
}

export const DOMAIN_COLUMNS = [
  'NUMA domain', 'Kind', 'Size (bytes)', 'One cell (bytes)', 'One cell (4 KiB pages)', 'Linux cells', 'LWK free cells', 'LWK region cells',
  'LWK pool (bytes)', 'LWK used (bytes)', 'LWK regions', 'Linux used (bytes)', 'Page faults', 'Huge-page faults', 'Faults seen in frames',
  'Fragmentation', 'Simulated time (ns)', 'Enclaves (bytes)',
] as const;

export function domainRows(domains: readonly DomainInfo[], cells: Uint32Array | null, snap: MetricsSnapshot | null, faultsSeen: readonly number[], time: number, enclaves: readonly EnclaveCells[] = []): string[][] {
  return domains.map((d, i) => {
    const c = cells ? countCells(cells, i) : null;
    const m = (k: string) => (snap ? cellNumber(num(snap.metrics, ['memory', 'domains', i, k])) : '');
    return [
      String(d.id), d.kind, String(d.bytes), String(d.cellBytes), String(d.cellBytes / 4096),
      c ? String(c.linux) : '', c ? String(c.lwkFree) : '', c ? String(c.region) : '',
      m('lwkBytes'), m('lwkUsed'), m('lwkRegions'), m('linuxUsed'), m('faults'), m('hugeFaults'), String(faultsSeen[i] ?? 0),
      snap ? num(snap.metrics, ['memory', 'domains', i, 'fragmentation']).toFixed(4) : '', String(time),
      enclaves.map((e) => `${e.name}: ${e.ranges[i]?.bytes ?? 0}`).join('; '),
    ];
  });
}

export const PROCESS_COLUMNS = ['Pid', 'NUMA domain', 'Region cells', 'Selected'] as const;

export function processRows(domains: readonly DomainInfo[], cells: Uint32Array | null, selected: number | null, pidText: (pid: number) => string = String): string[][] {
  if (!cells) return [];
  const rows: string[][] = [];
  domains.forEach((d, i) => {
    for (const [pid, n] of countCells(cells, i).byPid) rows.push([pidText(pid), String(d.id), String(n), pid === selected ? 'yes' : 'no']);
  });
  return rows.sort((a, b) => Number(a[0]) - Number(b[0]) || Number(a[1]) - Number(b[1]));
}

function Swatch({ fill, code, ink, pattern }: { fill: string; code?: string; ink?: string; pattern?: 'dots' | 'stripes' }) {
  return (
    <span className={`swatch mm-swatch${pattern ? ` mm-${pattern}` : ''}`} style={{ background: fill, color: ink }} aria-hidden="true">
      {code}
    </span>
  );
}

export function MemoryLegend() {
  return (
    <div className="mm-legends">
      <ul className="legend" aria-label="Legend: region kinds">
        {KIND_STYLES.map((s, k) => (
          <li key={s.code}><Swatch fill={s.fill} code={s.code} ink={s.ink} />{KIND_NAMES[k]}</li>
        ))}
        <li><Swatch fill="#999999" pattern="dots" />4 KiB pages</li>
        <li><Swatch fill="#999999" pattern="stripes" />2 MiB pages</li>
        <li><Swatch fill="#999999" />1 GiB pages</li>
      </ul>
      <ul className="legend" aria-label="Legend: Linux and pool">
        <li><Swatch fill={LINUX_4K} />Linux used, 4 KiB</li>
        <li><Swatch fill={LINUX_HUGE} />Linux huge pages</li>
        <li><Swatch fill={LINUX_FREE} />Linux free</li>
        <li><span className="swatch mm-swatch mm-frag" style={{ color: FRAG }} aria-hidden="true">▪▪</span>fragmentation</li>
        <li><span className="swatch mm-swatch mm-lwkfree" aria-hidden="true" />LWK pool free</li>
        <li><span className="swatch mm-swatch mm-fault" aria-hidden="true" />page fault</li>
        <li><span className="swatch mm-swatch mm-hbm" style={{ borderColor: HBM_EDGE }} aria-hidden="true" />HBM (MCDRAM)</li>
      </ul>
    </div>
  );
}
