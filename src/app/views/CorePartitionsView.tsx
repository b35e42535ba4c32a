/**
 * "Core partitions": every CPU as a tile grouped by partition, coloured and lettered by what
 * runs on it now, with IPIs drawn as arcs from sender to receiver. Click or use the arrow keys
 * to inspect a CPU (and select the process on it); hover for exact numbers. A visually hidden
 * table carries the same numbers for screen readers and tests, refreshed at most once a second.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { NodeConfig } from '../../engine/config/nodeConfig';
import { ACTIVITY_NAMES, ROLE_NAMES } from '../../engine/node/kinds';
import { ACTIVITY_STYLES, readTheme, type Theme } from '../palette';
import { layoutCpus, socketsOf, type CpuLayout, type TileRect } from './cpuLayout';
import { designEnclaves } from '../../engine/designs/enclaves';
import { useCanvas } from './useCanvas';
import type { Frame } from '../../worker/protocol';
import { HiddenTable, useHiddenTableWriter } from './HiddenTable';
import { drawCores, ipiLegend, tileAt } from './cores/drawCores';
import { useUi } from '../store';
import { usePage, useSession } from '../session/context';
import { asCanvasContext } from '../export/canvasExports';
import { useTooltip } from '../components/Tooltip';
import { reducedMotion } from '../motion';
import { CpuInspector } from './cores/CpuInspector';
import { processNames } from '../processNames';

/** Simulated ns per second from which tiles are redrawn at most every FAST_DRAW_MS while running. */
const FAST_SPEED = 1e8;
const FAST_DRAW_MS = 30;

const COLUMNS = ['CPU', 'Partition', 'Now running', 'Pid', 'Interruptions', 'Socket', 'Core', 'Enclave'];

/** Per CPU: the name of the design's enclave that owns it ('' when the design has none). */
function enclaveNames(config: NodeConfig): string[] {
  const names = config.roles.map(() => '');
  for (const e of designEnclaves(config)) for (const cpu of e.cpus) names[cpu] = e.name;
  return names;
}

function describeCpu(config: NodeConfig, frame: Frame | null, cpu: number): string[] {
  const act = frame ? frame.buffers.cpuActivity[cpu] : 0;
  const pid = frame ? frame.buffers.cpuPid[cpu] : -1;
  return [
    `CPU ${cpu}: ${ROLE_NAMES[config.roles[cpu]]}`,
    `socket ${socketsOf(config)[cpu]}, core ${config.coreOf[cpu]} (SMT siblings: ${siblings(config, cpu)}), NUMA domain ${config.numaOf[cpu]}`,
    enclaveNames(config)[cpu] ? `enclave: ${enclaveNames(config)[cpu]}` : '',
    `now: ${ACTIVITY_NAMES[act] ?? 'unknown'}${pid >= 0 ? ` (pid ${processNames(config).label(pid)})` : ''}`,
    `interruptions so far: ${frame ? frame.buffers.cpuInterrupts[cpu].toLocaleString('en-US') : 0}`,
    config.syscallCpuOf[cpu] >= 0 ? `syscalls go to CPU ${config.syscallCpuOf[cpu]}` : '',
  ].filter(Boolean);
}

