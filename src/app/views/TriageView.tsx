/**
 * "Syscall triage": the path glibc interception -> LWK -> Linux -> OS node as an SVG flow
 * diagram with live counts and latencies per route and the mean of each stage; a canvas on top
 * moves one token per call (or shows per-route rates at high speed). Choosing a syscall name
 * highlights its routes and stages. Numbers are DOM writes (<= 10 Hz); a hidden table twins it.
 */
import { useCallback, useEffect, useRef, type ChangeEvent, type KeyboardEvent, type PointerEvent } from 'react';
import { ROUTE_STRIDE, type Frame } from '../../worker/protocol';
import { frameBus } from '../frameBus';
import { simClient } from '../simClient';
import { hideTooltip, showTooltip } from '../components/Tooltip';
import { reducedMotion } from '../motion';
import { HiddenTable, useHiddenTableWriter } from './HiddenTable';
import { useCanvas } from './useCanvas';
import { readViewTheme, selectPid, textGate, useSelectedPidRef, writeText, type ViewTheme } from './channels/shared';
import { Diagram } from './triage/Diagram';
import { drawTokens, nearestToken } from './triage/draw';
import { BAR_ROW_H, BAR_W, BAR_X, BARS_Y, BOX_H, BOX_Y, COLUMNS, ROUTE_NAMES, ROUTE_TITLES, STAGE_LEGEND, STAGE_NAMES, VB_W } from './triage/geometry';
import { TriageModel } from './triage/model';
import { fmtNs, writeHighlight, writeNumbers } from './triage/update';
import type { ViewProps } from './index';
import './views-syscall.css';

const COLUMNS_TABLE = ['Route', 'Calls', 'p50', 'p99', 'Max', 'Mean', ...STAGE_NAMES.map((s) => `Mean ${s}`), 'Highlighted'];

function routeLines(f: Frame, r: number): string[] {
  const o = r * ROUTE_STRIDE, rt = f.buffers.routes;
  const lines = [`${ROUTE_TITLES[r]} route: ${rt[o].toLocaleString('en-US')} calls completed`];
  if (rt[o] > 0) lines.push(`p50 ${fmtNs(rt[o + 1])} · p99 ${fmtNs(rt[o + 2])} · max ${fmtNs(rt[o + 3])} · mean ${fmtNs(rt[o + 4])}`);
  STAGE_NAMES.forEach((s, i) => rt[o + 5 + i] > 0 && lines.push(`${s}: mean ${fmtNs(rt[o + 5 + i])}`));
  return lines;
}

/** Per syscall name, the routes its completed calls took (bit per route), from the full metrics. */
function routesByName(m: Readonly<Record<string, unknown>> | null): Map<string, number> {
  const byName = (m?.syscalls as { byName?: Record<string, Record<string, number>> } | undefined)?.byName ?? {};
  const out = new Map<string, number>();
  for (const [name, routes] of Object.entries(byName)) {
    let bits = 0;
    ROUTE_NAMES.forEach((r, i) => (routes[r] ?? 0) > 0 && (bits |= 1 << i));
    out.set(name, bits);
  }
  return out;
}

