/**
 * The noise profiles the Scale view offers: a noise spec (as the CLI's --noise), a phase, and a
 * colour (Okabe-Ito, a CSS variable with a dark-theme twin) paired with a distinct marker, so no
 * profile is told by colour alone.
 */
import { symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTimes, symbolTriangle, symbolWye, type SymbolType } from 'd3';
import type { ScaleSeries } from '../../../worker/scaleProtocol';

export interface SeriesDef extends ScaleSeries {
  readonly label: string;
  readonly detail: string;
  /** A CSS colour (a variable set in views-scale.css). */
  readonly color: string;
  readonly symbol: SymbolType;
  /** Stroke-only markers (drawn as outlines). */
  readonly stroke?: boolean;
  readonly checked: boolean;
}

export const SERIES: readonly SeriesDef[] = [
  { key: 'periodic', label: 'Periodic, random phase', detail: '100 Hz, 250 µs; each node its own phase', noise: 'periodic:100Hz:250us', phase: 'independent', color: 'var(--scale-c0)', symbol: symbolCircle, checked: true },
  { key: 'cosched', label: 'Periodic, co-scheduled', detail: '100 Hz, 250 µs; one phase for all nodes', noise: 'periodic:100Hz:250us', phase: 'cosched', color: 'var(--scale-c1)', symbol: symbolSquare, checked: true },
  { key: 'bernoulli', label: 'Bernoulli', detail: '1 ms with probability 0.001', noise: 'bernoulli:0.001:1ms', phase: 'independent', color: 'var(--scale-c2)', symbol: symbolTriangle, checked: true },
  { key: 'exponential', label: 'Exponential', detail: 'mean 10 µs', noise: 'exp:10us', phase: 'independent', color: 'var(--scale-c3)', symbol: symbolDiamond, checked: false },
  { key: 'linux-fwq', label: 'Linux FWQ (node model)', detail: 'measured: untuned Linux CPUs', noise: 'node:linux-fwq', phase: 'independent', color: 'var(--scale-c4)', symbol: symbolCross, checked: true },
  { key: 'linux-tuned-fwq', label: 'Tuned Linux FWQ (node model)', detail: 'measured: nohz_full, isolcpus', noise: 'node:linux-tuned-fwq', phase: 'independent', color: 'var(--scale-c5)', symbol: symbolStar, checked: false },
  { key: 'mos-lwk-fwq', label: 'mOS LWK FWQ (node model)', detail: 'measured: LWK CPUs', noise: 'node:mos-lwk-fwq', phase: 'independent', color: 'var(--scale-c6)', symbol: symbolWye, checked: true },
  { key: 'mos-forwarded', label: 'mOS forwarded calls (node model)', detail: 'measured: calls shipped to Linux per iteration', noise: 'node:mos-forwarded-calls', phase: 'independent', color: 'var(--scale-c7)', symbol: symbolTimes, stroke: true, checked: false },
];

export const SERIES_BY_KEY: ReadonlyMap<string, SeriesDef> = new Map(SERIES.map((s) => [s.key, s]));
