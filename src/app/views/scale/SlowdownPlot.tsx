/**
 * Slowdown against node count on a log2 x axis: one solid line with markers per profile (the
 * simulation) and a dashed line of the same colour (the closed form, where one exists). Hover or
 * focus it and use the arrow keys for the numbers at one N.
 */
import { useMemo, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { line, scaleLinear, scaleLog, symbol } from 'd3';
import type { ScalePoint } from '../../../engine/scale';
import { formatDuration } from '../../../engine/kernel/time';
import { useTooltip } from '../../components/Tooltip';
import type { SeriesDef } from './series';
import { useWidth } from './useWidth';

export interface Curve {
  readonly def: SeriesDef;
  readonly points: readonly ScalePoint[];
}

const HEIGHT = 360;
const M = { top: 12, right: 16, bottom: 40, left: 56 };

export const formatN = (n: number): string => n.toLocaleString('en-US');
const cfSlowdown = (p: ScalePoint): number | undefined => (p.closedFormNs === undefined || p.noiselessIterationNs <= 0 ? undefined : p.closedFormNs / p.noiselessIterationNs);

export function Marker({ def, x, y, size = 52 }: { def: SeriesDef; x: number; y: number; size?: number }) {
  const d = symbol(def.symbol, size)() ?? '';
  return def.stroke ? (
    <path d={d} transform={`translate(${x},${y})`} fill="none" stroke={def.color} strokeWidth={2} />
  ) : (
    <path d={d} transform={`translate(${x},${y})`} fill={def.color} stroke="var(--panel)" strokeWidth={1} />
  );
}

export function SlowdownPlot({ curves, maxN }: { curves: readonly Curve[]; maxN: number }) {
  const [wrapRef, width] = useWidth<HTMLDivElement>(640);
  const [active, setActive] = useState<number | null>(null);
  const tooltip = useTooltip();
  const ns = useMemo(() => [...new Set(curves.flatMap((c) => c.points.map((p) => p.nodes)))].sort((a, b) => a - b), [curves]);
  const x = useMemo(() => scaleLog().base(2).domain([1, Math.max(2, maxN)]).range([M.left, width - M.right]), [maxN, width]);
  const y = useMemo(() => {
    let hi = 1.05;
    let lo = 1;
    for (const c of curves)
      for (const p of c.points) {
        hi = Math.max(hi, p.slowdown, cfSlowdown(p) ?? 0);
        lo = Math.min(lo, p.slowdown);
      }
    return scaleLinear().domain([lo - (hi - lo) * 0.03, hi + (hi - lo) * 0.04]).nice().range([HEIGHT - M.bottom, M.top]);
  }, [curves]);

  const exps = Math.round(Math.log2(Math.max(2, maxN)));
  const step = Math.max(1, Math.ceil(exps / Math.max(2, Math.floor((width - M.left - M.right) / 64))));
  const xTicks = Array.from({ length: Math.floor(exps / step) + 1 }, (_, i) => 2 ** (i * step));
  const yTicks = y.ticks(6);
  const path = line<[number, number]>().x((d) => x(d[0])).y((d) => y(d[1]));

  const tooltipLines = (n: number): string[] => [
    `N = ${formatN(n)} nodes`,
    ...curves.flatMap((c) => {
      const p = c.points.find((q) => q.nodes === n);
      if (!p) return [];
      const cf = cfSlowdown(p);
      return [`${c.def.label}: ${p.slowdown.toFixed(4)}× (mean ${formatDuration(Math.round(p.meanIterationNs))}${cf === undefined ? '' : `, closed form ${cf.toFixed(4)}×`})`];
    }),
  ];
  const show = (i: number, clientX: number, clientY: number) => {
    setActive(i);
    tooltip.show(clientX, clientY, tooltipLines(ns[i]));
  };
  const nearest = (px: number): number => {
    const n = x.invert(px);
    let best = 0;
    ns.forEach((v, i) => {
      if (Math.abs(Math.log2(v) - Math.log2(n)) < Math.abs(Math.log2(ns[best]) - Math.log2(n))) best = i;
    });
    return best;
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    if (ns.length === 0) return;
    const r = e.currentTarget.getBoundingClientRect();
    show(nearest(e.clientX - r.left), e.clientX, e.clientY);
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    if (ns.length === 0) return;
    const delta = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 }[e.key];
    if (e.key === 'Escape') {
      setActive(null);
      tooltip.hide();
      return;
    }
    if (delta === undefined && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const i = e.key === 'Home' ? 0 : e.key === 'End' ? ns.length - 1 : Math.min(ns.length - 1, Math.max(0, (active ?? (delta! > 0 ? -1 : ns.length)) + delta!));
    const r = e.currentTarget.getBoundingClientRect();
    show(i, r.left + x(ns[i]), r.top + M.top + 8);
  };
  const leave = () => {
    setActive(null);
    tooltip.hide();
  };

  return (
    <div ref={wrapRef} className="scale-plot">
      <svg
        width={width}
        height={HEIGHT}
        role="img"
        tabIndex={0}
        aria-label="Slowdown against node count (log scale). Focus and use the arrow keys to read the values at one node count; the table below has every number."
        onPointerMove={onPointerMove}
        onPointerLeave={leave}
        onKeyDown={onKeyDown}
        onBlur={leave}
      >
        <g className="scale-grid">
          {yTicks.map((t) => (
            <line key={t} x1={M.left} x2={width - M.right} y1={y(t)} y2={y(t)} />
          ))}
          {xTicks.map((t) => (
            <line key={t} x1={x(t)} x2={x(t)} y1={M.top} y2={HEIGHT - M.bottom} />
          ))}
        </g>
        <g className="scale-axis">
          {yTicks.map((t) => (
            <text key={t} x={M.left - 8} y={y(t)} textAnchor="end" dominantBaseline="middle">{`${t.toFixed(2)}×`}</text>
          ))}
          {xTicks.map((t) => (
            <text key={t} x={x(t)} y={HEIGHT - M.bottom + 16} textAnchor="middle">{formatN(t)}</text>
          ))}
          <text x={(M.left + width - M.right) / 2} y={HEIGHT - 6} textAnchor="middle" className="scale-axis-title">nodes N (log scale)</text>
          <text transform={`translate(14,${(M.top + HEIGHT - M.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="scale-axis-title">slowdown</text>
        </g>
        {curves.map(({ def, points }) => {
          const cf = points.flatMap((p): [number, number][] => {
            const v = cfSlowdown(p);
            return v === undefined ? [] : [[p.nodes, v]];
          });
          return (
            <g key={def.key} data-series={def.key}>
              {cf.length > 1 && <path d={path(cf) ?? ''} fill="none" stroke={def.color} strokeWidth={1.5} strokeDasharray="6 4" opacity={0.9} />}
              <path d={path(points.map((p) => [p.nodes, p.slowdown])) ?? ''} fill="none" stroke={def.color} strokeWidth={2} />
              {points.map((p) => (
                <Marker key={p.nodes} def={def} x={x(p.nodes)} y={y(p.slowdown)} size={active !== null && ns[active] === p.nodes ? 110 : 52} />
              ))}
            </g>
          );
        })}
        {active !== null && ns[active] !== undefined && <line className="scale-guide" x1={x(ns[active])} x2={x(ns[active])} y1={M.top} y2={HEIGHT - M.bottom} />}
        {curves.length === 0 && (
          <text x={(M.left + width - M.right) / 2} y={HEIGHT / 2 - 10} textAnchor="middle" className="scale-empty">
            Choose profiles and press Run
          </text>
        )}
      </svg>
    </div>
  );
}
