/**
 * "Syscall triage": the path glibc interception -> LWK -> Linux -> OS node as an SVG flow
 * diagram with live counts and latencies per route and the mean of each stage; a canvas on top
 * moves one token per call (or shows per-route rates at high speed). Choosing a syscall name
 * highlights its routes and stages. Numbers are DOM writes (<= 10 Hz); a hidden table twins it.
 */
import { useCallback, useEffect, useId, useRef, type ChangeEvent, type KeyboardEvent, type PointerEvent } from 'react';
import { Counter, type Frame } from '../../worker/protocol';
import { routeValue, stageMean } from '../../worker/frameLayout';
import { ROUTES, STAGES } from '../../engine/descriptors';
import { useSession } from '../session/context';
import { useTooltip } from '../components/Tooltip';
import { reducedMotion } from '../motion';
import { HiddenTable, useHiddenTableWriter } from './HiddenTable';
import { useCanvas } from './useCanvas';
import { readViewTheme, selectPid, textGate, useSelectedPidRef, writeText, type ViewTheme } from './channels/shared';
import { Diagram } from './triage/Diagram';
import { drawTokens, nearestToken } from './triage/draw';
import { BAR_ROW_H, BARS_Y, BOX_H, BOX_Y, triageGeometry, VB_W } from './triage/geometry';
import { TriageModel } from './triage/model';
import { fmtNs, stageTotal, writeHighlight, writeNumbers } from './triage/update';
import type { ViewProps } from './index';
import './views-syscall.css';
import { EmptyViewNote } from './EmptyViewNote';
import { processNames } from '../processNames';

/** Columns of the hidden table (read when rendered: designs may register stages). */
const tableColumns = () => ['Route', 'Calls', 'p50', 'p99', 'Max', 'Mean', ...STAGES.map((s) => `Mean ${s.short}`), 'Highlighted'];

function routeLines(f: Frame, r: number): string[] {
  const rt = f.buffers.routes, v = (field: Parameters<typeof routeValue>[2]) => routeValue(rt, r, field);
  const lines = [`${ROUTES[r].title}: ${v('count').toLocaleString('en-US')} calls completed`];
  if (v('count') > 0) lines.push(`p50 ${fmtNs(v('p50'))} · p99 ${fmtNs(v('p99'))} · max ${fmtNs(v('max'))} · mean ${fmtNs(v('mean'))}`);
  STAGES.forEach((s, i) => stageMean(rt, r, i) > 0 && lines.push(`${s.short} [${s.letter}]: mean ${fmtNs(stageMean(rt, r, i))}`));
  return lines;
}

