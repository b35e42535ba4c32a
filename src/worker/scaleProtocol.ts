/**
 * Messages between the page and the scale worker (src/worker/scale.worker.ts): typed and
 * versioned. A run is one or more series (a noise spec and a phase each) over the same sweep;
 * every reply carries the run id so that replies of a cancelled run are told apart.
 */
import type { ScaleParams, ScalePoint } from '../engine/scale';

export const SCALE_PROTOCOL_VERSION = 1;

/** One curve: a noise spec (as the CLI's --noise takes it, `node:` profiles included) and its phase. */
export interface ScaleSeries {
  readonly key: string;
  readonly noise: string;
  readonly phase: ScaleParams['phase'];
}

/** Everything of ScaleParams but the noise and the phase, which come from each series. */
export type ScaleBase = Omit<ScaleParams, 'noise' | 'phase'>;

export type ToScaleWorker =
  | { readonly type: 'start'; readonly version: number; readonly runId: number; readonly params: ScaleBase; readonly series: readonly ScaleSeries[] }
  | { readonly type: 'cancel'; readonly runId: number };

export type FromScaleWorker =
  /** `fraction` of the whole run (all series), the node count being simulated, and what is being done. */
  | { readonly type: 'progress'; readonly runId: number; readonly fraction: number; readonly nodes: number; readonly series: string; readonly activity: 'measuring' | 'simulating' }
  | { readonly type: 'point'; readonly runId: number; readonly series: string; readonly point: ScalePoint }
  | { readonly type: 'done'; readonly runId: number; readonly cancelled: boolean; readonly elapsedMs: number }
  | { readonly type: 'error'; readonly runId: number; readonly message: string };
