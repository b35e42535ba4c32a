/**
 * The timeline's state outside React: the window (following the present or fixed by the
 * user), the worker queries (never more than one outstanding, at most ~7 a second while
 * running), the latest reply rendered offscreen, and the draws (only when something changed,
 * plus one blit per frame while following smoothly). The component wires DOM events to it.
 */
import type { NodeConfig } from '../../../engine/config/nodeConfig';
import { formatClock } from '../../../engine/kernel/time';
import { ACTIVITY_NAMES } from '../../../engine/node/kinds';
import type { Frame, TimelineReply } from '../../../worker/protocol';
import { FLOW, SPAN } from '../../../worker/frameLayout';
import { reducedMotion } from '../../motion';
import { drawScene, flowsShown, GUTTER, readTimelineTheme, renderReply, type FlowsShown, type TimelineTheme } from './draw';
import { foldToggleAt, laneAt, layoutLanes, sameLaneGroups, timelineGroups, type GroupBand, type LaneGroup, type LaneLayout } from './lanes';
import { processNames } from '../../processNames';
import {
  applyZoomDelta, clampWindow, exactDuration, followSpan, followWindow, pan, shortDuration, spanAt, summarizeLane, zoomAt,
  type TimeWindow, type ZoomTransformLike,
} from './window';

/** Asks the session's worker for the spans of a window (null if the worker restarted first). */
export type TimelineQuery = (from: number, to: number, bins: number) => Promise<TimelineReply | null>;

/** Wall ms between queries while running (≈ 7 a second). */
const QUERY_EVERY_MS = 150;
const TABLE_EVERY_MS = 1000;
const LABEL_EVERY_MS = 100;

export interface TimelineHooks {
  onFollowChange(follow: boolean): void;
  /** The hidden table: the window it describes and one row per CPU. */
  writeTable(windowText: string, rows: string[][], query: { from: number; to: number; bins: number }): void;
  writeWindowLabel(text: string): void;
  /** The lanes were laid out again: the toolbar's fold buttons follow the groups. */
  onGroupsChange?(groups: readonly GroupBand[]): void;
  /** The user moved the window (null: back to following the present); shared links carry it. */
  onWindowChange?(window: TimeWindow | null): void;
}

export interface SpanHit {
  readonly cpu: number;
  readonly start: number;
  readonly end: number;
  readonly activity: number;
  readonly pid: number;
}

/** Minimum wall time between two redraws while running. */
const MIN_DRAW_MS = 30;

/** The hidden table's columns: a row per CPU, in lane order. */
export const TABLE_COLUMNS = ['CPU', 'Partition', 'Lane group', 'Busiest activity', 'Spans', 'Share of the window by activity'];

