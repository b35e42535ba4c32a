/**
 * The fast model: flat Float64Arrays of per-rank times, one pass per collective round, no
 * per-event objects. O(P log P) per iteration for P ranks.
 */
import { advance, type DetourPattern } from './pattern';
import { NoiseDraws, type RunShape } from './noise';
import type { ScaleParams } from './types';

export class FastScaleRun {
  /** Per-iteration times (end of iteration k minus end of iteration k-1), ns. */
  readonly iterationNs: Float64Array;
  /** Time each rank lost to noise so far (compute stretch + overhead stretch), ns. */
  readonly lostNs: Float64Array;
  private k = 0;
  private lastEnd = 0;
  private readonly t: Float64Array;
  private readonly sendDone: Float64Array;
  private readonly lastSend: Float64Array;
  private readonly draws: NoiseDraws;
  private readonly pattern: DetourPattern | null;

  constructor(
    private readonly params: ScaleParams,
    private readonly shape: RunShape,
  ) {
    const P = shape.ranks;
    this.iterationNs = new Float64Array(params.iterations);
    this.lostNs = new Float64Array(P);
    this.t = new Float64Array(P);
    this.sendDone = new Float64Array(P);
    this.lastSend = new Float64Array(P).fill(-Infinity);
    this.draws = new NoiseDraws(shape, params);
    this.pattern = shape.noise.type === 'timeline' ? shape.noise.pattern : null;
  }

  get done(): boolean {
    return this.k >= this.params.iterations;
  }

  get completed(): number {
    return this.k;
  }

  /** Runs one iteration: compute, then the collective. */
  step(): void {
    if (this.done) return;
    this.draws.next();
    this.compute();
    const t = this.t;
    const P = t.length;
    switch (this.params.collective) {
      case 'none': {
        let m = -Infinity;
        for (let r = 0; r < P; r++) if (t[r] > m) m = t[r];
        t.fill(m);
        break;
      }
      case 'barrier':
        for (let dist = 1; dist < P; dist *= 2) this.exchange(0, P, (r) => (r - dist + P) % P);
        break;
      case 'allreduce':
        this.allreduce();
        break;
    }
    let end = -Infinity;
    for (let r = 0; r < P; r++) if (t[r] > end) end = t[r];
    this.iterationNs[this.k++] = end - this.lastEnd;
    this.lastEnd = end;
  }

  private compute(): void {
    const { t, lostNs } = this;
    const W = this.params.computeNs;
    const vals = this.draws.perRank;
    const P = t.length;
    const pat = this.pattern;
    if (pat) {
      for (let r = 0; r < P; r++) {
        const s = t[r];
        const e = advance(pat, vals[r], s, W);
        lostNs[r] += e - s - W;
        t[r] = e;
      }
    } else if (this.shape.noise.type === 'delay') {
      for (let r = 0; r < P; r++) {
        t[r] += W + vals[r];
        lostNs[r] += vals[r];
      }
    } else {
      for (let r = 0; r < P; r++) t[r] += W;
    }
  }

  /** Send overhead o of rank r started no earlier than s (and g after its last send); returns when done. */
  private send(r: number, s: number): number {
    const { lastSend } = this;
    const g = this.params.logGP.g;
    const start = s > lastSend[r] + g ? s : lastSend[r] + g;
    lastSend[r] = start;
    return this.overhead(r, start);
  }

  /** One overhead o of rank r from time s, stretched by noise when charged. */
  private overhead(r: number, s: number): number {
    const o = this.params.logGP.o;
    const pat = this.pattern;
    if (!pat || !this.params.chargeCollective) return s + o;
    const e = advance(pat, this.draws.perRank[r], s, o);
    this.lostNs[r] += e - s - o;
    return e;
  }

  /**
   * One round among ranks [lo, hi): every rank sends, then receives from `from(r)` and ends at
   * max(own send done, arrival) + o (the receive overhead).
   */
  private exchange(lo: number, hi: number, from: (r: number) => number): void {
    const { t, sendDone } = this;
    const wire = this.shape.wireNs;
    for (let r = lo; r < hi; r++) sendDone[r] = this.send(r, t[r]);
    for (let r = lo; r < hi; r++) {
      const arrival = sendDone[from(r)] + wire;
      const sd = sendDone[r];
      t[r] = this.overhead(r, sd > arrival ? sd : arrival);
    }
  }

  /** Recursive doubling; the ranks beyond the largest power of two fold in before and out after. */
  private allreduce(): void {
    const { t, sendDone } = this;
    const P = t.length;
    const wire = this.shape.wireNs;
    let p2 = 1;
    while (p2 * 2 <= P) p2 *= 2;
    const extra = P - p2;
    // Fold in: rank p2+i sends its contribution to rank i, then only waits.
    for (let r = p2; r < P; r++) t[r] = sendDone[r] = this.send(r, t[r]);
    for (let i = 0; i < extra; i++) {
      const arrival = sendDone[p2 + i] + wire;
      t[i] = this.overhead(i, t[i] > arrival ? t[i] : arrival);
    }
    for (let dist = 1; dist < p2; dist *= 2) this.exchange(0, p2, (r) => r ^ dist);
    // Fold out: rank i sends the result back to rank p2+i and is done when the send is.
    for (let i = 0; i < extra; i++) t[i] = sendDone[i] = this.send(i, t[i]);
    for (let r = p2; r < P; r++) {
      const arrival = sendDone[r - p2] + wire;
      t[r] = this.overhead(r, t[r] > arrival ? t[r] : arrival);
    }
  }
}