/** Per syscall name, the routes its completed calls took (bit per route), from the full metrics. */
function routesByName(m: Readonly<Record<string, unknown>> | null): Map<string, number> {
  const byName = (m?.syscalls as { byName?: Record<string, Record<string, number>> } | undefined)?.byName ?? {};
  const out = new Map<string, number>();
  for (const [name, routes] of Object.entries(byName)) {
    let bits = 0;
    ROUTES.forEach((r, i) => (routes[r.key] ?? 0) > 0 && (bits |= 1 << i));
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
  const { bus, store, client } = useSession();
  const tooltip = useTooltip();
  const selectId = useId();
  const bits = () => (modelRef.current.names.get(nameRef.current) ?? 0) | (metricsRoutes.current.get(nameRef.current) ?? 0);
  const highlighted = (r: number) => nameRef.current !== '' && (bits() & (1 << r)) !== 0;

  const tableRef = useHiddenTableWriter(
    useCallback((f: Frame) => ROUTES.map((route, r) => {
      const rt = f.buffers.routes;
      const fields = (['p50', 'p99', 'max', 'mean'] as const).map((k) => fmtNs(routeValue(rt, r, k)));
      return [route.key, String(routeValue(rt, r, 'count')), ...fields, ...STAGES.map((_, s) => fmtNs(stageMean(rt, r, s))), highlighted(r) ? 'yes' : 'no'];
    // eslint-disable-next-line react-hooks/exhaustive-deps
    }), []),
  );

  const applyHighlight = useCallback(() => {
    const svg = svgRef.current;
    if (svg) writeHighlight(svg, bus.frame, nameRef.current, bits());
    const body = tableRef.current;
    if (body) Array.from(body.rows).forEach((row, r) => writeText(row.cells[row.cells.length - 1] ?? null, highlighted(r) ? 'yes' : 'no'));
    dirty.current = true;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tableRef, bus]);

  /** Asks the worker for the full metrics (at most once a second): exact routes per name, and names the events missed. */
  const queryRoutes = useCallback(() => {
    const model = modelRef.current;
    void client.queryMetrics().then((m) => {
      if (model !== modelRef.current) return;
      metricsRoutes.current = routesByName(m);
      const missing = [...metricsRoutes.current.keys()].filter((n) => !model.names.has(n));
      missing.forEach((n) => model.names.set(n, 0));
      addOptions(selectRef.current, missing);
      applyHighlight();
    });
  }, [applyHighlight, client]);

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
      const f = bus.frame;
      if (!f || (!f.running && f.seq === lastSeq)) return;
      lastSeq = f.seq;
      queryRoutes();
    }, 1000);
    return () => window.clearInterval(id);
  }, [queryRoutes, bus]);

  useEffect(() => {
    const canvas = ref.current, svg = svgRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || !svg) return;
    const gate = textGate();
    let lastBits = -1;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onTheme = () => ((themeRef.current = null), (dirty.current = true));
    media.addEventListener('change', onTheme);
    const off = bus.subscribe((frame, now) => {
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
  }, [config, ref, size, selected, applyHighlight, bus]);

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
    const f = bus.frame;
    if (!f) return;
    const { x, y } = locate(e);
    const t = nearestToken(modelRef.current, x, y, performance.now(), reducedMotion());
    if (t) {
      const route = t.route >= 0 ? (ROUTES[t.route]?.title ?? `route ${t.route}`) : 'not routed yet';
      return tooltip.show(e.clientX, e.clientY, [`${t.name} (call ${t.id})`, `pid ${processNames(config).label(t.pid)}`, `route: ${route}`, t.doneAt >= 0 ? `latency ${fmtNs(t.latencyNs)}` : 'in flight', 'click to highlight this pid']);
    }
    const g = triageGeometry();
    const col = g.columns.findIndex((c) => x >= c.x && x <= c.x + c.w && y >= BOX_Y && y <= BOX_Y + BOX_H);
    const counters = f.buffers.counters;
    if (col === 0) return tooltip.show(e.clientX, e.clientY, ['Application threads', `${counters[Counter['syscalls issued']].toLocaleString('en-US')} calls issued, ${counters[Counter['syscalls completed']].toLocaleString('en-US')} completed`]);
    if (col > 0) return tooltip.show(e.clientX, e.clientY, routeLines(f, col - 1));
    const r = Math.floor((y - BARS_Y) / BAR_ROW_H);
    if (r >= 0 && r < ROUTES.length && x >= g.barX && x <= g.barX + g.barW) {
      const rt = f.buffers.routes;
      const total = stageTotal(rt, r);
      let acc = g.barX;
      for (let s = 0; s < STAGES.length && total > 0; s++) {
        const mean = stageMean(rt, r, s);
        const w = (mean / total) * g.barW;
        if (x >= acc && x < acc + w) return tooltip.show(e.clientX, e.clientY, [`${ROUTES[r].short} · ${STAGES[s].short} [${STAGES[s].letter}]`, STAGES[s].title, `mean ${fmtNs(mean)} per call (${((mean / total) * 100).toFixed(1)} % of ${fmtNs(total)})`]);
        acc += w;
      }
      return tooltip.show(e.clientX, e.clientY, routeLines(f, r));
    }
    tooltip.hide();
  };
  const onClick = (e: PointerEvent<HTMLDivElement>) => {
    const { x, y } = locate(e);
    const t = nearestToken(modelRef.current, x, y, performance.now(), reducedMotion());
    selectPid(store, t && t.pid !== selected.current ? t.pid : null);
  };
  const onKey = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape' || (e.target as HTMLElement).tagName === 'SELECT') return;
    selectPid(store, null);
  };

  return (
    <section className="panel syscall-view" aria-label="Syscall triage" onKeyDown={onKey}>
      <h2 className="panel-title">Syscall triage</h2>
      <EmptyViewNote view="triage" config={config} />
      <div className="triage-controls">
        <label htmlFor={selectId}>Highlight</label>
        <select id={selectId} ref={selectRef} aria-label="Syscall" defaultValue="" onChange={onName}>
          <option value="">all syscalls</option>
        </select>
        <span ref={modeRef} className="triage-mode" />
      </div>
      <div className="triage-stage" onPointerMove={onMove} onPointerLeave={tooltip.hide} onClick={onClick}>
        <Diagram svgRef={svgRef} />
        <canvas ref={ref} className="triage-tokens" aria-hidden="true" />
      </div>
      <ul className="legend" aria-label="Stage legend">
        {STAGES.map((s) => (
          <li key={s.key} title={s.title} data-stage-key={s.key}>
            <span className="swatch stage-swatch" style={{ background: s.colour, color: s.ink }}>{s.letter}</span>
            {s.short}
          </li>
        ))}
      </ul>
      <HiddenTable caption="Syscall routes" columns={tableColumns()} tableRef={tableRef} />
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
