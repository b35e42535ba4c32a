/**
 * Per-iteration random noise inputs, shared by the fast and the reference model so both see
 * the same numbers: a phase per noise source (timeline profiles) or a delay (delay profiles).
 */
import { Rng, type RngStream } from '../kernel/rng';
import { compileNoise, type CompiledNoise } from './profiles';
import type { ScaleParams } from './types';

/** The shape of one run at one node count. */
export interface RunShape {
  readonly nodes: number;
  readonly ranks: number;
  /** Independent noise sources: nodes (correlated ranks) or ranks. */
  readonly sources: number;
  readonly noise: CompiledNoise;
  /** LogGP wire time of one message: L + (s-1) G. */
  readonly wireNs: number;
}

export function runShape(params: ScaleParams, nodes: number, noise: CompiledNoise = compileNoise(params.noise)): RunShape {
  const ranks = nodes * params.ranksPerNode;
  const sources = params.rankNoise === 'correlated' ? nodes : ranks;
  const { L, G } = params.logGP;
  return { nodes, ranks, sources, noise, wireNs: L + (params.messageBytes - 1) * G };
}

/**
 * Draws the noise of each iteration into `perRank` (phase or delay of each rank's source).
 * Streams: 'scale/noise' for per-source values, 'scale/noise-shared' for co-scheduled ones, so
 * a co-scheduled run's noise does not depend on N.
 */
export class NoiseDraws {
  readonly perRank: Float64Array;
  private readonly perSource: Float64Array;
  private readonly own: RngStream;
  private readonly shared: RngStream;
  private drawn = false;

  constructor(
    private readonly shape: RunShape,
    private readonly params: ScaleParams,
  ) {
    const rng = new Rng(params.seed);
    this.own = rng.stream('scale/noise');
    this.shared = rng.stream('scale/noise-shared');
    this.perSource = new Float64Array(shape.sources);
    this.perRank = shape.sources === shape.ranks ? this.perSource : new Float64Array(shape.ranks);
  }

  /** Draws the values for the next iteration. */
  next(): void {
    const noise = this.shape.noise;
    if (noise.type === 'none') return;
    const vals = this.perSource;
    const cosched = this.params.phase === 'cosched';
    if (noise.type === 'timeline') {
      // A fixed phase is drawn once; a redrawn one every iteration.
      if (this.drawn && !this.params.redrawPhase) return;
      const P = noise.pattern.periodNs;
      if (cosched) vals.fill(this.shared.int(P));
      else for (let i = 0; i < vals.length; i++) vals[i] = this.own.int(P);
    } else {
      const sample = noise.sample;
      if (cosched) vals.fill(sample(this.shared));
      else for (let i = 0; i < vals.length; i++) vals[i] = sample(this.own);
    }
    this.drawn = true;
    if (this.perRank !== vals) {
      const c = this.params.ranksPerNode;
      const out = this.perRank;
      for (let r = 0; r < out.length; r++) out[r] = vals[(r / c) | 0];
    }
  }
}
