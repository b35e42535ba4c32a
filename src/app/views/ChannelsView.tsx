/**
 * "Channels": every Linux channel as a queue of slots (each message moves in from its caller's
 * LWK CPU, drawn in the channel's grid of callers, and out to the IPI handler), the doorbell IPI
 * or the reason it was skipped, the per-pid channels the handler routes to (with their proxy's
 * state) and the callers' LWK reply channels.
 * Drawn on a canvas from the frame bus; hidden tables carry the numbers (at most 1 Hz).
 */
import { useCallback, useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { ACTIVITY_NAMES } from '../../engine/node/kinds';
import type { Frame } from '../../worker/protocol';
import { channelCount, channelValue, slotPid, type ChannelField } from '../../worker/frameLayout';
import { usePage, useSession } from '../session/context';
import { asCanvasContext } from '../export/canvasExports';
import { useTooltip } from '../components/Tooltip';
import { reducedMotion } from '../motion';
import { HiddenTable, useHiddenTableWriter } from './HiddenTable';

/** Minimum wall time between two redraws while running. */
const MIN_DRAW_MS = 30;
import { useCanvas } from './useCanvas';
import { drawBackground, drawBackgroundText, drawChannels } from './channels/draw';
import { Backdrop } from './channels/backdrop';
import { callersOf, hitTest, layoutChannels, type ChannelsLayout, type Hit } from './channels/layout';
import { formatCpuList } from '../../engine/config/cpuList';
import type { NodeConfig } from '../../engine/config/nodeConfig';
import { ChannelsModel, DECISION_TEXT, proxyStateText } from './channels/model';
import { readViewTheme, selectPid, textGate, useSelectedPidRef, writeText, type ViewTheme } from './channels/shared';
import type { ViewProps } from './index';
import './views-syscall.css';
import { channelsCaption } from './channels/caption';
import { EmptyViewNote } from './EmptyViewNote';
import { InjectChannels } from '../inject/InjectChannels';

const LINUX_COLUMNS = ['Channel', 'Syscall CPU', 'Depth', 'Capacity', 'Waiting senders', 'Messages', 'IPIs', 'Empty→non-empty', 'Messages per IPI', 'Callers (LWK CPUs)'];
const PID_COLUMNS = ['Channel', 'Queued messages', 'State'];

const ROW_FIELDS: readonly ChannelField[] = ['syscallCpu', 'depth', 'capacity', 'waiting', 'messages', 'ipis', 'transitions'];

function channelRows(config: NodeConfig, f: Frame): string[][] {
  const c = f.buffers.channels;
  const rows: string[][] = [];
  for (let i = 0; i < channelCount(c); i++) {
    const msgs = channelValue(c, i, 'messages'), ipis = channelValue(c, i, 'ipis');
    const callers = formatCpuList(callersOf(config, channelValue(c, i, 'syscallCpu')));
    rows.push([String(i), ...ROW_FIELDS.map((k) => String(channelValue(c, i, k))), ipis > 0 ? (msgs / ipis).toFixed(2) : '', callers]);
  }
  return rows;
}

function totals(f: Frame): { msgs: number; ipis: number } {
  const c = f.buffers.channels;
  let msgs = 0, ipis = 0;
  for (let i = 0; i < channelCount(c); i++) {
    msgs += channelValue(c, i, 'messages');
    ipis += channelValue(c, i, 'ipis');
  }
  return { msgs, ipis };
}

function tooltipLines(hit: Hit, f: Frame, m: ChannelsModel): string[] {
  const b = f.buffers;
  if (hit.k === 'pid') {
    const s = m.pidState(hit.pid);
    return [`channel[${m.pidText(hit.pid)}]`, `proxy of pid ${m.pidText(hit.pid)}: ${proxyStateText(s)}`, `${s.pending} routed message(s) not yet started`, 'click to highlight this pid everywhere'];
  }
  if (hit.k === 'lwk') {
    const d = b.lwkDepth[hit.cpu];
    return [`LWK CPU ${hit.cpu}: reply channel`, `${d} reply(ies) ready, not yet seen`, 'a blocked caller sees its reply at its next block or yield'];
  }
  const [cpu, depth, cap, waiting, msgs, ipis, trans] = ROW_FIELDS.map((k) => channelValue(b.channels, hit.ch, k));
  const head = `Linux channel ${hit.ch} (syscall CPU ${cpu})`;
  switch (hit.k) {
    case 'slot': {
      const pid = slotPid(b, hit.ch, hit.idx);
      return [head, `slot ${hit.idx + 1} of ${cap}: ${pid >= 0 ? `message from pid ${m.pidText(pid)}` : 'empty'}`, `depth ${depth} message(s), ${waiting} sender(s) waiting`];
    }
    case 'caller': {
      const full = m.waitingFull.get(hit.cpu), sent = m.inFlight.get(hit.cpu);
      const now = full !== undefined ? `pid ${m.pidText(full)} waits for a free slot (${waiting} sender(s) waiting; nothing is dropped)`
        : sent !== undefined ? `a call of pid ${m.pidText(sent)} is in flight: its reply is not seen yet` : 'no call in flight';
      return [`LWK CPU ${hit.cpu}: sends to ${head}`, now, full ?? sent ? 'click to highlight this pid everywhere' : `depth ${depth} of ${cap}`];
    }
    case 'handler':
      return [`Syscall CPU ${cpu}`, `now: ${ACTIVITY_NAMES[b.cpuActivity[cpu]] ?? 'unknown'}`, `runs the IPI handler of channel ${hit.ch}`, m.getList.has(hit.ch) ? `last get_list took ${m.getList.get(hit.ch)!.n} message(s)` : 'no get_list yet'];
    case 'ipi': {
      const d = m.decision.get(hit.ch);
      return [head, `${ipis} IPIs for ${msgs} messages (${ipis > 0 ? (msgs / ipis).toFixed(2) : '–'} messages per IPI)`, `${trans} empty→non-empty transitions`, `last: ${d ? DECISION_TEXT[d.kind] : 'none yet'}`];
    }
  }
}

export function ChannelsView({ config }: ViewProps) {
  const modelRef = useRef<ChannelsModel>(new ChannelsModel(config));
  const layoutRef = useRef<ChannelsLayout | null>(null);
  const layoutKey = useRef('');
  const themeRef = useRef<ViewTheme | null>(null);
  const dirty = useRef(true);
  const statsRef = useRef<HTMLSpanElement>(null);
  const markDirty = useCallback(() => void (dirty.current = true), []);
  const { ref, size } = useCanvas(useCallback(() => ((dirty.current = true), (layoutKey.current = '')), []));
  const selected = useSelectedPidRef(markDirty);
  const { bus, store } = useSession();
  const page = usePage();
  const tooltip = useTooltip();
  const linuxTable = useHiddenTableWriter(useCallback((f: Frame) => channelRows(config, f), [config]));
  const pidTable = useHiddenTableWriter(
    useCallback((f: Frame) => {
      const m = modelRef.current;
      const rows = m.pids.map((pid) => {
        const s = m.pidState(pid);
        return [`channel[${m.pidText(pid)}]`, String(s.pending), `proxy ${proxyStateText(s)}`];
      });
      let waiting = 0;
      const ready: number[] = [];
      f.buffers.lwkDepth.forEach((d, cpu) => {
        if (d > 0) {
          waiting += d;
          ready.push(cpu);
        }
      });
      rows.push(['LWK reply channels', String(waiting), ready.length ? `reply ready on CPU ${ready.join(', ')}` : 'no reply waiting']);
      return rows;
    }, []),
  );

  useEffect(() => {
    modelRef.current = new ChannelsModel(config);
    dirty.current = true;
  }, [config]);

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const gate = textGate();
    let lastDraw = -Infinity;
    const backdrop = new Backdrop();
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onTheme = () => ((themeRef.current = null), (dirty.current = true));
    media.addEventListener('change', onTheme);
    // Exports draw the picture again as vectors: the cached backdrop's shapes, what moves, then its text.
    const unexport = page.canvasExports.register(canvas, (svg) => {
      const l = layoutRef.current;
      const frame = bus.frame;
      if (!l || !frame) return;
      const theme = themeRef.current ?? readViewTheme(canvas);
      const v = asCanvasContext(svg);
      drawBackground(v, l, theme);
      drawChannels(v, l, modelRef.current, frame, theme, { now: performance.now(), selected: selected.current, reduced: true });
      drawBackgroundText(v, l, frame, theme);
    });
    const off = bus.subscribe((frame, now) => {
      const m = modelRef.current;
      const fresh = m.ingest(frame, now);
      const { width, dpr } = size.current;
      if (fresh && gate(now, frame.running)) {
        const t = totals(frame);
        writeText(statsRef.current, `${t.msgs.toLocaleString('en-US')} messages · ${t.ipis.toLocaleString('en-US')} IPIs · ${t.ipis > 0 ? (t.msgs / t.ipis).toFixed(2) : '–'} messages per IPI`);
      }
      if (width <= 0 || !(fresh || dirty.current || m.tokens.length > 0 || m.ipis.length > 0 || now < m.activeUntil)) return;
      // While running, the canvas is redrawn at most ~30 times a second: motion stays smooth and
      // the frame budget is kept for the other views (software rendering, no GPU).
      if (frame.running && now - lastDraw < MIN_DRAW_MS) return;
      lastDraw = now;
      dirty.current = false;
      const cpus = Array.from({ length: channelCount(frame.buffers.channels) }, (_, i) => channelValue(frame.buffers.channels, i, 'syscallCpu'));
      const key = `${width}|${m.pids.join(',')}|${cpus.join(',')}|${frame.buffers.lwkDepth.length}`;
      if (key !== layoutKey.current || !layoutRef.current) {
        layoutKey.current = key;
        const l = layoutChannels(width, frame, m.pids, config);
        if (!layoutRef.current || l.height !== layoutRef.current.height) canvas.style.height = `${l.height}px`;
        layoutRef.current = l;
      }
      if (!themeRef.current) {
        themeRef.current = readViewTheme(canvas);
        backdrop.invalidate();
      }
      const l = layoutRef.current;
      backdrop.update(`${layoutKey.current}|${dpr}|${l.height}`, l, frame, themeRef.current, dpr);
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      backdrop.drawShapes(ctx);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      drawChannels(ctx, l, m, frame, themeRef.current, { now, selected: selected.current, reduced: reducedMotion() });
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      backdrop.drawText(ctx);
    });
    return () => {
      off();
      unexport();
      media.removeEventListener('change', onTheme);
    };
  }, [config, ref, size, selected, bus, page]);

  const hitAt = (e: PointerEvent<HTMLCanvasElement>): Hit | null => {
    const l = layoutRef.current;
    if (!l) return null;
    const r = e.currentTarget.getBoundingClientRect();
    return hitTest(l, e.clientX - r.left, e.clientY - r.top);
  };
  const onMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const hit = hitAt(e);
    const f = bus.frame;
    if (hit && f) tooltip.show(e.clientX, e.clientY, tooltipLines(hit, f, modelRef.current));
    else tooltip.hide();
  };
  const onClick = (e: PointerEvent<HTMLCanvasElement>) => {
    const hit = hitAt(e);
    const f = bus.frame;
    let pid: number | null = null;
    if (hit?.k === 'pid') pid = hit.pid;
    else if (hit?.k === 'slot' && f) {
      const p = slotPid(f.buffers, hit.ch, hit.idx);
      pid = p >= 0 ? p : null;
    } else if (hit?.k === 'caller') pid = modelRef.current.waitingFull.get(hit.cpu) ?? modelRef.current.inFlight.get(hit.cpu) ?? null;
    selectPid(store, pid !== null && pid === selected.current ? null : pid);
  };
  const onKey = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const pids = modelRef.current.pids;
    if (e.key === 'Escape') selectPid(store, null);
    else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && pids.length) {
      const i = selected.current === null ? -1 : pids.indexOf(selected.current);
      selectPid(store, pids[(i + (e.key === 'ArrowDown' ? 1 : pids.length - 1 + (i < 0 ? 1 : 0))) % pids.length]);
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <section className="panel syscall-view" aria-label="Channels">
      <h2 className="panel-title">Channels</h2>
      <p className="panel-sub">
        <span aria-label="How this configuration ships calls">{channelsCaption(config)}</span>
        <br />
        <strong>Coalescing</strong> <span ref={statsRef} aria-label="Coalescing" />
      </p>
      <EmptyViewNote view="channels" config={config} />
      <canvas
        ref={ref}
        className="syscall-canvas"
        tabIndex={0}
        role="img"
        aria-label="Linux channel queues with their calling LWK CPUs, IPIs, per-pid channels and LWK reply channels. Up and Down arrows select a process, Escape clears."
        onPointerMove={onMove}
        onPointerLeave={tooltip.hide}
        onClick={onClick}
        onKeyDown={onKey}
      />
      <ul className="legend" aria-label="Legend">
        <li><span className="swatch pid-swatch">0</span>message (colour and last digit of its pid)</li>
        <li><span className="swatch caller-swatch">0</span>caller LWK CPU with a call in flight</li>
        <li><span className="swatch caller-swatch caller-full">0</span>caller waiting: channel full</li>
        <li><span className="legend-glyph" aria-hidden="true">⚡</span>IPI sent (queue was empty)</li>
        <li><span className="legend-glyph" aria-hidden="true">⊘</span>no IPI: queue non-empty or channel polls</li>
        <li><span className="legend-glyph mono" aria-hidden="true">×N</span>get_list ×N: the IPI handler took N messages off the queue at once</li>
        <li><span className="swatch proxy-swatch">X</span>proxy running · R runnable</li>
        <li><span className="legend-glyph" aria-hidden="true">◯</span>reply ready</li>
        <li><span className="legend-glyph" aria-hidden="true">✓</span>reply seen</li>
      </ul>
      <HiddenTable caption="Linux channels" columns={LINUX_COLUMNS} tableRef={linuxTable} />
      <HiddenTable caption="Per-pid channels and LWK reply channels" columns={PID_COLUMNS} tableRef={pidTable} />
      <InjectChannels config={config} />
    </section>
  );
}
