/**
 * "Metrics": syscall latency per route with its stage breakdown, FWQ noise per CPU grouped by
 * partition, and the run's counters. Canvases and counter text are drawn from the frame bus
 * (at most ten times a second while running); hidden tables carry the numbers (at most 1/s).
 */
import { useCallback, useEffect, useRef, type MouseEvent } from 'react';
import type { NodeConfig } from '../../engine/config/nodeConfig';
import type { Frame } from '../../worker/protocol';
import { usePage, useSession } from '../session/context';
import { asCanvasContext } from '../export/canvasExports';
import { readTheme, type Theme } from '../palette';
import { useTooltip } from '../components/Tooltip';
import { useCanvas } from './useCanvas';
import { HiddenTable, useHiddenTableWriter } from './HiddenTable';
import { LatencyHistograms } from './metrics/LatencyHistograms';
import { drawLatency, latencyHeight, latencyLayout, latencyTooltip } from './metrics/drawLatency';
import { drawFwq, FWQ_HEIGHT, fwqTooltip, layoutFwq } from './metrics/drawFwq';
import {
  COUNTER_COLUMNS, COUNTERS, counterRows, FWQ_COLUMNS, FwqLegend, fwqRows, LatencyLegend, routeColumns, routeRows, UTIL_INDEX,
} from './metrics/metricsParts';
import { Counter } from '../../worker/protocol';
import './views-memory-metrics.css';

const DRAW_MS = 100;

