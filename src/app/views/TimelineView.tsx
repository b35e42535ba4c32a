/**
 * "Timeline": one lane per CPU, KernelShark style, grouped by partition or by process (a toolbar
 * choice kept in the session's store): what each CPU ran (coloured and lettered by activity) and
 * arrows for forwarded calls, from the caller's CPU at issue time to the serving Linux CPU.
 * Spans come binned from the worker for the window shown. Follows the present until the user
 * zooms or pans (d3-zoom, buttons or keys); "Follow" returns to live. A visually hidden table
 * carries the same numbers (≤ 1 Hz while running).
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import { select, zoom, zoomIdentity, type D3ZoomEvent, type ZoomTransform } from 'd3';
import { ACTIVITY_NAMES } from '../../engine/node/kinds';
import { ACTIVITY_STYLES } from '../palette';
import { useUi } from '../store';
import { usePage, useSession } from '../session/context';
import { asCanvasContext } from '../export/canvasExports';
import { useTooltip } from '../components/Tooltip';
import { useCanvas } from './useCanvas';
import { TABLE_COLUMNS, TimelineController } from './timeline/controller';
import { timelineGroups, type GroupBand, type LaneGroup } from './timeline/lanes';
import { processGroups } from './timeline/processGroups';
import { FLOW_COLOUR } from './timeline/draw';
import type { NodeConfig } from '../../engine/config/nodeConfig';
import type { TimelineGrouping, UiState } from '../store';
import type { ViewProps } from './index';
import './views-timeline.css';
import { TravelBar } from '../travel/TravelBar';
import { MomentBar } from '../moments/MomentBar';
import { processNames } from '../processNames';

const ZOOM_STEP = 1.6;

/** The height the lanes get: about half the viewport, within limits. */
function targetHeight(): number {
  return Math.round(Math.min(620, Math.max(300, window.innerHeight * 0.54)));
}

const GROUPINGS: readonly { readonly id: TimelineGrouping; readonly label: string }[] = [
  { id: 'partition', label: 'Partition' },
  { id: 'process', label: 'Process' },
];

/** The lane groups for a grouping; by process once the worker has said which CPUs each process uses (by partition until then). */
function lanesGroupedBy(config: NodeConfig, grouping: TimelineGrouping, job: UiState['jobProcesses']): readonly LaneGroup[] {
  return grouping === 'process' && job && job.config === config ? processGroups(config, job.processes) : timelineGroups(config);
}

