/**
 * The static SVG of the triage path: the application and one box per route (ROUTES), the edges
 * between them, and a bar per route split into its stages (STAGES colours and letters). Its
 * numbers and highlight attributes are written from frames by triage/update.ts, never by React.
 */
import type { RefObject } from 'react';
import { ROUTES, STAGES } from '../../../engine/descriptors';
import { BAR_ROW_H, BARS_Y, BOX_H, BOX_Y, LANE_H, LANE_Y, MIN_SVG_TEXT, triageGeometry, VB_W } from './geometry';

const EDGE_Y = BOX_Y + 40;
const T = MIN_SVG_TEXT;

export function Diagram({ svgRef }: { svgRef: RefObject<SVGSVGElement | null> }) {
  const g = triageGeometry();
  const C = g.columns;
  return (
    <svg ref={svgRef} className="triage-svg" viewBox={`0 0 ${VB_W} ${g.height}`} role="img" aria-label={`Syscall path: ${ROUTES.map((r) => r.short).join(', ')}, with counts and latencies per route and mean time per stage`}>
      <text x={0} y={15} className="muted" fontSize={T}>
        {ROUTES.slice(1).map((r) => r.short).join(' > ')}: each call is handled by the first level that can
      </text>
      {C.slice(1).map((c, i) => {
        const from = C[i];
        const x0 = from.x + from.w + 1, x1 = c.x - 2;
        return (
          <g key={i}>
            <line className="triage-edge" data-edge={i + 1} x1={x0} y1={EDGE_Y} x2={x1 - 5} y2={EDGE_Y} />
            <polygon className="triage-edge-head" points={`${x1},${EDGE_Y} ${x1 - 6},${EDGE_Y - 4} ${x1 - 6},${EDGE_Y + 4}`} />
          </g>
        );
      })}
      {C.map((c, col) => (
        <g key={col} className="triage-box" data-route={col === 0 ? undefined : ROUTES[col - 1].key} data-col={col}>
          <rect className="box" x={c.x + 1} y={BOX_Y} width={c.w - 2} height={BOX_H} rx={6} />
          <text x={c.x + 8} y={BOX_Y + 20} fontSize={T + 2} fontWeight={600}>{c.title}</text>
          {c.sub.map((line, i) => (
            <text key={i} x={c.x + 8} y={BOX_Y + 38 + i * 16} fontSize={T} className="muted">{line}</text>
          ))}
          <text x={c.x + 8} y={BOX_Y + 76} fontSize={c.numberSize} className="mono" data-f="count">–</text>
          <text x={c.x + 8} y={BOX_Y + 95} fontSize={c.numberSize * 0.9} className="mono" data-f="line1" />
          <text x={c.x + 8} y={BOX_Y + 113} fontSize={c.numberSize * 0.9} className="mono" data-f="line2" />
        </g>
      ))}
      <rect x={0} y={LANE_Y} width={VB_W} height={LANE_H} rx={4} fill="currentColor" opacity={0.05} />
      <text x={4} y={LANE_Y + LANE_H - 6} fontSize={T} className="muted">calls in flight</text>
      <text x={0} y={BARS_Y - 12} fontSize={T + 1} fontWeight={600}>
        Mean time per stage, by route (share of the mean latency)
      </text>
      {ROUTES.map((route, r) => (
        <g key={route.key} className="triage-bar-row" data-route={route.key}>
          <text className="row-label" x={0} y={BARS_Y + r * BAR_ROW_H + 15} fontSize={T}>{route.short}</text>
          <rect x={g.barX} y={BARS_Y + r * BAR_ROW_H + 2} width={g.barW} height={BAR_ROW_H - 6} fill="currentColor" opacity={0.06} />
          {STAGES.map((stage) => (
            <g key={stage.key}>
              <rect className="triage-seg" data-stage={stage.code} data-stage-key={stage.key} x={g.barX} y={BARS_Y + r * BAR_ROW_H + 2} width={0} height={BAR_ROW_H - 6} fill={stage.colour} />
              <text className="triage-seg-label" data-stage-label={stage.code} x={g.barX} y={BARS_Y + r * BAR_ROW_H + 15} textAnchor="middle" style={{ fill: stage.ink }} />
            </g>
          ))}
          <text x={VB_W} y={BARS_Y + r * BAR_ROW_H + 15} fontSize={T} textAnchor="end" className="mono" data-f="total" />
        </g>
      ))}
    </svg>
  );
}
