/**
 * Running a scale sweep: validation, one point per node count, statistics, the noise
 * histogram, and progress/cancel/streaming for the worker and the CLI.
 */
import { closedForm, messageNs, noiselessCollectiveNs } from './closedForm';
import { FastScaleRun } from './fastModel';
import { runNaive } from './naiveModel';
import { runShape } from './noise';
import { compileNoise, type CompiledNoise } from './profiles';
import { MAX_NODES, type NoiseHistogram, type ScaleParams, type ScalePoint } from './types';

const MAX_RANKS = 1 << 22;

function isCount(v: number, min: number): boolean {
  return Number.isSafeInteger(v) && v >= min;
}

/** Returns a readable error for bad parameters, or null. */
export function validateScaleParams(p: ScaleParams): string | null {
  if (p.nodes.length === 0) return 'give at least one node count';
  for (const n of p.nodes) if (!isCount(n, 1) || n > MAX_NODES) return `node count ${n} is not an integer in 1..${MAX_NODES}`;
  if (!isCount(p.ranksPerNode, 1)) return `ranks per node must be a positive integer, got ${p.ranksPerNode}`;
  const most = Math.max(...p.nodes) * p.ranksPerNode;
  if (most > MAX_RANKS) return `${most} ranks is more than the ${MAX_RANKS} supported`;
  if (!isCount(p.iterations, 1)) return `iterations must be a positive integer, got ${p.iterations}`;
  if (!isCount(p.computeNs, 0)) return `compute time must be a non-negative integer (ns), got ${p.computeNs}`;
  for (const k of ['L', 'o', 'g', 'G'] as const) if (!isCount(p.logGP[k], 0)) return `LogGP ${k} must be a non-negative integer (ns), got ${p.logGP[k]}`;
  if (!isCount(p.messageBytes, 1)) return `message size must be a positive integer (bytes), got ${p.messageBytes}`;
  // Each rank sends once per round, so g cannot bind when it is at most one message time.
  if (p.logGP.g > messageNs(p.logGP, p.messageBytes)) return 'LogGP g must not exceed one message time 2o + L + (s-1)G';
  if (p.histogram && (!isCount(p.histogram.bins, 1) || !isCount(p.histogram.nodes, 1))) return 'histogram needs positive integer nodes and bins';
  try {
    compileNoise(p.noise);
  } catch (e) {
    return (e as Error).message;
  }
  return null;
}

function checked(p: ScaleParams): CompiledNoise {
  const err = validateScaleParams(p);
  if (err) throw new Error(err);
  return compileNoise(p.noise);
}

/** Per-iteration times of one node count, from the fast or the reference model (for tests and tools). */
export function simulateIterations(params: ScaleParams, nodes: number, model: 'fast' | 'naive' = 'fast'): Float64Array {
  const shape = runShape(params, nodes, checked({ ...params, nodes: [nodes] }));
  if (model === 'naive') return runNaive(params, shape);
  const run = new FastScaleRun(params, shape);
  while (!run.done) run.step();
  return run.iterationNs;
}

/** Mean noiseless collective time per iteration by simulation, for the cases without a closed form. */
function simulatedNoiselessCollectiveNs(params: ScaleParams, nodes: number): number {
  const quiet: ScaleParams = { ...params, noise: { kind: 'none' } };
  const xs = simulateIterations(quiet, nodes);
  return xs.reduce((a, b) => a + b, 0) / xs.length - params.computeNs;
}

function histogramOf(lostNs: Float64Array, nodes: number, ranksPerNode: number, iterations: number, bins: number): NoiseHistogram {
  const perNode = new Float64Array(nodes);
  const scale = 1 / (ranksPerNode * iterations);
  for (let r = 0; r < lostNs.length; r++) perNode[(r / ranksPerNode) | 0] += lostNs[r] * scale;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of perNode) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const width = hi > lo ? (hi - lo) / bins : 1;
  const counts = new Array<number>(bins).fill(0);
  for (const v of perNode) counts[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
  return { nodes, minNs: lo, binWidthNs: width, counts };
}

function pointOf(params: ScaleParams, run: FastScaleRun, nodes: number, ranks: number, sources: number): ScalePoint {
  const xs = run.iterationNs;
  const K = xs.length;
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / K;
  let ss = 0;
  for (const x of xs) ss += (x - mean) ** 2;
  const stdErrorNs = K > 1 ? Math.sqrt(ss / (K - 1) / K) : 0;
  const collectiveNs = noiselessCollectiveNs(params.collective, ranks, params.logGP, params.messageBytes) ?? simulatedNoiselessCollectiveNs(params, nodes);
  const noiseless = params.computeNs + collectiveNs;
  const cf = closedForm(params.noise, sources, params.computeNs, { phase: params.phase, redrawPhase: params.redrawPhase, collectiveNs });
  const h = params.histogram;
  return {
    nodes,
    ranks,
    iterations: K,
    meanIterationNs: mean,
    noiselessIterationNs: noiseless,
    slowdown: noiseless > 0 ? mean / noiseless : 1,
    stdErrorNs,
    ...(cf === undefined ? {} : { closedFormNs: cf }),
    ...(h && h.nodes === nodes ? { histogram: histogramOf(run.lostNs, nodes, params.ranksPerNode, K, h.bins) } : {}),
  };
}

export type ScaleEvent =
  | { readonly kind: 'progress'; readonly nodes: number; readonly iteration: number; readonly fraction: number }
  | { readonly kind: 'point'; readonly point: ScalePoint };

/**
 * The sweep as a generator: yields progress after every iteration and a point per node count,
 * so a caller can run it in slices, stream results and stop at any yield. Throws on bad params.
 */
export function* scaleSteps(params: ScaleParams): Generator<ScaleEvent, ScalePoint[]> {
  const noise = checked(params);
  const total = params.nodes.reduce((s, n) => s + n * params.ranksPerNode, 0) * params.iterations;
  let doneWork = 0;
  const points: ScalePoint[] = [];
  for (const nodes of params.nodes) {
    const shape = runShape(params, nodes, noise);
    const run = new FastScaleRun(params, shape);
    while (!run.done) {
      run.step();
      doneWork += shape.ranks;
      yield { kind: 'progress', nodes, iteration: run.completed, fraction: doneWork / total };
    }
    const point = pointOf(params, run, nodes, shape.ranks, shape.sources);
    points.push(point);
    yield { kind: 'point', point };
  }
  return points;
}

export interface ScaleHooks {
  onResult?(point: ScalePoint): void;
  onProgress?(fraction: number, nodes: number): void;
  /** Polled after every iteration; true stops the sweep. */
  shouldCancel?(): boolean;
}

/** Runs the whole sweep synchronously, streaming points to the hooks. */
export function runScale(params: ScaleParams, hooks: ScaleHooks = {}): { points: ScalePoint[]; cancelled: boolean } {
  const points: ScalePoint[] = [];
  for (const ev of scaleSteps(params)) {
    if (ev.kind === 'point') {
      points.push(ev.point);
      hooks.onResult?.(ev.point);
    } else hooks.onProgress?.(ev.fraction, ev.nodes);
    if (hooks.shouldCancel?.()) return { points, cancelled: true };
  }
  return { points, cancelled: false };
}