export class TimelineController {
  private groups: readonly LaneGroup[];
  /** Each CPU's partition group title (the table's Partition column, whatever the grouping). */
  private readonly partitionOf: string[] = [];
  private groupOfCpu: string[] = [];
  private layout: LaneLayout;
  private theme: TimelineTheme | null = null;
  private readonly off = document.createElement('canvas');
  private reply: TimelineReply | null = null;
  private bitmapOk = false;
  /** Device pixels of `off` in use. */
  private offPx = 0;
  private outstanding = false;
  private lastQueryAt = -Infinity;
  private lastKey = '';
  private lastTableAt = -Infinity;
  private lastLabelAt = -Infinity;
  private follow = true;
  private userWindow: TimeWindow = { from: 0, to: 1 };
  private shown: TimeWindow = { from: 0, to: 1 };
  private dirty = true;
  private lastFrameTime = -1;
  private lastSeq = -1;
  private selectedPid: number | null = null;
  private inspectedCpu: number | null = null;
  private selectedLanes = new Set<number>();
  private hover: SpanHit | null = null;
  private disposed = false;
  private latest: Frame | null = null;
  private expanded = new Set<number>();
  private flows: FlowsShown = 'all';

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly ctx: CanvasRenderingContext2D,
    private readonly config: NodeConfig,
    groups: readonly LaneGroup[],
    private readonly size: () => { width: number; height: number; dpr: number },
    private readonly targetHeight: () => number,
    private readonly query: TimelineQuery,
    private readonly hooks: TimelineHooks,
  ) {
    for (const g of timelineGroups(config)) for (const c of g.cpus) this.partitionOf[c] = g.title;
    this.groups = groups;
    this.indexGroups();
    this.layout = layoutLanes(this.groups, targetHeight(), config.cpuCount, this.expanded);
    this.cpuCount = config.cpuCount;
    // Scrolled out of view, the lanes are not redrawn (queries and the hidden table go on).
    if (typeof IntersectionObserver !== 'undefined') {
      this.observer = new IntersectionObserver((entries) => {
        for (const e of entries) this.onScreen = e.isIntersecting;
        if (this.onScreen) this.dirty = true;
      });
      this.observer.observe(canvas);
    }
  }

  private onScreen = true;
  private lastDrawAt = -Infinity;
  private observer: IntersectionObserver | null = null;

  private readonly cpuCount: number;

  get following(): boolean {
    return this.follow;
  }

  dispose(): void {
    this.disposed = true;
    this.observer?.disconnect();
  }

  /** Lays the lanes out for the current size and sets the canvas's CSS height. */
  relayout(): void {
    this.layout = layoutLanes(this.groups, this.targetHeight(), this.cpuCount, this.expanded);
    this.bitmapOk = false;
    this.dirty = true;
    this.hooks.onGroupsChange?.(this.layout.groups);
    // The CPUs that have a lane now, in order (for tests: each must be labelled).
    this.canvas.dataset.lanes = this.layout.lanes.map((l) => l.cpu).join(',');
    const h = `${this.layout.height}px`;
    if (this.canvas.style.height !== h) this.canvas.style.height = h;
  }

  private indexGroups(): void {
    this.groupOfCpu = [];
    for (const g of this.groups) for (const c of g.cpus) this.groupOfCpu[c] = g.title;
  }

  /** Groups the lanes another way (by partition or by process): every group starts folded. */
  setGroups(groups: readonly LaneGroup[]): void {
    if (sameLaneGroups(groups, this.groups)) return;
    this.groups = groups;
    this.indexGroups();
    this.expanded = new Set();
    this.lastTableAt = -Infinity;
    this.lastKey = '';
    this.relayout();
  }

  /** Unfolds a group (all its lanes; the lanes area scrolls) or folds it back. */
  toggleGroup(gi: number): void {
    if (gi < 0 || gi >= this.groups.length) return;
    if (this.expanded.has(gi)) this.expanded.delete(gi);
    else this.expanded.add(gi);
    this.relayout();
  }

  /** A click on a group header or "+N" strip folds or unfolds it; true if the click was on one. */
  clickHeader(y: number): boolean {
    const gi = foldToggleAt(this.layout, y);
    const g = this.layout.groups[gi];
    if (!g || (g.shown === g.count && !g.expanded)) return false;
    this.toggleGroup(gi);
    return true;
  }

  /** The tooltip of a folded group's "+N" strip under a y coordinate, or null. */
  describeStrip(y: number): string[] | null {
    const g = this.layout.groups[foldToggleAt(this.layout, y)];
    if (!g || g.moreY < 0 || y < g.moreY) return null;
    const hidden = g.count - g.shown;
    return [`${g.title}: ${hidden} more CPU${hidden === 1 ? '' : 's'} without a lane`, 'forwarded calls from or to them: dashed arrows ending here', 'click to show all'];
  }

  themeChanged(): void {
    this.theme = null;
    this.bitmapOk = false;
    this.dirty = true;
  }

  setSelection(selectedPid: number | null, inspectedCpu: number | null): void {
    if (selectedPid !== this.selectedPid) this.bitmapOk = false;
    this.selectedPid = selectedPid;
    this.inspectedCpu = inspectedCpu;
    this.updateSelectedLanes();
    this.dirty = true;
  }

  private updateSelectedLanes(): void {
    this.selectedLanes = new Set();
    const r = this.reply;
    if (!r || this.selectedPid === null) return;
    r.spans.forEach((s, cpu) => {
      for (let i = SPAN.field.pid; i < s.length; i += SPAN.stride) if (s[i] === this.selectedPid) {
        this.selectedLanes.add(cpu);
        return;
      }
    });
  }

  private laneWidth(): number {
    return Math.max(1, this.size().width - GUTTER);
  }

  private maxSpan(): number {
    return Math.max(1e6, (this.latest?.time ?? 0) * 1.2);
  }

  // ---- user intents -------------------------------------------------------------------------

  setFollow(follow: boolean): void {
    if (!follow) this.userWindow = this.shown;
    this.follow = follow;
    this.lastKey = '';
    this.dirty = true;
    this.hooks.onFollowChange(follow);
    this.hooks.onWindowChange?.(follow ? null : this.userWindow);
  }

  /** Shows a window given from outside (a shared link), or follows the present (null); no echo to onWindowChange. */
  showWindow(w: TimeWindow | null): void {
    if (w === null) {
      if (!this.follow) this.setFollowQuietly(true);
      return;
    }
    // The store keeps whole ns: a window within a ns of the shown one is the same (no new query).
    if (!this.follow && Math.abs(this.userWindow.from - w.from) < 1 && Math.abs(this.userWindow.to - w.to) < 1) return;
    this.userWindow = clampWindow(w, Infinity);
    this.shown = this.userWindow;
    this.setFollowQuietly(false);
  }

  private setFollowQuietly(follow: boolean): void {
    this.follow = follow;
    this.lastKey = '';
    this.dirty = true;
    this.hooks.onFollowChange(follow);
  }

  private setWindow(w: TimeWindow): void {
    this.userWindow = clampWindow(w, this.maxSpan());
    this.shown = this.userWindow;
    if (this.follow) {
      this.follow = false;
      this.hooks.onFollowChange(false);
    }
    this.dirty = true;
    this.hooks.onWindowChange?.(this.userWindow);
  }

  zoomBy(factor: number, anchor = 0.5): void {
    this.setWindow(zoomAt(this.shown, factor, anchor));
  }

  panBy(fraction: number): void {
    this.setWindow(pan(this.shown, fraction));
  }

  /** A d3-zoom gesture (wheel, drag, pinch, double click) moved the transform from prev to next. */
  gesture(prev: ZoomTransformLike, next: ZoomTransformLike): void {
    // Screen x is measured from the canvas edge; the time scale starts after the gutter.
    const k = next.k / prev.k;
    const b = next.x - k * prev.x + (k - 1) * GUTTER;
    this.setWindow(applyZoomDelta(this.shown, { k: 1, x: 0 }, { k, x: b }, this.laneWidth()));
  }

  hitTest(x: number, y: number): SpanHit | null {
    const r = this.reply;
    if (!r || x < GUTTER) return null;
    const li = laneAt(this.layout, y);
    if (li < 0) return null;
    const cpu = this.layout.lanes[li].cpu;
    const s = r.spans[cpu];
    if (!s) return null;
    const nsPerPx = (this.shown.to - this.shown.from) / this.laneWidth();
    const t = this.shown.from + (x - GUTTER) * nsPerPx;
    const i = spanAt(s, t, nsPerPx * 1.5);
    if (i < 0) return null;
    const o = i * SPAN.stride, S = SPAN.field;
    return { cpu, start: s[o + S.start], end: s[o + S.end], activity: s[o + S.activity], pid: s[o + S.pid] };
  }

  /** The span outlined under the pointer (what a click selects). */
  get hovered(): SpanHit | null {
    return this.hover;
  }

  setHover(hit: SpanHit | null): void {
    const same = hit && this.hover && hit.cpu === this.hover.cpu && hit.start === this.hover.start;
    if (same || (!hit && !this.hover)) return;
    this.hover = hit;
    this.dirty = true;
  }

  describe(hit: SpanHit): string[] {
    const lines = [
      `CPU ${hit.cpu} · ${this.groupOfCpu[hit.cpu] ?? ''}${this.partitionOf[hit.cpu] !== this.groupOfCpu[hit.cpu] ? ` (${this.partitionOf[hit.cpu] ?? ''})` : ''}`,
      ACTIVITY_NAMES[hit.activity] ?? `activity ${hit.activity}`,
      hit.pid >= 0 ? `pid ${processNames(this.config).label(hit.pid)}` : 'no process',
      `start ${formatClock(hit.start)}`,
      `end ${formatClock(hit.end)}`,
      `duration ${exactDuration(hit.end - hit.start)}`,
    ];
    if (this.reply?.binned) lines.push('zoomed out: shows the activity that dominated');
    return lines;
  }

  // ---- per animation frame ------------------------------------------------------------------

  onFrame(frame: Frame, now: number): void {
    if (this.disposed) return;
    this.latest = frame;
    if (frame.time < this.lastFrameTime || (frame.seq < this.lastSeq)) {
      // Reset or a new run: the old spans are from another history.
      this.reply = null;
      this.bitmapOk = false;
      this.lastKey = '';
      this.dirty = true;
    }
    this.lastSeq = frame.seq;
    this.lastFrameTime = frame.time;
    const width = this.size().width;
    if (width <= 0) return;
    const laneW = this.laneWidth();
    let query: TimeWindow;
    let view: TimeWindow;
    if (this.follow) {
      const span = followSpan(frame.requestedSpeed);
      const smooth = frame.running && !reducedMotion();
      // While scrolling smoothly the view trails the present by about one query round trip,
      // so that the latest reply always covers it; with reduced motion it jumps per reply.
      const lag = smooth ? Math.min(span * 0.25, (2.5 * QUERY_EVERY_MS * Math.max(frame.achievedSpeed, 1)) / 1000) : 0;
      let end = frame.time;
      if (this.reply) end = smooth ? Math.min(frame.time - lag, this.reply.to) : this.reply.to;
      view = followWindow(end, span);
      query = { from: Math.max(0, frame.time - span - lag), to: frame.time };
      if (view.from !== this.shown.from || view.to !== this.shown.to) this.dirty = true;
    } else {
      view = this.userWindow;
      query = view;
    }
    this.shown = view;
    this.maybeQuery(frame, now, query, laneW);
    // While following a running simulation the lanes scroll at ~30 redraws a second at most.
    if (this.dirty && this.onScreen && (!frame.running || now - this.lastDrawAt >= MIN_DRAW_MS)) {
      this.lastDrawAt = now;
      this.draw(frame, now);
    }
  }

  private maybeQuery(frame: Frame, now: number, q: TimeWindow, laneW: number): void {
    if (this.outstanding) return;
    const bins = Math.max(1, Math.round((laneW * (q.to - q.from)) / Math.max(1, this.shown.to - this.shown.from)));
    const from = Math.floor(q.from), to = Math.ceil(q.to);
    // A window reaching past the present changes as time passes; one in the past never does.
    const key = `${from}:${to}:${bins}:${Math.min(to, frame.time)}`;
    if (key === this.lastKey) return;
    if (frame.running && now - this.lastQueryAt < QUERY_EVERY_MS) return;
    this.outstanding = true;
    this.lastQueryAt = now;
    this.lastKey = key;
    const running = frame.running;
    void this.query(from, to, bins).then((reply) => {
      this.outstanding = false;
      if (this.disposed || !reply) return;
      this.reply = reply;
      this.bitmapOk = false;
      this.updateSelectedLanes();
      this.dirty = true;
      this.maybeWriteTable(reply, bins, performance.now(), running && (this.latest?.running ?? false));
    });
  }

  private maybeWriteTable(r: TimelineReply, bins: number, now: number, running: boolean): void {
    if (running && now - this.lastTableAt < TABLE_EVERY_MS) return;
    this.lastTableAt = now;
    const w = { from: r.from, to: r.to };
    // Every CPU, folded groups included: the table is the whole story for a screen reader.
    const rows = this.groups.flatMap((g) => g.cpus).map((cpu) => {
      const sum = summarizeLane(r.spans[cpu] ?? new Float64Array(0), w);
      return [String(cpu), this.partitionOf[cpu] ?? '', this.groupOfCpu[cpu] ?? '', sum.busiest, String(sum.spans), sum.shares];
    });
    this.hooks.writeTable(windowText(w), rows, { from: r.from, to: r.to, bins });
  }

  /** The scene as it is on screen, drawn into `ctx` at CSS-pixel scale with the spans as shapes (exports). */
  drawVector(ctx: CanvasRenderingContext2D, width: number, now: number): void {
    this.theme ??= readTimelineTheme(this.canvas);
    drawScene(ctx, {
      layout: this.layout,
      theme: this.theme,
      width,
      dpr: 1,
      view: this.shown,
      bitmap: null,
      reply: this.reply ? { reply: this.reply, selectedPid: this.selectedPid } : null,
      now,
      inspectedCpu: this.inspectedCpu,
      selectedLanes: this.selectedLanes,
      hover: null,
      flows: this.flows,
      selectedPid: this.selectedPid,
    });
  }

  private draw(frame: Frame, now: number): void {
    const { width, dpr } = this.size();
    this.theme ??= readTimelineTheme(this.canvas);
    const r = this.reply;
    if (r && !this.bitmapOk) {
      const laneW = this.laneWidth();
      const offW = Math.min(16384 / dpr, Math.max(1, Math.round((laneW * (r.to - r.from)) / Math.max(1, this.shown.to - this.shown.from))));
      const rendered = renderReply(this.off, r, this.layout, this.theme, offW, dpr, this.selectedPid);
      this.offPx = rendered.pxWidth;
      this.flows = flowsShown(r.flows.length / FLOW.stride, offW, this.selectedPid);
      // The arrows drawn (for tests: those with an end in a folded group's strip are counted apart).
      this.canvas.dataset.flows = `${rendered.flows.lanes} ${rendered.flows.folded}`;
      this.bitmapOk = true;
    }
    drawScene(this.ctx, {
      layout: this.layout,
      theme: this.theme,
      width,
      dpr,
      view: this.shown,
      bitmap: r ? { canvas: this.off, pxWidth: this.offPx, from: r.from, to: r.to } : null,
      now: frame.time,
      inspectedCpu: this.inspectedCpu,
      selectedLanes: this.selectedLanes,
      hover: this.hover,
      flows: this.flows,
      selectedPid: this.selectedPid,
    });
    this.dirty = false;
    if (now - this.lastLabelAt >= LABEL_EVERY_MS || !frame.running) {
      this.lastLabelAt = now;
      this.hooks.writeWindowLabel(`${windowText(this.shown)}${this.follow ? ' · following the present' : ''}`);
    }
  }
}

export function windowText(w: TimeWindow): string {
  return `${shortDuration(w.from)} to ${shortDuration(w.to)} (${shortDuration(w.to - w.from)})`;
}