export function CorePartitionsView({ config }: { config: NodeConfig }) {
  const layoutRef = useRef<CpuLayout>({ tiles: [], groups: [], cores: [], sockets: [], height: 0 });
  const tileOfRef = useRef<(TileRect | undefined)[]>([]);
  const themeRef = useRef<Theme | null>(null);
  const redraw = useRef<() => void>(() => {});
  const onResize = useCallback(() => redraw.current(), []);
  const { ref, size } = useCanvas(onResize);
  const selectedPid = useUi((s) => s.selectedPid);
  const inspectedCpu = useUi((s) => s.inspectedCpu);
  const { bus, store } = useSession();
  const page = usePage();
  const tooltip = useTooltip();
  const tableRef = useHiddenTableWriter(
    useCallback(
      (f: Frame) => {
        const sockets = socketsOf(config);
        const enclaves = enclaveNames(config);
        return config.roles.map((role, cpu) => [
          String(cpu),
          ROLE_NAMES[role],
          ACTIVITY_NAMES[f.buffers.cpuActivity[cpu]] ?? 'unknown',
          f.buffers.cpuPid[cpu] >= 0 ? processNames(config).pid(f.buffers.cpuPid[cpu]) : '',
          String(f.buffers.cpuInterrupts[cpu]),
          String(sockets[cpu]),
          String(config.coreOf[cpu]),
          enclaves[cpu],
        ]);
      },
      [config],
    ),
  );

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    let lastFlights = 0;
    let lastDraw = -Infinity;
    // What the canvas shows now: a frame that changes nothing visible is not redrawn.
    let shownAct = new Uint8Array(0);
    let shownPid = new Int32Array(0);
    const changed = (frame: Frame) => {
      const { cpuActivity, cpuPid } = frame.buffers;
      if (shownAct.length !== cpuActivity.length) return true;
      for (let i = 0; i < cpuActivity.length; i++) if (shownAct[i] !== cpuActivity[i] || shownPid[i] !== cpuPid[i]) return true;
      return false;
    };
    const paint = (frame: Frame | null) => {
      const { width, dpr } = size.current;
      if (width <= 0) return;
      const layout = layoutCpus(config, width);
      if (layout.height !== layoutRef.current.height) canvas.style.height = `${layout.height}px`;
      layoutRef.current = layout;
      const tileOf: (TileRect | undefined)[] = [];
      for (const t of layout.tiles) tileOf[t.cpu] = t;
      tileOfRef.current = tileOf;
      themeRef.current ??= readTheme(canvas);
      const st = store.getState();
      drawCores(ctx, layout, tileOf, frame, themeRef.current, { selectedPid: st.selectedPid, inspectedCpu: st.inspectedCpu, reducedMotion: reducedMotion() }, dpr, width);
    };
    redraw.current = () => {
      themeRef.current = null;
      paint(bus.frame);
    };
    paint(bus.frame);
    // Exports draw the same picture again as vectors (at CSS-pixel scale, arcs where they are now).
    const unexport = page.canvasExports.register(canvas, (svg, width) => {
      const st = store.getState();
      drawCores(asCanvasContext(svg), layoutRef.current, tileOfRef.current, bus.frame, themeRef.current ?? readTheme(canvas), { selectedPid: st.selectedPid, inspectedCpu: st.inspectedCpu, reducedMotion: reducedMotion() }, 1, width);
    });
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onTheme = () => redraw.current();
    media.addEventListener('change', onTheme);
    const off = bus.subscribe((frame, now) => {
      // Redraw when a tile changes, and while arcs are in flight (and once after they land).
      if (frame.flightCount === 0 && lastFlights === 0 && !changed(frame)) return;
      // Fast runs change every tile every frame: then at most ~30 redraws a second, which halves
      // the canvas uploads (software compositing) and leaves the frame budget to the other views.
      if (frame.running && frame.requestedSpeed >= FAST_SPEED && now - lastDraw < FAST_DRAW_MS) return;
      lastDraw = now;
      lastFlights = frame.flightCount;
      shownAct = frame.buffers.cpuActivity.slice();
      shownPid = frame.buffers.cpuPid.slice();
      paint(frame);
    }, canvas);
    return () => {
      off();
      unexport();
      media.removeEventListener('change', onTheme);
    };
  }, [config, ref, size, bus, store, page]);

  useEffect(() => redraw.current(), [selectedPid, inspectedCpu]);

  const pointAt = (e: React.PointerEvent | React.MouseEvent) => {
    const rect = (e.currentTarget as HTMLCanvasElement).getBoundingClientRect();
    return tileAt(layoutRef.current, e.clientX - rect.left, e.clientY - rect.top);
  };
  const inspect = (cpu: number | null) => {
    const pid = cpu !== null && bus.frame ? bus.frame.buffers.cpuPid[cpu] : -1;
    store.setState({ inspectedCpu: cpu, selectedPid: pid >= 0 ? pid : null });
  };
  const onKey = (e: React.KeyboardEvent) => {
    const tiles = layoutRef.current.tiles;
    if (tiles.length === 0) return;
    const i = Math.max(0, tiles.findIndex((t) => t.cpu === store.getState().inspectedCpu));
    const next = neighbour(tiles, i, e.key);
    if (next !== null) {
      e.preventDefault();
      e.stopPropagation();
      inspect(tiles[next].cpu);
    } else if (e.key === 'Escape') {
      inspect(null);
    }
  };

  return (
    <section className="panel" aria-label="Core partitions">
      <h2 className="panel-title">Core partitions</h2>
      <p className="panel-sub mono">{config.partitionText || 'no LWK: every CPU belongs to Linux (application CPUs as in the mos partition)'}</p>
      <canvas
        ref={ref}
        className="cpu-canvas"
        tabIndex={0}
        role="img"
        aria-label="CPU tiles coloured by what runs on each CPU; arrow keys inspect a CPU, Escape clears"
        onPointerMove={(e) => {
          const t = pointAt(e);
          if (t) tooltip.show(e.clientX, e.clientY, describeCpu(config, bus.frame, t.cpu));
          else tooltip.hide();
        }}
        onPointerLeave={tooltip.hide}
        onClick={(e) => inspect(pointAt(e)?.cpu ?? null)}
        onKeyDown={onKey}
      />
      <Legend enclaves={designEnclaves(config).map((e) => e.name)} />
      <CpuInspector config={config} describe={describeCpu} />
      <HiddenTable caption="CPUs and what they run" columns={COLUMNS} tableRef={tableRef} />
    </section>
  );
}

