/**
 * The static SVG of the triage path (bounded: 5 boxes, 4 edges, 4 x 11 stage segments). Its
 * numbers and highlight attributes are written from frames by triage/update.ts, never by React.
 */
import { BAR_ROW_H, BAR_W, BAR_X, BARS_Y, BOX_H, BOX_Y, COLUMNS, LANE_H, LANE_Y, ROUTE_NAMES, ROUTE_TITLES, STAGE_NAMES, STAGE_STYLES, VB_H, VB_W } from './geometry';
import type { RefObject } from 'react';

const EDGE_Y = BOX_Y + 34;

export function Diagram({ svgRef }: { svgRef: RefObject<SVGSVGElement | null> }) {
  return (
    <svg ref={svgRef} className="triage-svg" viewBox={`0 0 ${VB_W} ${VB_H}`} role="img" aria-label="Syscall path: glibc interception, LWK, Linux, OS node, with counts and latencies per route and mean time per stage">
      <text x={0} y={11} className="muted" fontSize={11}>
        LWK &gt; Linux &gt; OS node: each call is handled by the first level that can
      </text>
      {COLUMNS.slice(1).map((c, i) => {
        const from = COLUMNS[i];
        const x0 = from.x + from.w + 1, x1 = c.x - 2;
        return (
          <g key={i}>
            <line className="triage-edge" data-edge={i + 1} x1={x0} y1={EDGE_Y} x2={x1 - 5} y2={EDGE_Y} />
            <polygon className="triage-edge-head" points={`${x1},${EDGE_Y} ${x1 - 6},${EDGE_Y - 4} ${x1 - 6},${EDGE_Y + 4}`} />
          </g>
        );
      })}
      {COLUMNS.map((c, col) => (
        <g key={col} className="triage-box" data-route={col === 0 ? undefined : ROUTE_NAMES[col - 1]} data-col={col}>
          <rect className="box" x={c.x + 1} y={BOX_Y} width={c.w - 2} height={BOX_H} rx={6} />
          <text x={c.x + 8} y={BOX_Y + 17} fontSize={13} fontWeight={600}>{c.title}</text>
          <text x={c.x + 8} y={BOX_Y + 31} fontSize={9.5} className="muted">{c.sub}</text>
          <text x={c.x + 8} y={BOX_Y + 52} fontSize={12} className="mono" data-f="count">–</text>
          <text x={c.x + 8} y={BOX_Y + 69} fontSize={10.5} className="mono" data-f="line1" />
          <text x={c.x + 8} y={BOX_Y + 85} fontSize={10.5} className="mono" data-f="line2" />
        </g>
      ))}
      <rect x={0} y={LANE_Y} width={VB_W} height={LANE_H} rx={4} fill="currentColor" opacity={0.05} />
      <text x={4} y={LANE_Y + LANE_H - 5} fontSize={9} className="muted">calls in flight</text>
      <text x={0} y={BARS_Y - 12} fontSize={11.5} fontWeight={600}>
        Mean time per stage, by route (share of the mean latency)
      </text>
      {ROUTE_NAMES.map((name, r) => (
        <g key={name} className="triage-bar-row" data-route={name}>
          <text className="row-label" x={0} y={BARS_Y + r * BAR_ROW_H + 12} fontSize={11}>{ROUTE_TITLES[r]}</text>
          <rect x={BAR_X} y={BARS_Y + r * BAR_ROW_H + 2} width={BAR_W} height={BAR_ROW_H - 6} fill="currentColor" opacity={0.06} />
          {STAGE_NAMES.map((stage, s) => (
            <g key={stage}>
              <rect className="triage-seg" data-stage={s} x={BAR_X} y={BARS_Y + r * BAR_ROW_H + 2} width={0} height={BAR_ROW_H - 6} fill={STAGE_STYLES[s].fill} />
              <text className="triage-seg-label" data-stage-label={s} x={BAR_X} y={BARS_Y + r * BAR_ROW_H + 12} textAnchor="middle" style={{ fill: STAGE_STYLES[s].ink }} />
            </g>
          ))}
          <text x={VB_W} y={BARS_Y + r * BAR_ROW_H + 12} fontSize={10.5} textAnchor="end" className="mono" data-f="total" />
        </g>
      ))}
    </svg>
  );
}