export function MetricsView({ config }: { config: NodeConfig }) {
  const redraw = useRef<() => void>(() => {});
  const onResize = useCallback(() => redraw.current(), []);
  const lat = useCanvas(onResize);
  const fwq = useCanvas(onResize);
  const countersRef = useRef<HTMLDListElement>(null);
  const routesBody = useHiddenTableWriter(routeRows);
  const fwqBody = useHiddenTableWriter(useCallback((f: Frame) => fwqRows(config, f), [config]));
  const countersBody = useHiddenTableWriter(counterRows);
  const { bus } = useSession();
  const page = usePage();
  const tooltip = useTooltip();

  useEffect(() => {
    const lc = lat.ref.current?.getContext('2d');
    const fc = fwq.ref.current?.getContext('2d');
    const canvas = lat.ref.current;
    if (!lc || !fc || !canvas) return;
    let theme: Theme | null = null;
    let lastSeq = -1;
    let lastDraw = -Infinity;
    const paint = (frame: Frame | null) => {
      theme ??= readTheme(canvas);
      const ls = lat.size.current;
      const fs = fwq.size.current;
      const routes = frame?.buffers.routes ?? new Float64Array(0);
      if (ls.width > 0) {
        drawLatency(lc, routes, theme, ls.dpr, ls.width);
        // Where the share bars are, for tests that read the drawn colours back.
        const l = latencyLayout(ls.width);
        canvas.dataset.shareBars = `${l.shareX},${l.shareW},${l.top},${l.rowH}`;
      }
      if (fs.width > 0) drawFwq(fc, config, layoutFwq(config, fs.width), frame?.buffers.fwq ?? new Float64Array(0), theme, fs.dpr, fs.width);
      const dl = countersRef.current;
      if (frame && dl) {
        const values = dl.querySelectorAll('dd');
        COUNTERS.forEach((c, i) => {
          const text = c.value(frame.buffers.counters);
          const dd = values[i];
          if (dd && dd.firstChild?.textContent !== text) (dd.firstChild ?? dd).textContent = text;
        });
        const bar = dl.querySelector<HTMLSpanElement>('.mx-util > span');
        if (bar) bar.style.width = `${Math.min(100, frame.buffers.counters[Counter['Linux CPU utilisation']] * 100)}%`;
      }
    };
    redraw.current = () => {
      theme = null;
      paint(bus.frame);
    };
    paint(bus.frame);
    // Exports draw both charts again as vectors, from the latest frame.
    const fwqCanvas = fwq.ref.current!;
    const unexport = [
      page.canvasExports.register(canvas, (svg, width) => drawLatency(asCanvasContext(svg), bus.frame?.buffers.routes ?? new Float64Array(0), theme ?? readTheme(canvas), 1, width)),
      page.canvasExports.register(fwqCanvas, (svg, width) => drawFwq(asCanvasContext(svg), config, layoutFwq(config, width), bus.frame?.buffers.fwq ?? new Float64Array(0), theme ?? readTheme(canvas), 1, width)),
    ];
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onTheme = () => redraw.current();
    media.addEventListener('change', onTheme);
    const off = bus.subscribe((frame, now) => {
      if (frame.seq === lastSeq || (frame.running && now - lastDraw < DRAW_MS)) return;
      lastSeq = frame.seq;
      lastDraw = now;
      paint(frame);
    });
    return () => {
      off();
      for (const u of unexport) u();
      media.removeEventListener('change', onTheme);
    };
  }, [config, lat.ref, lat.size, fwq.ref, fwq.size, bus, page]);

  const onLatMove = (e: MouseEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const routes = bus.frame?.buffers.routes;
    const lines = routes ? latencyTooltip(routes, r.width, e.clientX - r.left, e.clientY - r.top) : null;
    if (lines) tooltip.show(e.clientX, e.clientY, lines);
    else tooltip.hide();
  };
  const onFwqMove = (e: MouseEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const data = bus.frame?.buffers.fwq;
    const lines = data ? fwqTooltip(config, layoutFwq(config, r.width), data, e.clientX - r.left) : null;
    if (lines) tooltip.show(e.clientX, e.clientY, lines);
    else tooltip.hide();
  };

  return (
    <section className="panel mx-panel" aria-label="Metrics">
      <div className="mx-head">
        <h2 className="panel-title">Metrics</h2>
        {/* Room for "Export CSV" (another engineer's button). */}
        <div className="mx-actions" data-slot="metrics-actions" />
      </div>
      <h3 className="mx-h3">Syscall latency by route</h3>
      <canvas ref={lat.ref} className="mx-canvas" style={{ height: latencyHeight() }} role="img" aria-label="Syscall latency per route: each stage's share of the mean on a linear bar; p50, p99, max and mean on a log axis" onPointerMove={onLatMove} onPointerLeave={tooltip.hide} />
      <LatencyLegend />
      <h3 className="mx-h3">Latency histograms (calls per bin; heights are square roots so tails show)</h3>
      <LatencyHistograms />
      <h3 className="mx-h3">FWQ noise per CPU (log scale, 10 ns to 10 ms, the same for every preset)</h3>
      <canvas ref={fwq.ref} className="mx-canvas mx-fwq" style={{ height: FWQ_HEIGHT }} role="img" aria-label="Fixed-work-quanta noise per application CPU, grouped by partition, CPU numbers along the bottom, on a fixed log scale" onPointerMove={onFwqMove} onPointerLeave={tooltip.hide} />
      <FwqLegend />
      <h3 className="mx-h3">Counters</h3>
      <dl ref={countersRef} className="mx-counters">
        {COUNTERS.map((c, i) => (
          <div key={c.label} className="mx-counter" title={c.title}>
            <dt>{c.label}</dt>
            <dd>
              <span>0</span>
              {i === UTIL_INDEX ? <span className="mx-util" aria-hidden="true"><span /></span> : null}
            </dd>
          </div>
        ))}
      </dl>
      <HiddenTable caption="Syscall latency by route" columns={routeColumns()} tableRef={routesBody} />
      <HiddenTable caption="FWQ noise per CPU" columns={FWQ_COLUMNS} tableRef={fwqBody} />
      <HiddenTable caption="Counters" columns={COUNTER_COLUMNS} tableRef={countersBody} />
    </section>
  );
}
