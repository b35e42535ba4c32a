/**
 * The future event list: a binary min-heap in typed arrays ordered by (time, sequence).
 * The sequence number makes ties first-in-first-out, so runs are deterministic.
 * Each event carries a kind and two integer arguments. Nothing is allocated per event;
 * arrays grow by doubling when full.
 */
export interface QueueImage {
  readonly size: number;
  readonly nextSeq: number;
  readonly time: Float64Array;
  readonly seq: Float64Array;
  readonly kind: Int32Array;
  readonly a: Int32Array;
  readonly b: Float64Array;
}

export class EventQueue {
  private time: Float64Array;
  private seq: Float64Array;
  private kind: Int32Array;
  private a: Int32Array;
  private b: Float64Array;
  private n = 0;
  private nextSeq = 0;

  /** Fields of the event taken by the last pop(). */
  popTime = 0;
  popKind = 0;
  popA = 0;
  popB = 0;

  constructor(initialCapacity = 1024) {
    const c = Math.max(16, initialCapacity | 0);
    this.time = new Float64Array(c);
    this.seq = new Float64Array(c);
    this.kind = new Int32Array(c);
    this.a = new Int32Array(c);
    this.b = new Float64Array(c);
  }

  get size(): number {
    return this.n;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.n > 0 ? this.time[0] : Infinity;
  }

  push(time: number, kind: number, a: number, b: number): void {
    if (this.n === this.time.length) this.grow();
    const s = this.nextSeq++;
    // Sift up with a hole: move parents down until the new event's place is found.
    let i = this.n++;
    const T = this.time, Q = this.seq;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = T[p];
      if (pt < time || (pt === time && Q[p] < s)) break;
      this.move(p, i);
      i = p;
    }
    T[i] = time;
    Q[i] = s;
    this.kind[i] = kind;
    this.a[i] = a;
    this.b[i] = b;
  }

  /** Removes the earliest event into popTime/popKind/popA/popB. Returns false when empty. */
  pop(): boolean {
    const n = this.n;
    if (n === 0) return false;
    const T = this.time, Q = this.seq;
    this.popTime = T[0];
    this.popKind = this.kind[0];
    this.popA = this.a[0];
    this.popB = this.b[0];
    const last = n - 1;
    this.n = last;
    if (last === 0) return true;
    const t = T[last], s = Q[last], k = this.kind[last], a = this.a[last], b = this.b[last];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      const r = c + 1;
      if (r < last && (T[r] < T[c] || (T[r] === T[c] && Q[r] < Q[c]))) c = r;
      if (t < T[c] || (t === T[c] && s < Q[c])) break;
      this.move(c, i);
      i = c;
    }
    T[i] = t;
    Q[i] = s;
    this.kind[i] = k;
    this.a[i] = a;
    this.b[i] = b;
    return true;
  }

  clear(): void {
    this.n = 0;
  }

  /** A copy of the live part of the heap, for checkpoints. */
  image(): QueueImage {
    const n = this.n;
    return {
      size: n,
      nextSeq: this.nextSeq,
      time: this.time.slice(0, n),
      seq: this.seq.slice(0, n),
      kind: this.kind.slice(0, n),
      a: this.a.slice(0, n),
      b: this.b.slice(0, n),
    };
  }

  static fromImage(img: QueueImage): EventQueue {
    const q = new EventQueue(Math.max(1024, img.size * 2));
    q.time.set(img.time);
    q.seq.set(img.seq);
    q.kind.set(img.kind);
    q.a.set(img.a);
    q.b.set(img.b);
    q.n = img.size;
    q.nextSeq = img.nextSeq;
    return q;
  }

  private move(from: number, to: number): void {
    this.time[to] = this.time[from];
    this.seq[to] = this.seq[from];
    this.kind[to] = this.kind[from];
    this.a[to] = this.a[from];
    this.b[to] = this.b[from];
  }

  private grow(): void {
    const c = this.time.length * 2;
    const grow64 = (x: Float64Array) => { const y = new Float64Array(c); y.set(x); return y; };
    const grow32 = (x: Int32Array) => { const y = new Int32Array(c); y.set(x); return y; };
    this.time = grow64(this.time);
    this.seq = grow64(this.seq);
    this.kind = grow32(this.kind);
    this.a = grow32(this.a);
    this.b = grow64(this.b);
  }
}
