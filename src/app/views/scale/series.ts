/**
 * The noise profiles the Scale view offers: a noise spec (as the CLI's --noise), a phase, and a
 * colour (Okabe-Ito, a CSS variable with a dark-theme twin) paired with a distinct marker, so no
 * profile is told by colour alone.
 */
import { symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTimes, symbolTriangle, symbolWye, type SymbolType } from 'd3';
import type { ScaleSeries } from '../../../worker/scaleProtocol';

/** A parameter of a profile the user may edit (numbers in the unit shown). */
export interface ProfileParam {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly value: string;
}

export interface SeriesDef extends ScaleSeries {
  readonly label: string;
  /** Editable parameters and the noise spec they make (profiles measured on the node model have none). */
  readonly params?: readonly ProfileParam[];
  readonly spec?: (v: Readonly<Record<string, string>>) => string;
  /** What the dashed closed form of this profile assumes (said under the plot). */
  readonly assumes: string;
  readonly detail: string;
  /** A CSS colour (a variable set in views-scale.css). */
  readonly color: string;
  readonly symbol: SymbolType;
  /** Stroke-only markers (drawn as outlines). */
  readonly stroke?: boolean;
  readonly checked: boolean;
}

const PERIODIC: readonly ProfileParam[] = [
  { id: 'hz', label: 'frequency', unit: 'Hz', value: '100' },
  { id: 'us', label: 'duration', unit: 'µs', value: '250' },
];
const periodic = (v: Readonly<Record<string, string>>) => `periodic:${v.hz}Hz:${v.us}us`;
const MEASURED = 'resampled measured delays: E[max of N draws with replacement], noise on compute only';

export const SERIES: readonly SeriesDef[] = [
  { key: 'periodic', label: 'Periodic, random phase', detail: 'each node its own phase', noise: 'periodic:100Hz:250us', params: PERIODIC, spec: periodic, phase: 'independent', color: 'var(--scale-c0)', symbol: symbolCircle, checked: true, assumes: 'E[max over N independent phases] of the detours within W, noise on compute only' },
  { key: 'cosched', label: 'Periodic, co-scheduled', detail: 'one phase for all nodes', noise: 'periodic:100Hz:250us', params: PERIODIC, spec: periodic, phase: 'cosched', color: 'var(--scale-c1)', symbol: symbolSquare, checked: true, assumes: 'one shared phase: the one-node value at every N' },
  { key: 'bernoulli', label: 'Bernoulli', detail: 'a delay with a probability per iteration', noise: 'bernoulli:0.001:1ms', params: [{ id: 'p', label: 'probability', unit: '', value: '0.001' }, { id: 'us', label: 'delay', unit: 'µs', value: '1000' }], spec: (v) => `bernoulli:${v.p}:${v.us}us`, phase: 'independent', color: 'var(--scale-c2)', symbol: symbolTriangle, checked: true, assumes: 'd (1 − (1 − p)^N): some node is delayed, noise on compute only' },
  { key: 'exponential', label: 'Exponential', detail: 'an exponential delay per iteration', noise: 'exp:10us', params: [{ id: 'us', label: 'mean', unit: 'µs', value: '10' }], spec: (v) => `exp:${v.us}us`, phase: 'independent', color: 'var(--scale-c3)', symbol: symbolDiamond, checked: false, assumes: 'mean × H_N (the harmonic number), noise on compute only' },
  { key: 'linux-fwq', label: 'Linux FWQ (node model)', detail: 'measured: untuned Linux CPUs', noise: 'node:linux-fwq', phase: 'independent', color: 'var(--scale-c4)', symbol: symbolCross, checked: true, assumes: MEASURED },
  { key: 'linux-tuned-fwq', label: 'Tuned Linux FWQ (node model)', detail: 'measured: nohz_full, isolcpus', noise: 'node:linux-tuned-fwq', phase: 'independent', color: 'var(--scale-c5)', symbol: symbolStar, checked: false, assumes: MEASURED },
  { key: 'mos-lwk-fwq', label: 'mOS LWK FWQ (node model)', detail: 'measured: LWK CPUs', noise: 'node:mos-lwk-fwq', phase: 'independent', color: 'var(--scale-c6)', symbol: symbolWye, checked: true, assumes: MEASURED },
  { key: 'mos-forwarded', label: 'mOS forwarded calls (node model)', detail: 'measured: calls shipped to Linux per iteration', noise: 'node:mos-forwarded-calls', phase: 'independent', color: 'var(--scale-c7)', symbol: symbolTimes, stroke: true, checked: false, assumes: MEASURED },
];

/** The parameters' starting values, per profile. */
export function defaultParamValues(): Record<string, Record<string, string>> {
  return Object.fromEntries(SERIES.filter((s) => s.params).map((s) => [s.key, Object.fromEntries(s.params!.map((p) => [p.id, p.value]))]));
}

/** The collectives the sweep can end each iteration with (ScaleParams.collective). */
export const COLLECTIVES: readonly { readonly value: 'none' | 'barrier' | 'allreduce'; readonly label: string; readonly says: string }[] = [
  { value: 'none', label: 'none (compute only)', says: 'then all synchronise at no cost' },
  { value: 'barrier', label: 'barrier', says: 'then all meet in a dissemination barrier (log2 N rounds of messages)' },
  { value: 'allreduce', label: 'allreduce', says: 'then all take part in an allreduce (recursive doubling, log2 N rounds)' },
];

export const SERIES_BY_KEY: ReadonlyMap<string, SeriesDef> = new Map(SERIES.map((s) => [s.key, s]));
