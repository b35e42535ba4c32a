/**
 * Seeded randomness with named, independent streams.
 * Each stream is a xoshiro128** generator whose state is derived from (run seed, stream name)
 * alone, so adding a new noise source (a new stream) never shifts the numbers of another.
 */

/** 32-bit FNV-1a of a string, used to turn a stream name into seed material. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitmix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  let z = x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

const TWO_POW_32 = 4294967296;

export class RngStream {
  /** xoshiro128** state: four 32-bit words, never all zero. */
  readonly s: Uint32Array;

  constructor(state: Uint32Array) {
    this.s = state;
  }

  static seeded(seed: number, name: string): RngStream {
    const s = new Uint32Array(4);
    let x = (hashString(name) ^ Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.floor(seed / TWO_POW_32)) >>> 0;
    for (let i = 0; i < 4; i++) {
      x = splitmix32(x + i * 0x6a09e667);
      s[i] = x;
    }
    if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
    return new RngStream(s);
  }

  /** A uniform 32-bit unsigned integer. */
  nextU32(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** Uniform in [0, 1) with 53 bits of precision. */
  next(): number {
    const hi = this.nextU32() >>> 5; // 27 bits
    const lo = this.nextU32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Exponential with the given mean (inverse transform; never returns Infinity). */
  exp(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** Normal (Box-Muller, one value per call for reproducibility). */
  normal(mean: number, sd: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and shape (sigma of the underlying normal). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }

  bernoulli(p: number): boolean {
    return this.next() < p;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** All streams of one run, created on first use by name. */
export class Rng {
  readonly seed: number;
  private readonly streams = new Map<string, RngStream>();

  constructor(seed: number) {
    this.seed = seed;
  }

  stream(name: string): RngStream {
    let st = this.streams.get(name);
    if (!st) {
      st = RngStream.seeded(this.seed, name);
      this.streams.set(name, st);
    }
    return st;
  }

  /** Stream states for a checkpoint, sorted by name so the bytes are canonical. */
  image(): Record<string, number[]> {
    const out: Record<string, number[]> = {};
    for (const name of [...this.streams.keys()].sort()) out[name] = Array.from(this.streams.get(name)!.s);
    return out;
  }

  static fromImage(seed: number, img: Record<string, number[]>): Rng {
    const r = new Rng(seed);
    for (const [name, words] of Object.entries(img)) r.streams.set(name, new RngStream(Uint32Array.from(words)));
    return r;
  }
}
