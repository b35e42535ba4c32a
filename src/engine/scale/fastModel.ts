/**
 * The fast model: flat Float64Arrays of per-rank times, one pass per collective round, no
 * per-event objects. O(P log P) per iteration for P ranks.
 *
 * Each rank also keeps `free[r]`, the end of the noise-free stretch it is in, so an overhead o
 * that fits before the next detour costs one comparison instead of a period search.
 */
import { advance, freeUntil, type DetourPattern } from './pattern';
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
  private readonly free: Float64Array;
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
    this.free = new Float64Array(P).fill(Infinity);
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
        for (let dist = 1; dist < P; dist *= 2) {
          this.sendAll(0, P);
          this.receiveAll(0, P, dist, false);
        }
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

  /** `work` of rank r from s under noise; records lost time and the next noise-free stretch. */
  private stretch(r: number, s: number, work: number): number {
    const pat = this.pattern!;
    const phase = this.draws.perRank[r];
    const e = advance(pat, phase, s, work);
    this.lostNs[r] += e - s - work;
    this.free[r] = freeUntil(pat, phase, e);
    return e;
  }

  private compute(): void {
    const { t, lostNs } = this;
    const W = this.params.computeNs;
    const vals = this.draws.perRank;
    const P = t.length;
    if (this.pattern) {
      for (let r = 0; r < P; r++) t[r] = this.stretch(r, t[r], W);
      // Uncharged overheads never meet noise.
      if (!this.params.chargeCollective) this.free.fill(Infinity);
    } else if (this.shape.noise.type === 'delay') {
      for (let r = 0; r < P; r++) {
        t[r] += W + vals[r];
        lostNs[r] += vals[r];
      }
    } else {
      for (let r = 0; r < P; r++) t[r] += W;
    }
  }

  /** Ranks [lo, hi) each start a send at their time (and g after their previous send). */
  private sendAll(lo: number, hi: number): void {
    const { t, sendDone, lastSend, free } = this;
    const { o, g } = this.params.logGP;
    for (let r = lo; r < hi; r++) {
      let s = t[r];
      const gap = lastSend[r] + g;
      if (gap > s) s = gap;
      lastSend[r] = s;
      const e = s + o;
      sendDone[r] = e <= free[r] ? e : this.stretch(r, s, o);
    }
  }

  /**
   * Ranks [lo, hi) receive from r - dist (mod hi - lo, dissemination) or r xor dist (recursive
   * doubling) and end at max(own send done, arrival) + o, the receive overhead.
   */
  private receiveAll(lo: number, hi: number, dist: number, xor: boolean): void {
    const { t, sendDone, free } = this;
    const o = this.params.logGP.o;
    const wire = this.shape.wireNs;
    const n = hi - lo;
    for (let r = lo; r < hi; r++) {
      let from: number;
      if (xor) from = r ^ dist;
      else {
        from = r - dist;
        if (from < lo) from += n;
      }
      const arrival = sendDone[from] + wire;
      const sd = sendDone[r];
      const s = sd > arrival ? sd : arrival;
      const e = s + o;
      t[r] = e <= free[r] ? e : this.stretch(r, s, o);
    }
  }

  /** Rank r waits for a message that left `sentDone` from its partner, then pays o. */
  private receiveOne(r: number, sentDone: number): void {
    const arrival = sentDone + this.shape.wireNs;
    const s = this.t[r] > arrival ? this.t[r] : arrival;
    const e = s + this.params.logGP.o;
    this.t[r] = e <= this.free[r] ? e : this.stretch(r, s, this.params.logGP.o);
  }

  /** Recursive doubling; the ranks beyond the largest power of two fold in before and out after. */
  private allreduce(): void {
    const { t, sendDone } = this;
    const P = t.length;
    let p2 = 1;
    while (p2 * 2 <= P) p2 *= 2;
    const extra = P - p2;
    // Fold in: rank p2+i sends its contribution to rank i, then only waits.
    this.sendAll(p2, P);
    for (let r = p2; r < P; r++) t[r] = sendDone[r];
    for (let i = 0; i < extra; i++) this.receiveOne(i, sendDone[p2 + i]);
    for (let dist = 1; dist < p2; dist *= 2) {
      this.sendAll(0, p2);
      this.receiveAll(0, p2, dist, true);
    }
    // Fold out: rank i sends the result back to rank p2+i and is done when the send is.
    this.sendAll(0, extra);
    for (let i = 0; i < extra; i++) t[i] = sendDone[i];
    for (let r = p2; r < P; r++) this.receiveOne(r, sendDone[r - p2]);
  }
}
