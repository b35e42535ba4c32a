/**
 * Latency histograms per route: small multiples on a shared log time axis (8 bins per power of
 * two, as the engine counts them), so the shape of each distribution, its tail above all, shows.
 * Drawn from the metrics poll (at most once a second); a hidden table lists the bins.
 */
import { useEffect, useRef } from 'react';
import { scaleLog } from 'd3';
import { pick } from '../memory/metricsPoller';
import { usePage, useSession } from '../../session/context';
import { asCanvasContext } from '../../export/canvasExports';
import { readTheme } from '../../palette';
import { formatDuration } from '../../../engine/kernel/time';
import { ROUTES } from '../../../engine/descriptors';
import { useTooltip } from '../../components/Tooltip';
import { canvasFont } from '../type';

const ROW_H = 38;
const LEFT = 110;

type Hist = number[][];

function histograms(m: unknown): Hist[] {
  return ROUTES.map((r) => {
    const h = pick(m, ['syscalls', 'routes', r.key, 'histogram']);
    return Array.isArray(h) ? (h as Hist) : [];
  });
}

export function LatencyHistograms() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const dataRef = useRef<Hist[]>([]);
  const { metrics } = useSession();
  const page = usePage();
  const tooltip = useTooltip();
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ro = new ResizeObserver(() => draw(canvas, dataRef.current));
    ro.observe(canvas);
    // Exports draw the histograms again as vectors.
    const unexport = page.canvasExports.register(canvas, (svg, width) => paint(asCanvasContext(svg), width, readTheme(canvas), dataRef.current));
    return () => {
      ro.disconnect();
      unexport();
    };
  }, [page]);
  useEffect(() => {
    let lastKey = '';
    return metrics.subscribe((snap) => {
      const canvas = canvasRef.current;
      const data = histograms(snap.metrics);
      const key = JSON.stringify(data);
      if (!canvas || key === lastKey) return;
      lastKey = key;
      dataRef.current = data;
      draw(canvas, data);
      writeTable(bodyRef.current, data);
    });
  }, [metrics]);
  const onMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const row = Math.floor((e.clientY - rect.top) / ROW_H);
    const h = dataRef.current[row];
    if (!h || h.length === 0) return tooltip.hide();
    const x = axis(rect.width);
    const ns = x.invert(Math.max(LEFT, e.clientX - rect.left));
    const bin = h.reduce((best, b) => (Math.abs(Math.log(b[0]) - Math.log(ns)) < Math.abs(Math.log(best[0]) - Math.log(ns)) ? b : best), h[0]);
    tooltip.show(e.clientX, e.clientY, [ROUTES[row]?.title ?? '', `${formatDuration(bin[0])} to ${formatDuration(Math.round(bin[0] * 2 ** (1 / 8)))}: ${bin[1].toLocaleString('en-US')} calls`]);
  };
  return (
    <div className="mx-hist">
      <canvas ref={canvasRef} className="mx-canvas" style={{ height: ROW_H * ROUTES.length + 22 }} role="img" aria-label="Latency histograms per route, log time axis" onPointerMove={onMove} onPointerLeave={tooltip.hide} />
      <div className="visually-hidden">
        <table aria-label="Latency histograms">
          <caption>Latency histograms per route (bins of 1/8 of a power of two)</caption>
          <thead><tr><th scope="col">Route</th><th scope="col">From (ns)</th><th scope="col">Calls</th></tr></thead>
          <tbody ref={bodyRef} />
        </table>
      </div>
    </div>
  );
}

function axis(width: number) {
  return scaleLog().domain([10, 1e8]).range([LEFT, Math.max(LEFT + 10, width - 30)]).clamp(true);
}

function draw(canvas: HTMLCanvasElement, data: Hist[]): void {
  const dpr = window.devicePixelRatio || 1;
  const { width, height } = canvas.getBoundingClientRect();
  canvas.width = Math.max(1, Math.round(width * dpr));
  canvas.height = Math.max(1, Math.round(height * dpr));
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  paint(ctx, width, readTheme(canvas), data);
}

/** The histograms at CSS-pixel scale (the screen's canvas, or an export's vector context). */
function paint(ctx: CanvasRenderingContext2D, width: number, theme: ReturnType<typeof readTheme>, data: Hist[]): void {
  const x = axis(width);
  ctx.font = canvasFont(13);
  ctx.textBaseline = 'middle';
  data.forEach((h, row) => {
    const y0 = row * ROW_H;
    ctx.fillStyle = theme.text;
    ctx.textAlign = 'left';
    ctx.fillText(ROUTES[row].short, 0, y0 + ROW_H / 2);
    const max = h.reduce((a, b) => Math.max(a, b[1]), 0);
    if (max === 0) {
      ctx.fillStyle = theme.muted;
      ctx.fillText('no calls', LEFT, y0 + ROW_H / 2);
      return;
    }
    ctx.fillStyle = ROUTES[row].colour;
    for (const [from, n] of h) {
      const xa = x(from), xb = x(from * 2 ** (1 / 8));
      // Square-root heights keep rare tail bins visible next to the mode.
      const bh = Math.max(1.5, Math.sqrt(n / max) * (ROW_H - 8));
      ctx.fillRect(xa, y0 + ROW_H - 4 - bh, Math.max(1, xb - xa - 0.5), bh);
    }
    ctx.strokeStyle = theme.muted;
    ctx.beginPath();
    ctx.moveTo(LEFT, y0 + ROW_H - 3.5);
    ctx.lineTo(width - 30, y0 + ROW_H - 3.5);
    ctx.stroke();
  });
  ctx.fillStyle = theme.muted;
  ctx.textAlign = 'center';
  for (const t of [10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8]) ctx.fillText(formatDuration(t).replace('.000', '').replace('.00', ''), x(t), ROW_H * data.length + 11);
}

function writeTable(body: HTMLTableSectionElement | null, data: Hist[]): void {
  if (!body) return;
  body.replaceChildren(
    ...data.flatMap((h, row) =>
      h.map(([from, n]) => {
        const tr = document.createElement('tr');
        for (const text of [ROUTES[row].key, String(from), String(n)]) tr.insertCell().textContent = text;
        return tr;
      }),
    ),
  );
}