export function TimelineView({ config }: ViewProps) {
  const selectedPid = useUi((s) => s.selectedPid);
  const inspectedCpu = useUi((s) => s.inspectedCpu);
  const grouping = useUi((s) => s.timelineGrouping);
  const job = useUi((s) => s.jobProcesses);
  const laneGroups = useMemo(() => lanesGroupedBy(config, grouping, job), [config, grouping, job]);
  const laneGroupsRef = useRef(laneGroups);
  laneGroupsRef.current = laneGroups;
  const ctl = useRef<TimelineController | null>(null);
  const [follow, setFollowState] = useState(true);
  const [groups, setGroups] = useState<readonly GroupBand[]>([]);
  const labelRef = useRef<HTMLSpanElement>(null);
  const captionRef = useRef<HTMLSpanElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const onResize = useCallback(() => ctl.current?.relayout(), []);
  const { ref, size } = useCanvas(onResize);
  const { bus, store, client } = useSession();
  const page = usePage();
  const tooltip = useTooltip();
  const keysId = useId();
  const groupById = useId();

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const c = new TimelineController(canvas, ctx, config, laneGroupsRef.current, () => size.current, targetHeight, (from, to, bins) => client.queryTimeline(from, to, bins), {
      onFollowChange: setFollowState,
      onGroupsChange: (g) => setGroups((prev) => (sameGroups(prev, g) ? prev : g)),
      // The window lives in the session's store too, whole ns, so a shared link carries it.
      onWindowChange: (w) => store.setState({ timelineWindow: w && { from: Math.max(0, Math.floor(w.from)), to: Math.ceil(w.to) } }),
      writeWindowLabel: (text) => {
        if (labelRef.current && labelRef.current.textContent !== text) labelRef.current.textContent = text;
      },
      writeTable: (windowText, rows, query) => {
        if (captionRef.current) captionRef.current.textContent = windowText;
        const body = bodyRef.current;
        if (!body) return;
        // The exact query (ns, bins), so tests can ask an ActivityHistory in Node the same question.
        const table = body.parentElement as HTMLTableElement;
        table.dataset.from = String(query.from);
        table.dataset.to = String(query.to);
        table.dataset.bins = String(query.bins);
        while (body.rows.length > rows.length) body.deleteRow(-1);
        rows.forEach((cells, r) => {
          const row = body.rows[r] ?? body.insertRow();
          cells.forEach((text, i) => {
            const cell = row.cells[i] ?? row.insertCell();
            if (cell.textContent !== text) cell.textContent = text;
          });
        });
      },
    });
    ctl.current = c;
    c.relayout();
    const onWindowResize = () => c.relayout();
    window.addEventListener('resize', onWindowResize);
    const ui = store.getState();
    c.setSelection(ui.selectedPid, ui.inspectedCpu);
    c.showWindow(ui.timelineWindow);
    const offUi = store.subscribe((s, prev) => {
      if (s.selectedPid !== prev.selectedPid || s.inspectedCpu !== prev.inspectedCpu) c.setSelection(s.selectedPid, s.inspectedCpu);
      if (s.timelineWindow !== prev.timelineWindow) c.showWindow(s.timelineWindow);
    });
    const offFrames = bus.subscribe((frame, now) => c.onFrame(frame, now));
    // Exports draw the Timeline again as vectors, its spans as shapes.
    const unexport = page.canvasExports.register(canvas, (svg, width) => c.drawVector(asCanvasContext(svg), width, bus.frame?.time ?? 0));
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onTheme = () => c.themeChanged();
    media.addEventListener('change', onTheme);
    // d3-zoom turns wheel, drag, pinch and double click into transforms; the controller only
    // uses the change between two events, so the transform itself never limits the range.
    let prev: ZoomTransform = zoomIdentity;
    const behaviour = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([1e-12, 1e12])
      .on('zoom', (e: D3ZoomEvent<HTMLCanvasElement, unknown>) => {
        if (e.sourceEvent) c.gesture(prev, e.transform);
        prev = e.transform;
      });
    const sel = select(canvas);
    sel.call(behaviour);
    return () => {
      sel.on('.zoom', null);
      unexport();
      offFrames();
      offUi();
      media.removeEventListener('change', onTheme);
      window.removeEventListener('resize', onWindowResize);
      c.dispose();
      ctl.current = null;
      tooltip.hide();
    };
  }, [config, ref, size, bus, store, client, tooltip, page]);

  // Regrouping keeps the controller (its window, its reply): only the lanes are laid out again.
  useEffect(() => {
    ctl.current?.setGroups(laneGroups);
  }, [laneGroups]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const c = ctl.current;
    if (!c || e.ctrlKey || e.metaKey || e.altKey) return;
    const step = e.shiftKey ? 0.5 : 0.1;
    switch (e.key) {
      case '+': case '=': c.zoomBy(ZOOM_STEP); break;
      case '-': case '_': c.zoomBy(1 / ZOOM_STEP); break;
      case 'ArrowLeft': c.panBy(-step); break;
      case 'ArrowRight': c.panBy(step); break;
      case 'f': case 'F': case 'End': c.setFollow(true); break;
      default: return;
    }
    // Handled here: the global shortcuts (Faster, Slower, Step) must not fire too.
    e.preventDefault();
    e.stopPropagation();
  };

  const pointerXY = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const c = ctl.current;
    if (!c || e.buttons) return;
    const { x, y } = pointerXY(e);
    const hit = c.hitTest(x, y);
    c.setHover(hit);
    const lines = hit ? c.describe(hit) : c.describeStrip(y);
    if (lines) tooltip.show(e.clientX, e.clientY, lines);
    else tooltip.hide();
  };
  const onPointerLeave = () => {
    ctl.current?.setHover(null);
    tooltip.hide();
  };
  const onClick = (e: MouseEvent<HTMLCanvasElement>) => {
    const c = ctl.current;
    if (!c) return;
    const r = e.currentTarget.getBoundingClientRect();
    // The outlined span under the pointer, so that a click selects exactly what the tooltip describes.
    if (c.clickHeader(e.clientY - r.top)) return;
    const hit = c.hovered ?? c.hitTest(e.clientX - r.left, e.clientY - r.top);
    if (hit) store.setState({ selectedPid: hit.pid >= 0 ? hit.pid : null, inspectedCpu: hit.cpu });
  };

  return (
    <section className="panel timeline" aria-label="Timeline">
      <div className="timeline-head">
        <h2 className="panel-title">Timeline</h2>
        <span ref={labelRef} className="timeline-window mono" aria-label="Window shown" />
        {selectedPid !== null || inspectedCpu !== null ? (
          <span className="timeline-selection">
            <span aria-label="Selection">
              {selectedPid !== null ? `pid ${processNames(config).label(selectedPid)}` : 'no process'}
              {inspectedCpu !== null ? ` on CPU ${inspectedCpu}` : ''}
            </span>
            <button type="button" className="btn btn-small" onClick={() => store.setState({ selectedPid: null, inspectedCpu: null })}>Clear selection</button>
          </span>
        ) : null}
        <div className="timeline-tools" role="toolbar" aria-label="Timeline controls">
          <button type="button" className="btn btn-small" onClick={() => ctl.current?.zoomBy(ZOOM_STEP)}>Zoom in</button>
          <button type="button" className="btn btn-small" onClick={() => ctl.current?.zoomBy(1 / ZOOM_STEP)}>Zoom out</button>
          <button type="button" className="btn btn-small" aria-pressed={follow} onClick={() => ctl.current?.setFollow(!follow)}>Follow</button>
        </div>
        <div className="timeline-tools" role="group" aria-labelledby={groupById}>
          <span id={groupById} className="timeline-tools-label">Group lanes by</span>
          {GROUPINGS.map((g) => (
            <button key={g.id} type="button" className="btn btn-small" aria-pressed={grouping === g.id} onClick={() => store.setState({ timelineGrouping: g.id })}>
              {g.label}
            </button>
          ))}
        </div>
        <div className="timeline-tools" role="group" aria-label="Lane groups">
          {groups.map((g, gi) =>
            g.expanded || g.shown < g.count ? (
              <button key={g.title} type="button" className="btn btn-small" aria-expanded={g.expanded} onClick={() => ctl.current?.toggleGroup(gi)}>
                {g.expanded ? `Fold ${g.short} lanes` : `All ${g.count} ${g.short} lanes`}
              </button>
            ) : null,
          )}
        </div>
      </div>
      <p id={keysId} className="panel-sub">
        One lane per CPU, labelled, a core's SMT siblings together, grouped by partition or by process (a CPU several processes use, such as a syscall CPU, has its own shared group); a group too large to fit shows its first cores and a "+N" strip (click either to show all). Drag or use <kbd>←</kbd> <kbd>→</kbd> to pan, the wheel or <kbd>+</kbd> <kbd>−</kbd> to zoom,{' '}
        <kbd>F</kbd> to follow the present; click a span to select its process. Arrows: forwarded calls.
      </p>
      <TravelBar />
      <MomentBar />
      <div className="timeline-lanes" tabIndex={0} role="group" aria-label="Timeline lanes" aria-describedby={keysId} onKeyDown={onKeyDown}>
        <canvas
          ref={ref}
          className="timeline-canvas"
          role="img"
          aria-label="Per-CPU lanes of activity spans over time, with arrows for forwarded calls"
          onPointerMove={onPointerMove}
          onPointerLeave={onPointerLeave}
          onClick={onClick}
        />
      </div>
      <Legend />
      <div className="visually-hidden">
        <table aria-label="Timeline spans per CPU">
          <caption>
            Timeline window <span ref={captionRef} />
          </caption>
          <thead>
            <tr>{TABLE_COLUMNS.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
          </thead>
          <tbody ref={bodyRef} />
        </table>
      </div>
    </section>
  );
}

/** Same groups, same folding: the toolbar need not render again. */
function sameGroups(a: readonly GroupBand[], b: readonly GroupBand[]): boolean {
  return a.length === b.length && a.every((g, i) => g.title === b[i].title && g.shown === b[i].shown && g.expanded === b[i].expanded && g.count === b[i].count);
}

function Legend() {
  return (
    <ul className="legend" aria-label="Timeline legend">
      {ACTIVITY_STYLES.map((s, i) =>
        s.code ? (
          <li key={i}>
            <span className="swatch" style={s.fill === '#000000' ? { background: 'var(--text)', color: 'var(--bg)' } : { background: s.fill, color: s.ink }}>{s.code}</span>
            {ACTIVITY_NAMES[i]}
          </li>
        ) : null,
      )}
      <li>
        <span className="timeline-arrow" aria-hidden="true" style={{ color: FLOW_COLOUR }}>→</span> forwarded call (caller CPU to serving CPU; drawn for all processes when zoomed in enough to tell them apart, else for the selected one)
      </li>
      <li>
        <span className="timeline-dash" aria-hidden="true" style={{ borderColor: FLOW_COLOUR }} /> dashed: from or to a CPU of a folded group, drawn to its "+N" strip
      </li>
    </ul>
  );
}