export function TriageView({ config }: ViewProps) {
  const modelRef = useRef(new TriageModel());
  const svgRef = useRef<SVGSVGElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  const modeRef = useRef<HTMLSpanElement>(null);
  const themeRef = useRef<ViewTheme | null>(null);
  const nameRef = useRef('');
  const metricsRoutes = useRef(new Map<string, number>());
  const dirty = useRef(true);
  const markDirty = useCallback(() => void (dirty.current = true), []);
  const { ref, size } = useCanvas(markDirty);
  const selected = useSelectedPidRef(markDirty);
  const bits = () => (modelRef.current.names.get(nameRef.current) ?? 0) | (metricsRoutes.current.get(nameRef.current) ?? 0);
  const highlighted = (r: number) => nameRef.current !== '' && (bits() & (1 << r)) !== 0;

  const tableRef = useHiddenTableWriter(
    useCallback((f: Frame) => ROUTE_NAMES.map((name, r) => {
      const o = r * ROUTE_STRIDE, rt = f.buffers.routes;
      return [name, String(rt[o]), fmtNs(rt[o + 1]), fmtNs(rt[o + 2]), fmtNs(rt[o + 3]), fmtNs(rt[o + 4]), ...STAGE_NAMES.map((_, s) => fmtNs(rt[o + 5 + s])), highlighted(r) ? 'yes' : 'no'];
    // eslint-disable-next-line react-hooks/exhaustive-deps
    }), []),
  );

  const applyHighlight = useCallback(() => {
    const svg = svgRef.current;
    if (svg) writeHighlight(svg, frameBus.frame, nameRef.current, bits());
    const body = tableRef.current;
    if (body) Array.from(body.rows).forEach((row, r) => writeText(row.cells[row.cells.length - 1] ?? null, highlighted(r) ? 'yes' : 'no'));
    dirty.current = true;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tableRef]);

  /** Asks the worker for the full metrics (at most once a second): exact routes per name, and names the events missed. */
  const queryRoutes = useCallback(() => {
    const model = modelRef.current;
    void simClient.queryMetrics().then((m) => {
      if (model !== modelRef.current) return;
      metricsRoutes.current = routesByName(m);
      const missing = [...metricsRoutes.current.keys()].filter((n) => !model.names.has(n));
      missing.forEach((n) => model.names.set(n, 0));
      addOptions(selectRef.current, missing);
      applyHighlight();
    });
  }, [applyHighlight]);

  useEffect(() => {
    modelRef.current = new TriageModel();
    metricsRoutes.current = new Map();
    const select = selectRef.current;
    if (select) while (select.options.length > 1) select.remove(1);
    nameRef.current = '';
    if (select) select.value = '';
    applyHighlight();
  }, [config, applyHighlight]);

  useEffect(() => {
    let lastSeq = -1;
    const id = window.setInterval(() => {
      const f = frameBus.frame;
      if (!f || (!f.running && f.seq === lastSeq)) return;
      lastSeq = f.seq;
      queryRoutes();
    }, 1000);
    return () => window.clearInterval(id);
  }, [queryRoutes]);

  useEffect(() => {
    const canvas = ref.current, svg = svgRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || !svg) return;
    const gate = textGate();
    let lastBits = -1;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onTheme = () => ((themeRef.current = null), (dirty.current = true));
    media.addEventListener('change', onTheme);
    const off = frameBus.subscribe((frame, now) => {
      const m = modelRef.current;
      const fresh = m.ingest(frame, now);
      if (m.newNames.length) addOptions(selectRef.current, m.newNames.splice(0));
      if (fresh && gate(now, frame.running)) {
        writeNumbers(svg, frame);
        writeText(modeRef.current, m.aggregated(now) ? 'fast: per-route rates (calls per simulated ms)' : 'one dot per call, coloured by pid');
        const b = bits();
        if (b !== lastBits || !frame.running) {
          lastBits = b;
          applyHighlight();
        }
      }
      const { width, height, dpr } = size.current;
      if (width <= 0 || !(fresh || dirty.current || m.calls.size > 0)) return;
      dirty.current = false;
      themeRef.current ??= readViewTheme(canvas);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, width, height);
      drawTokens(ctx, m, themeRef.current, now, width / VB_W, { reduced: reducedMotion(), pid: selected.current, name: nameRef.current, routeBits: bits() });
    });
    return () => {
      off();
      media.removeEventListener('change', onTheme);
    };
  }, [config, ref, size, selected, applyHighlight]);

  const onName = (e: ChangeEvent<HTMLSelectElement>) => {
    nameRef.current = e.target.value;
    applyHighlight();
    queryRoutes();
  };

  const locate = (e: PointerEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const s = r.width / VB_W;
    return { x: (e.clientX - r.left) / s, y: (e.clientY - r.top) / s };
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    const f = frameBus.frame;
    if (!f) return;
    const { x, y } = locate(e);
    const t = nearestToken(modelRef.current, x, y, performance.now(), reducedMotion());
    if (t) {
      const route = t.route >= 0 ? ROUTE_TITLES[t.route] : 'not routed yet';
      return showTooltip(e.clientX, e.clientY, [`${t.name} (call ${t.id})`, `pid ${t.pid}`, `route: ${route}`, t.doneAt >= 0 ? `latency ${fmtNs(t.latencyNs)}` : 'in flight', 'click to highlight this pid']);
    }
    const col = COLUMNS.findIndex((c) => x >= c.x && x <= c.x + c.w && y >= BOX_Y && y <= BOX_Y + BOX_H);
    if (col === 0) return showTooltip(e.clientX, e.clientY, ['Application threads', `${f.buffers.counters[5].toLocaleString('en-US')} calls issued, ${f.buffers.counters[6].toLocaleString('en-US')} completed`]);
    if (col > 0) return showTooltip(e.clientX, e.clientY, routeLines(f, col - 1));
    const r = Math.floor((y - BARS_Y) / BAR_ROW_H);
    if (r >= 0 && r < 4 && x >= BAR_X && x <= BAR_X + BAR_W) {
      const o = r * ROUTE_STRIDE, rt = f.buffers.routes;
      let total = 0;
      for (let s = 0; s < 11; s++) total += rt[o + 5 + s];
      let acc = BAR_X;
      for (let s = 0; s < 11 && total > 0; s++) {
        const w = (rt[o + 5 + s] / total) * BAR_W;
        if (x >= acc && x < acc + w) return showTooltip(e.clientX, e.clientY, [`${ROUTE_TITLES[r]} · ${STAGE_NAMES[s]}`, `mean ${fmtNs(rt[o + 5 + s])} per call (${((rt[o + 5 + s] / total) * 100).toFixed(1)} % of ${fmtNs(total)})`]);
        acc += w;
      }
      return showTooltip(e.clientX, e.clientY, routeLines(f, r));
    }
    hideTooltip();
  };
  const onClick = (e: PointerEvent<HTMLDivElement>) => {
    const { x, y } = locate(e);
    const t = nearestToken(modelRef.current, x, y, performance.now(), reducedMotion());
    selectPid(t && t.pid !== selected.current ? t.pid : null);
  };
  const onKey = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape' || (e.target as HTMLElement).tagName === 'SELECT') return;
    selectPid(null);
  };

  return (
    <section className="panel syscall-view" aria-label="Syscall triage" onKeyDown={onKey}>
      <h2 className="panel-title">Syscall triage</h2>
      <div className="triage-controls">
        <label htmlFor="triage-syscall">Highlight</label>
        <select id="triage-syscall" ref={selectRef} aria-label="Syscall" defaultValue="" onChange={onName}>
          <option value="">all syscalls</option>
        </select>
        <span ref={modeRef} className="triage-mode" />
      </div>
      <div className="triage-stage" onPointerMove={onMove} onPointerLeave={hideTooltip} onClick={onClick}>
        <Diagram svgRef={svgRef} />
        <canvas ref={ref} className="triage-tokens" aria-hidden="true" />
      </div>
      <ul className="legend" aria-label="Stage legend">
        {STAGE_LEGEND.map((s) => (
          <li key={s.name}>
            <span className="swatch stage-swatch" style={{ background: s.fill, color: s.ink }}>{s.code}</span>
            {s.name}
          </li>
        ))}
      </ul>
      <HiddenTable caption="Syscall routes" columns={COLUMNS_TABLE} tableRef={tableRef} />
    </section>
  );
}

function addOptions(select: HTMLSelectElement | null, names: string[]): void {
  if (!select) return;
  for (const name of names) {
    const opt = document.createElement('option');
    opt.value = name;
    opt.textContent = name;
    const before = Array.from(select.options).find((o, i) => i > 0 && o.value > name) ?? null;
    select.insertBefore(opt, before);
  }
}
