/**
 * The trace: every simulated happening is one typed record (time, kind, cpu, pid, a, b),
 * kept in a bounded ring buffer. Every record also feeds a rolling 64-bit hash (two
 * 32-bit lanes), the run's fingerprint: equal hashes mean equal event histories.
 * Record fields are integers (ns, ids, bytes); kinds are defined by the model.
 */

export interface TraceBatch {
  /** Index (over the whole run) of the first record in this batch. */
  readonly first: number;
  /** Records overwritten before they could be drained. */
  readonly lost: number;
  readonly time: Float64Array;
  readonly kind: Uint16Array;
  readonly cpu: Int16Array;
  readonly pid: Int32Array;
  readonly a: Float64Array;
  readonly b: Float64Array;
}

export interface TraceRecord {
  readonly time: number;
  readonly kind: number;
  readonly cpu: number;
  readonly pid: number;
  readonly a: number;
  readonly b: number;
}

/** Multiplying by 2^-32 is exact for doubles: the high word of an integer below 2^53. */
const INV_TWO_POW_32 = 1 / 4294967296;

export class TraceRing {
  readonly capacity: number;
  private readonly time: Float64Array;
  private readonly kind: Uint16Array;
  private readonly cpu: Int16Array;
  private readonly pid: Int32Array;
  private readonly a: Float64Array;
  private readonly b: Float64Array;
  /** Records written over the whole run. */
  written = 0;
  /** Records handed out by drain() over the whole run. */
  drained = 0;
  /** Records before this index are not in the ring (they predate a restore). */
  private floor = 0;
  private h1 = 0x9747b28c;
  private h2 = 0x2545f491;

  /** capacity - 1: the capacity is a power of two, so the ring index is a mask. */
  private readonly mask: number;

  constructor(capacity = 1 << 16) {
    if (capacity < 1 || (capacity & (capacity - 1)) !== 0) throw new Error(`trace capacity must be a power of two, got ${capacity}`);
    this.capacity = capacity;
    this.mask = capacity - 1;
    this.time = new Float64Array(capacity);
    this.kind = new Uint16Array(capacity);
    this.cpu = new Int16Array(capacity);
    this.pid = new Int32Array(capacity);
    this.a = new Float64Array(capacity);
    this.b = new Float64Array(capacity);
  }

  emit(time: number, kind: number, cpu: number, pid: number, a: number, b: number): void {
    const i = this.written & this.mask;
    this.time[i] = time;
    this.kind[i] = kind;
    this.cpu[i] = cpu;
    this.pid[i] = pid;
    this.a[i] = a;
    this.b[i] = b;
    this.written++;
    // Two 32-bit lanes over the record's words (ToUint32 keeps the low 32 bits of an integer).
    let h1 = this.h1, h2 = this.h2, w: number;
    w = time >>> 0;
    h1 = Math.imul(h1 ^ w, 0x01000193); h2 = Math.imul(h2 ^ w, 0x5bd1e995); h2 ^= h2 >>> 15;
    w = (time * INV_TWO_POW_32) >>> 0;
    h1 = Math.imul(h1 ^ w, 0x01000193); h2 = Math.imul(h2 ^ w, 0x5bd1e995); h2 ^= h2 >>> 15;
    w = (kind | (cpu << 16)) >>> 0;
    h1 = Math.imul(h1 ^ w, 0x01000193); h2 = Math.imul(h2 ^ w, 0x5bd1e995); h2 ^= h2 >>> 15;
    w = pid >>> 0;
    h1 = Math.imul(h1 ^ w, 0x01000193); h2 = Math.imul(h2 ^ w, 0x5bd1e995); h2 ^= h2 >>> 15;
    w = a >>> 0;
    h1 = Math.imul(h1 ^ w, 0x01000193); h2 = Math.imul(h2 ^ w, 0x5bd1e995); h2 ^= h2 >>> 15;
    w = (a * INV_TWO_POW_32) >>> 0;
    h1 = Math.imul(h1 ^ w, 0x01000193); h2 = Math.imul(h2 ^ w, 0x5bd1e995); h2 ^= h2 >>> 15;
    w = b >>> 0;
    h1 = Math.imul(h1 ^ w, 0x01000193); h2 = Math.imul(h2 ^ w, 0x5bd1e995); h2 ^= h2 >>> 15;
    w = (b * INV_TWO_POW_32) >>> 0;
    h1 = Math.imul(h1 ^ w, 0x01000193); h2 = Math.imul(h2 ^ w, 0x5bd1e995); h2 ^= h2 >>> 15;
    // Each record also moves the lanes relative to each other, so swapped records hash differently.
    this.h1 = (h1 ^ (h2 >>> 7)) | 0;
    this.h2 = (h2 + Math.imul(h1, 0x27d4eb2d)) | 0;
  }

  /** The rolling hash of every record emitted so far, as 16 hex digits. */
  get hash(): string {
    return (this.h1 >>> 0).toString(16).padStart(8, '0') + (this.h2 >>> 0).toString(16).padStart(8, '0');
  }

  /** The most recent record, or null before the first. */
  last(): TraceRecord | null {
    if (this.written === 0) return null;
    return this.at(this.written - 1);
  }

  /** Record number `index` of the run, if it is still in the ring. */
  at(index: number): TraceRecord | null {
    if (index < this.floor || index >= this.written || index < this.written - this.capacity) return null;
    const i = index % this.capacity;
    return { time: this.time[i], kind: this.kind[i], cpu: this.cpu[i], pid: this.pid[i], a: this.a[i], b: this.b[i] };
  }

  /** Copies out every record written since the last drain (those overwritten meanwhile are counted as lost). */
  drain(): TraceBatch {
    const start = Math.max(this.drained, this.written - this.capacity);
    const lost = start - this.drained;
    const n = this.written - start;
    const out: TraceBatch = {
      first: start,
      lost,
      time: new Float64Array(n),
      kind: new Uint16Array(n),
      cpu: new Int16Array(n),
      pid: new Int32Array(n),
      a: new Float64Array(n),
      b: new Float64Array(n),
    };
    for (let k = 0; k < n; k++) {
      const i = (start + k) % this.capacity;
      out.time[k] = this.time[i];
      out.kind[k] = this.kind[i];
      out.cpu[k] = this.cpu[i];
      out.pid[k] = this.pid[i];
      out.a[k] = this.a[i];
      out.b[k] = this.b[i];
    }
    this.drained = this.written;
    return out;
  }

  /** Hash state and counters for a checkpoint (the ring's contents are output, not state). */
  image(): { written: number; drained: number; h1: number; h2: number } {
    return { written: this.written, drained: this.drained, h1: this.h1, h2: this.h2 };
  }

  restoreImage(img: { written: number; drained: number; h1: number; h2: number }): void {
    this.written = img.written;
    this.drained = img.written; // records from before the checkpoint are not in this ring
    this.floor = img.written;
    this.h1 = img.h1;
    this.h2 = img.h2;
  }

}
