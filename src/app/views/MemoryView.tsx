/**
 * "Memory regions": the physical memory of every NUMA domain, MEMORY_CELLS cells each, drawn
 * from the frame bus. Linux pages with their fragmentation, LWK regions per process by kind
 * and page size, page faults flashing where they land. Exact per-domain numbers come from the
 * metrics (at most once a second) into a visually hidden table and the block titles.
 */
import { useCallback, useEffect, useId, useMemo, useRef, type MouseEvent } from 'react';
import type { NodeConfig } from '../../engine/config/nodeConfig';
import { MEMORY_CELLS, type Frame } from '../../worker/protocol';
import { frameEvents } from './frameEvents';
import { readTheme, type Theme } from '../palette';
import { reducedMotion } from '../motion';
import { usePage, useSession } from '../session/context';
import { asCanvasContext } from '../export/canvasExports';
import { useTooltip } from '../components/Tooltip';
import { useCanvas } from './useCanvas';
import { HiddenTable } from './HiddenTable';
import { enclaveCells } from './memory/enclaveMemory';
import { RegionBars } from './memory/RegionBars';
import { drawFlashes, drawMemory, hitTest, layoutMemory, makePatterns, type DomainNote, type Flash, type MemLayout, type Patterns } from './memory/drawMemory';
import { CellsFilter, countCells, domainsOf, faultCell, fmtInt, formatBytes, formatPages, type DomainInfo } from './memory/memoryModel';
import { cellTooltip, MemoryLegend, domainRows, DOMAIN_COLUMNS, PROCESS_COLUMNS, processRows } from './memory/memoryParts';
import { num, type MetricsSnapshot } from './memory/metricsPoller';
import { writeRows } from './writeRows';
import './views-memory-metrics.css';
import { processNames } from '../processNames';

const TABLE_MS = 1000;

function cellSizeText(domains: readonly DomainInfo[]): string {
  const seen = new Map<string, DomainInfo>();
  for (const d of domains) seen.set(`${d.kind}:${d.cellBytes}`, d);
  const parts = [...seen.values()].map((d) => `${seen.size > 1 ? `${d.kind}: ` : ''}${formatBytes(d.cellBytes)} = ${formatPages(d.cellBytes)}`);
  return `One cell stands for ${parts.join('; ')} (domain size / ${MEMORY_CELLS}).`;
}

