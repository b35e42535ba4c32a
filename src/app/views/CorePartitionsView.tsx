/**
 * "Core partitions": every CPU as a tile grouped by partition, coloured and lettered by what
 * runs on it now. Drawn on a canvas from the frame bus; a visually hidden table carries the
 * same numbers for screen readers and tests, refreshed at most once a second.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { NodeConfig } from '../../engine/config/nodeConfig';
import { ACTIVITY_NAMES, ROLE_NAMES } from '../../engine/node/kinds';
import { frameBus } from '../frameBus';
import { ACTIVITY_STYLES, fillFor, readTheme, type Theme } from '../palette';
import { layoutCpus, type CpuLayout } from './cpuLayout';
import { useCanvas } from './useCanvas';
import type { Frame } from '../../worker/protocol';
import { HiddenTable, useHiddenTableWriter } from './HiddenTable';

function draw(ctx: CanvasRenderingContext2D, layout: CpuLayout, frame: Frame | null, theme: Theme, dpr: number, width: number): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, layout.height + 10);
  ctx.textBaseline = 'middle';
  for (const g of layout.groups) {
    ctx.fillStyle = theme.muted;
    ctx.font = '600 13px "IBM Plex Sans", sans-serif';
    ctx.textAlign = 'left';
    ctx.fillText(g.title, g.x, g.y + 10);
  }
  for (const t of layout.tiles) {
    const act = frame ? frame.buffers.cpuActivity[t.cpu] : 0;
    const style = ACTIVITY_STYLES[act] ?? ACTIVITY_STYLES[0];
    ctx.fillStyle = fillFor(style, theme);
    ctx.beginPath();
    ctx.roundRect(t.x, t.y, t.w, t.h, 4);
    ctx.fill();
    ctx.fillStyle = style.fill === 'var-idle' ? theme.text : style.ink;
    ctx.textAlign = 'center';
    ctx.font = `${Math.round(t.w * 0.3)}px "IBM Plex Mono", monospace`;
    ctx.fillText(String(t.cpu), t.x + t.w / 2, t.y + t.h * 0.38);
    if (style.code) {
      ctx.font = `600 ${Math.round(t.w * 0.28)}px "IBM Plex Sans", sans-serif`;
      ctx.fillText(style.code, t.x + t.w / 2, t.y + t.h * 0.74);
    }
  }
}

const COLUMNS = ['CPU', 'Partition', 'Now running', 'Pid', 'Interruptions'];

export function CorePartitionsView({ config }: { config: NodeConfig }) {
  const layoutRef = useRef<CpuLayout>({ tiles: [], groups: [], height: 0 });
  const themeRef = useRef<Theme | null>(null);
  const redraw = useRef<() => void>(() => {});
  const onResize = useCallback(() => redraw.current(), []);
  const { ref, size } = useCanvas(onResize);
  const tableRef = useHiddenTableWriter(
    useCallback(
      (f: Frame) =>
        config.roles.map((role, cpu) => [
          String(cpu),
          ROLE_NAMES[role],
          ACTIVITY_NAMES[f.buffers.cpuActivity[cpu]] ?? 'unknown',
          f.buffers.cpuPid[cpu] >= 0 ? String(f.buffers.cpuPid[cpu]) : '',
          String(f.buffers.cpuInterrupts[cpu]),
        ]),
      [config],
    ),
  );

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    let lastSeq = -1;
    const paint = (frame: Frame | null) => {
      const { width, dpr } = size.current;
      if (width <= 0) return;
      const layout = layoutCpus(config, width);
      if (layout.height !== layoutRef.current.height) canvas.style.height = `${layout.height}px`;
      layoutRef.current = layout;
      themeRef.current ??= readTheme(canvas);
      draw(ctx, layout, frame, themeRef.current, dpr, width);
    };
    redraw.current = () => {
      themeRef.current = null;
      paint(frameBus.frame);
    };
    paint(frameBus.frame);
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onTheme = () => redraw.current();
    media.addEventListener('change', onTheme);
    const off = frameBus.subscribe((frame) => {
      if (frame.seq === lastSeq) return;
      lastSeq = frame.seq;
      paint(frame);
    });
    return () => {
      off();
      media.removeEventListener('change', onTheme);
    };
  }, [config, ref, size]);

  return (
    <section className="panel" aria-label="Core partitions">
      <h2 className="panel-title">Core partitions</h2>
      <p className="panel-sub mono">{config.partitionText || 'no LWK: every CPU belongs to Linux'}</p>
      <canvas ref={ref} className="cpu-canvas" role="img" aria-label="CPU tiles coloured by what runs on each CPU" />
      <Legend />
      <HiddenTable caption="CPUs and what they run" columns={COLUMNS} tableRef={tableRef} />
    </section>
  );
}

function Legend() {
  return (
    <ul className="legend" aria-label="Legend">
      {ACTIVITY_STYLES.map((s, i) =>
        s.code ? (
          <li key={i}>
            <span className="swatch" style={{ background: s.fill, color: s.ink }}>{s.code}</span>
            {ACTIVITY_NAMES[i]}
          </li>
        ) : null,
      )}
    </ul>
  );
}
