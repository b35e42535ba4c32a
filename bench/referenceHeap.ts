/**
 * The yardstick for the engine's event queue: a textbook binary heap on typed arrays
 * (Float64Array times, Uint32Array sequence numbers), written as plainly as possible.
 */
export class ReferenceHeap {
  time: Float64Array;
  seq: Uint32Array;
  n = 0;
  private counter = 0;

  constructor(capacity: number) {
    this.time = new Float64Array(capacity);
    this.seq = new Uint32Array(capacity);
  }

  push(t: number): void {
    let i = this.n++;
    const s = this.counter++;
    this.time[i] = t;
    this.seq[i] = s;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.less(p, i)) break;
      this.swap(p, i);
      i = p;
    }
  }

  /** Removes and returns the earliest time. */
  pop(): number {
    const top = this.time[0];
    const last = --this.n;
    this.time[0] = this.time[last];
    this.seq[0] = this.seq[last];
    let i = 0;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < last && this.less(l, m)) m = l;
      if (r < last && this.less(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return top;
  }

  private less(i: number, j: number): boolean {
    return this.time[i] < this.time[j] || (this.time[i] === this.time[j] && this.seq[i] < this.seq[j]);
  }

  private swap(i: number, j: number): void {
    const t = this.time[i]; this.time[i] = this.time[j]; this.time[j] = t;
    const s = this.seq[i]; this.seq[i] = this.seq[j]; this.seq[j] = s;
  }
}
