/**
 * The per-node noise at one N for one profile: how many nodes lost how much time per iteration
 * (compute and overhead stretch). The bars are SVG; hover or focus a bar for its numbers.
 */
import { useId, useState } from 'react';
import { scaleLinear } from 'd3';
import { formatDuration } from '../../../engine/kernel/time';
import { useTooltip } from '../../components/Tooltip';
import { formatN, type Curve } from './SlowdownPlot';
import { useWidth } from './useWidth';

const HEIGHT = 334;
const M = { top: 12, right: 12, bottom: 40, left: 52 };

const ns = (v: number) => formatDuration(Math.round(v));

export function NoiseHistogram({ curves, histogramN }: { curves: readonly Curve[]; histogramN: number }) {
  const [wrapRef, width] = useWidth<HTMLDivElement>(320);
  const withHist = curves.filter((c) => c.points.some((p) => p.histogram));
  const [chosen, setChosen] = useState<string | null>(null);
  const selectId = useId();
  const tooltip = useTooltip();
  const curve = withHist.find((c) => c.def.key === chosen) ?? withHist[0];
  const h = curve?.points.find((p) => p.histogram)?.histogram;

  const x = scaleLinear().domain(h ? [h.minNs, h.minNs + h.binWidthNs * h.counts.length] : [0, 1]).range([M.left, width - M.right]);
  const y = scaleLinear().domain([0, h ? Math.max(1, ...h.counts) : 1]).nice().range([HEIGHT - M.bottom, M.top]);
  const xTicks = x.ticks(Math.max(2, Math.floor((width - M.left - M.right) / 80)));

  return (
    <div ref={wrapRef} className="scale-plot scale-hist">
      <div className="scale-hist-head">
        <label htmlFor={selectId}>Noise per node at N = {formatN(histogramN)}:</label>
        <select id={selectId} value={curve?.def.key ?? ''} onChange={(e) => setChosen(e.target.value)} disabled={withHist.length === 0}>
          {withHist.length === 0 && <option value="">(after a run)</option>}
          {withHist.map((c) => (
            <option key={c.def.key} value={c.def.key}>{c.def.label}</option>
          ))}
        </select>
      </div>
      <svg width={width} height={HEIGHT} role="img" aria-label={h && curve ? `Histogram of per-node noise per iteration at N = ${histogramN} for ${curve.def.label}` : 'Histogram of per-node noise (empty until a run reaches its node count)'}>
        <g className="scale-grid">
          {y.ticks(5).map((t) => (
            <line key={t} x1={M.left} x2={width - M.right} y1={y(t)} y2={y(t)} />
          ))}
        </g>
        <g className="scale-axis">
          {y.ticks(5).map((t) => (
            <text key={t} x={M.left - 6} y={y(t)} textAnchor="end" dominantBaseline="middle">{formatN(t)}</text>
          ))}
          {h && xTicks.map((t) => (
            <text key={t} x={x(t)} y={HEIGHT - M.bottom + 16} textAnchor="middle">{ns(t)}</text>
          ))}
          <text x={(M.left + width - M.right) / 2} y={HEIGHT - 6} textAnchor="middle" className="scale-axis-title">noise per node per iteration</text>
          <text transform={`translate(12,${(M.top + HEIGHT - M.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="scale-axis-title">nodes</text>
        </g>
        {h && curve &&
          h.counts.map((c, i) => {
            const x0 = x(h.minNs + i * h.binWidthNs);
            const x1 = x(h.minNs + (i + 1) * h.binWidthNs);
            const lines = [`${ns(h.minNs + i * h.binWidthNs)} – ${ns(h.minNs + (i + 1) * h.binWidthNs)}`, `${formatN(c)} of ${formatN(h.nodes)} nodes`];
            return (
              <rect
                key={i}
                x={x0 + 0.5}
                width={Math.max(1, x1 - x0 - 1)}
                y={y(c)}
                height={Math.max(0, y(0) - y(c))}
                fill={curve.def.color}
                onPointerMove={(e) => tooltip.show(e.clientX, e.clientY, lines)}
                onPointerLeave={tooltip.hide}
              />
            );
          })}
        {!h && (
          <text x={(M.left + width - M.right) / 2} y={HEIGHT / 2 - 10} textAnchor="middle" className="scale-empty">
            No histogram yet
          </text>
        )}
      </svg>
    </div>
  );
}