export function MemoryView({ config }: { config: NodeConfig }) {
  const domains = useMemo(() => domainsOf(config), [config]);
  const enclaves = useMemo(() => enclaveCells(config, domains), [config, domains]);
  const redraw = useRef<() => void>(() => {});
  const layoutRef = useRef<MemLayout>({ blocks: [], height: 0 });
  const cellsRef = useRef<Uint32Array | null>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const pidsRef = useRef<HTMLDivElement>(null);
  const faultsRef = useRef<HTMLParagraphElement>(null);
  const domainBody = useRef<HTMLTableSectionElement>(null);
  const processBody = useRef<HTMLTableSectionElement>(null);
  const onResize = useCallback(() => redraw.current(), []);
  const { ref, size } = useCanvas(onResize);
  const { bus, store, metrics } = useSession();
  const page = usePage();
  const tooltip = useTooltip();
  const pidsLabel = useId();

  useEffect(() => {
    const canvas = ref.current;
    const overlay = overlayRef.current;
    const ctx = canvas?.getContext('2d');
    const octx = overlay?.getContext('2d');
    if (!canvas || !overlay || !ctx || !octx) return;
    let theme: Theme | null = null;
    let patterns: Patterns | null = null;
    let cells: Uint32Array | null = null;
    const filter = new CellsFilter();
    let snapshot: MetricsSnapshot | null = null;
    let flashes: Flash[] = [];
    let faultsSeen = new Array<number>(domains.length).fill(0);
    let lastSeq = -1;
    let lastTime = -1;
    let lastTable = -Infinity;
    let dirty = true;
    let tableDirty = true;
    let pidKey = '';
    let lastFrame: Frame | null = null;

    const notes = (): (DomainNote | undefined)[] =>
      domains.map((d, i) => {
        if (!snapshot) return undefined;
        const m = snapshot.metrics;
        const lwk = num(m, ['memory', 'domains', i, 'lwkUsed']);
        const lin = num(m, ['memory', 'domains', i, 'linuxUsed']);
        const faults = num(m, ['memory', 'domains', i, 'faults']);
        const parts: string[] = [];
        if (d.lwkBytes > 0) parts.push(`LWK ${formatBytes(lwk)} of ${formatBytes(d.lwkBytes)}`);
        if (d.bytes > d.lwkBytes) parts.push(`Linux ${formatBytes(lin)} used`);
        if (faults > 0) parts.push(`${fmtInt(faults)} faults`);
        return { text: parts.join(' · ') };
      });

    const paintBase = () => {
      const { width, dpr } = size.current;
      if (width <= 0) return;
      const layout = layoutMemory(domains, width, enclaves.length);
      if (layout.height !== layoutRef.current.height) canvas.style.height = `${layout.height}px`;
      layoutRef.current = layout;
      canvas.dataset.grid = JSON.stringify(layout.blocks.map((b) => [b.domain, b.gridX, b.gridY, b.cell]));
      theme ??= readTheme(canvas);
      patterns ??= makePatterns(theme);
      drawMemory(ctx, { layout, domains, cells, notes: notes(), selectedPid: store.getState().selectedPid, theme, patterns, enclaves }, dpr, width);
      dirty = false;
    };
    const paintOverlay = (now: number) => {
      const { width, height, dpr } = size.current;
      if (width <= 0) return;
      const w = Math.round(width * dpr), h = Math.round(height * dpr);
      if (overlay.width !== w || overlay.height !== h) {
        overlay.width = w;
        overlay.height = h;
      }
      const live = drawFlashes(octx, layoutRef.current, flashes, now, reducedMotion(), dpr, width);
      if (!live) flashes = [];
    };
    redraw.current = () => {
      theme = null;
      patterns = null;
      paintBase();
      paintOverlay(performance.now());
    };
    // Exports draw the grid again as vectors (the cells as shapes); the overlay's passing flashes are left out.
    const unexport = [
      page.canvasExports.register(canvas, (svg, width) => {
        const t = (theme ??= readTheme(canvas));
        const layout = layoutMemory(domains, width, enclaves.length);
        drawMemory(asCanvasContext(svg), { layout, domains, cells, notes: notes(), selectedPid: store.getState().selectedPid, theme: t, patterns: (patterns ??= makePatterns(t)), enclaves }, 1, width);
      }),
      page.canvasExports.register(overlay, () => {}),
    ];

    const updatePids = (frame: Frame) => {
      const pids = new Set<number>();
      for (let d = 0; d < domains.length && cells; d++) for (const pid of countCells(cells, d).byPid.keys()) pids.add(pid);
      for (const cpu of config.appCpus) if (frame.buffers.cpuPid[cpu] >= 0) pids.add(frame.buffers.cpuPid[cpu]);
      const list = [...pids].sort((a, b) => a - b);
      const key = list.join(',');
      const box = pidsRef.current;
      if (key === pidKey || !box) return;
      pidKey = key;
      const sel = store.getState().selectedPid;
      box.replaceChildren(
        ...list.map((pid) => {
          const b = document.createElement('button');
          b.type = 'button';
          b.className = 'btn btn-small mm-pid';
          b.textContent = `pid ${processNames(config).label(pid)}`;
          b.dataset.pid = String(pid);
          b.setAttribute('aria-pressed', String(pid === sel));
          b.onclick = () => store.setState({ selectedPid: store.getState().selectedPid === pid ? null : pid });
          return b;
        }),
      );
    };
    const writeTables = (frame: Frame) => {
      const snap = snapshot;
      writeRows(domainBody.current, domainRows(domains, cells, snap, faultsSeen, frame.time, enclaves));
      writeRows(processBody.current, processRows(domains, cells, store.getState().selectedPid, processNames(config).pid));
      const out = faultsRef.current;
      if (out && snap) {
        const m = snap.metrics;
        const text = `Page faults so far: ${fmtInt(num(m, ['memory', 'pageFaults', 'linuxCpus']))} on Linux CPUs, ${fmtInt(num(m, ['memory', 'pageFaults', 'lwkCpus']))} on LWK CPUs · mean TLB factor ${num(m, ['memory', 'meanTlbFactor']).toFixed(3)}`;
        if (out.textContent !== text) out.textContent = text;
      }
      updatePids(frame);
    };

    const offFrames = bus.subscribe((frame, now) => {
      if (frame.seq !== lastSeq) {
        lastSeq = frame.seq;
        lastFrame = frame;
        if (frame.time < lastTime) {
          faultsSeen = new Array<number>(domains.length).fill(0);
          flashes = [];
        }
        lastTime = frame.time;
        const mc = frame.buffers.memoryCells;
        if (mc.length === domains.length * MEMORY_CELLS && filter.accept(mc, frame.running, frame.time)) {
          cells = cells?.length === mc.length ? cells : new Uint32Array(mc.length);
          cells.set(mc);
          cellsRef.current = cells;
          dirty = tableDirty = true;
        }
        for (const e of frameEvents(frame)) {
          if (e.type !== 'pageFault') continue;
          const dom = config.numaOf[e.cpu] ?? 0;
          faultsSeen[dom] += e.faults;
          const same = flashes.find((f) => f.domain === dom && f.start === now);
          if (same) same.faults += e.faults;
          else if (flashes.length < 48) flashes.push({ domain: dom, cell: cells ? faultCell(cells, dom) : -1, start: now, faults: e.faults });
        }
        if (!frame.running) tableDirty = true;
      }
      if (dirty) paintBase();
      if (flashes.length > 0) paintOverlay(now);
      if (tableDirty && (!frame.running || now - lastTable >= TABLE_MS)) {
        lastTable = now;
        tableDirty = false;
        writeTables(frame);
      }
    });
    const offMetrics = metrics.subscribe((s) => {
      snapshot = s;
      dirty = true;
      tableDirty = true;
    });
    const offUi = store.subscribe((s, prev) => {
      if (s.selectedPid === prev.selectedPid) return;
      dirty = true;
      pidsRef.current?.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(Number(b.dataset.pid) === s.selectedPid)));
      if (lastFrame) writeRows(processBody.current, processRows(domains, cells, s.selectedPid, processNames(config).pid));
    });
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && store.getState().selectedPid !== null) store.setState({ selectedPid: null });
    };
    window.addEventListener('keydown', onKey);
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onTheme = () => redraw.current();
    media.addEventListener('change', onTheme);
    return () => {
      for (const u of unexport) u();
      offFrames();
      offMetrics();
      offUi();
      window.removeEventListener('keydown', onKey);
      media.removeEventListener('change', onTheme);
    };
  }, [config, domains, enclaves, ref, size, bus, store, metrics, page]);

  const cellAt = (e: MouseEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return hitTest(layoutRef.current, e.clientX - r.left, e.clientY - r.top);
  };
  const onMove = (e: MouseEvent<HTMLCanvasElement>) => {
    const hit = cellAt(e);
    if (!hit) return tooltip.hide();
    tooltip.show(e.clientX, e.clientY, cellTooltip(domains[hit.block.domain], hit.cell, cellsRef.current, processNames(config).pid));
  };
  const onClick = (e: MouseEvent<HTMLCanvasElement>) => {
    const hit = cellAt(e);
    const cells = cellsRef.current;
    if (!hit || !cells) return;
    const code = cells[hit.block.domain * MEMORY_CELLS + hit.cell];
    store.setState({ selectedPid: (code & 3) === 2 ? code >>> 8 : null });
  };

  return (
    <section className="panel mm-panel" aria-label="Memory regions">
      <h2 className="panel-title">Memory regions</h2>
      <p className="panel-sub">{cellSizeText(domains)}</p>
      <div className="mm-stack">
        <canvas ref={ref} className="mm-canvas" role="img" aria-label="Physical memory per NUMA domain: Linux pages and LWK regions" onPointerMove={onMove} onPointerLeave={tooltip.hide} onClick={onClick} />
        <canvas ref={overlayRef} className="mm-overlay" aria-hidden="true" />
      </div>
      <div className="mm-row">
        <span className="mm-label" id={pidsLabel}>Highlight a process:</span>
        <div ref={pidsRef} className="mm-pids" role="group" aria-labelledby={pidsLabel} />
      </div>
      <RegionBars />
      <p ref={faultsRef} className="mm-faults" aria-label="Page faults" />
      <MemoryLegend />
      <HiddenTable caption="Memory per NUMA domain" columns={DOMAIN_COLUMNS} tableRef={domainBody} />
      <HiddenTable caption="LWK regions by process" columns={PROCESS_COLUMNS} tableRef={processBody} />
    </section>
  );
}