function siblings(config: NodeConfig, cpu: number): string {
  const others = config.coreOf.flatMap((core, c) => (core === config.coreOf[cpu] && c !== cpu ? [c] : []));
  return others.length > 0 ? others.join(', ') : 'none';
}

/** The tile an arrow key moves to: along the drawing order, or to the nearest tile in the row above or below. */
function neighbour(tiles: readonly TileRect[], i: number, key: string): number | null {
  if (key === 'ArrowRight') return Math.min(tiles.length - 1, i + 1);
  if (key === 'ArrowLeft') return Math.max(0, i - 1);
  if (key !== 'ArrowDown' && key !== 'ArrowUp') return null;
  const here = tiles[i];
  const down = key === 'ArrowDown';
  let rowY: number | null = null;
  for (const t of tiles) if (down ? t.y > here.y && (rowY === null || t.y < rowY) : t.y < here.y && (rowY === null || t.y > rowY)) rowY = t.y;
  if (rowY === null) return i;
  let best = i, bestD = Infinity;
  tiles.forEach((t, j) => {
    const d = Math.abs(t.x - here.x);
    if (t.y === rowY && d < bestD) [best, bestD] = [j, d];
  });
  return best;
}

function Legend({ enclaves }: { enclaves: readonly string[] }) {
  return (
    <div className="legend-block">
      <ul className="legend" aria-label="Legend: activities">
        {ACTIVITY_STYLES.map((s, i) =>
          s.code ? (
            <li key={i}>
              <span className="swatch" style={{ background: s.fill, color: s.ink }}>{s.code}</span>
              {ACTIVITY_NAMES[i]}
            </li>
          ) : null,
        )}
      </ul>
      <ul className="legend" aria-label="Legend: IPIs">
        {ipiLegend().map((l) => (
          <li key={l.name}>
            <svg width="26" height="10" aria-hidden="true"><line x1="1" y1="5" x2="25" y2="5" stroke={l.color} strokeWidth="3" strokeDasharray={l.dash.join(' ')} /></svg>
            {l.name} IPI
          </li>
        ))}
      </ul>
      <p className="legend legend-note">
        Boxes group a core's SMT siblings; S0, S1… are sockets.
        {enclaves.length > 0 && ` Dashed outlines are the design's enclaves: ${enclaves.join('; ')}.`}
      </p>
    </div>
  );
}
