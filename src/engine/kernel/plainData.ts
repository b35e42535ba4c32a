/**
 * Model state is plain data: objects, arrays, strings, finite numbers, booleans, null and
 * typed arrays. This codec turns such a value into compact bytes and back exactly, which is
 * what checkpoints and time travel are built on.
 *
 * The format is binary: a tag byte per value; small whole numbers as varints, other numbers
 * as 8-byte floats (so -0, NaN and ±Infinity survive); object keys interned (a state holds
 * thousands of records with the same few keys); typed arrays as their raw bytes. Bytes are in
 * the machine's order: a checkpoint is for this machine's time travel, not an exchange format
 * (shared links carry the command log, from which the run is recomputed).
 * As with JSON, `undefined` members of objects are left out and become null in arrays.
 */
export type Plain =
  | null
  | boolean
  | number
  | string
  | readonly Plain[]
  | { readonly [key: string]: Plain }
  | Float64Array
  | Int32Array
  | Uint32Array
  | Uint16Array
  | Int16Array
  | Uint8Array
  | Float32Array;

const TYPED = [Float64Array, Int32Array, Uint32Array, Uint16Array, Int16Array, Uint8Array, Float32Array] as const;
type TypedCtor = (typeof TYPED)[number];

const enum Tag {
  Null = 0,
  False = 1,
  True = 2,
  Float = 3,
  Uint = 4,
  NegInt = 5,
  Str = 6,
  Arr = 7,
  Obj = 8,
  Typed = 9,
}

/** Zero bytes in a row worth a run of their own inside a typed array. */
const MIN_ZERO_RUN = 8;

const MAGIC = [0x6d, 0x70, 0x64, 0x31]; // "mpd1"

class Writer {
  buf = new Uint8Array(1 << 16);
  view = new DataView(this.buf.buffer);
  n = 0;
  readonly keys = new Map<string, number>();
  private readonly encoder = new TextEncoder();

  ensure(extra: number): void {
    if (this.n + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.n + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.n++] = b;
  }

  varint(x: number): void {
    this.ensure(8);
    // Up to 2^53: 7 bits a byte, arithmetic (bit operators are 32-bit).
    while (x >= 0x80) {
      this.buf[this.n++] = (x % 0x80) | 0x80;
      x = Math.floor(x / 0x80);
    }
    this.buf[this.n++] = x;
  }

  float(x: number): void {
    this.ensure(8);
    this.view.setFloat64(this.n, x, true);
    this.n += 8;
  }

  text(s: string): void {
    const bytes = this.encoder.encode(s);
    this.varint(bytes.length);
    this.ensure(bytes.length);
    this.buf.set(bytes, this.n);
    this.n += bytes.length;
  }

  value(v: unknown): void {
    switch (typeof v) {
      case 'number':
        if (Number.isSafeInteger(v) && !Object.is(v, -0)) {
          this.byte(v >= 0 ? Tag.Uint : Tag.NegInt);
          this.varint(Math.abs(v));
        } else {
          this.byte(Tag.Float);
          this.float(v);
        }
        return;
      case 'string':
        this.byte(Tag.Str);
        this.text(v);
        return;
      case 'boolean':
        this.byte(v ? Tag.True : Tag.False);
        return;
      case 'object':
        if (v === null) return this.byte(Tag.Null);
        if (Array.isArray(v)) {
          this.byte(Tag.Arr);
          this.varint(v.length);
          for (const x of v) this.value(x === undefined || typeof x === 'function' ? null : x);
          return;
        }
        if (ArrayBuffer.isView(v)) return this.typed(v);
        return this.object(v as Record<string, unknown>);
      default:
        // undefined and functions: only reached at the top level (members are filtered).
        this.byte(Tag.Null);
    }
  }

  private typed(v: ArrayBufferView): void {
    const code = TYPED.findIndex((C) => v instanceof C);
    if (code < 0) throw new Error(`plain data: ${v.constructor.name} is not a supported typed array`);
    this.byte(Tag.Typed);
    this.byte(code);
    this.varint(v.byteLength);
    // Pieces of (literal bytes, run of zero bytes): counters and histograms are mostly zeros.
    const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    let i = 0;
    while (i < bytes.length) {
      let lit = i;
      for (;;) {
        while (lit < bytes.length && bytes[lit] !== 0) lit++;
        let z = lit;
        while (z < bytes.length && bytes[z] === 0 && z - lit < MIN_ZERO_RUN) z++;
        if (z - lit >= MIN_ZERO_RUN || z >= bytes.length) break;
        lit = z;
      }
      let end = lit;
      while (end < bytes.length && bytes[end] === 0) end++;
      this.varint(lit - i);
      this.ensure(lit - i);
      this.buf.set(bytes.subarray(i, lit), this.n);
      this.n += lit - i;
      this.varint(end - lit);
      i = end;
    }
  }

  private object(o: Record<string, unknown>): void {
    const entries = Object.keys(o).filter((k) => o[k] !== undefined && typeof o[k] !== 'function');
    this.byte(Tag.Obj);
    this.varint(entries.length);
    for (const k of entries) {
      const known = this.keys.get(k);
      if (known !== undefined) this.varint(known);
      else {
        // A new key: its index (the table's length) then its text.
        this.varint(this.keys.size);
        this.keys.set(k, this.keys.size);
        this.text(k);
      }
      this.value(o[k]);
    }
  }
}

class Reader {
  private n = MAGIC.length;
  private readonly view: DataView;
  private readonly keys: string[] = [];
  private readonly decoder = new TextDecoder();

  constructor(private readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  private fail(what: string): never {
    throw new Error(`plain data: ${what} at byte ${this.n}`);
  }

  private byte(): number {
    if (this.n >= this.buf.length) this.fail('unexpected end');
    return this.buf[this.n++];
  }

  private varint(): number {
    let x = 0, scale = 1;
    for (;;) {
      const b = this.byte();
      x += (b & 0x7f) * scale;
      if (b < 0x80) return x;
      scale *= 0x80;
      if (scale > 2 ** 56) this.fail('varint too long');
    }
  }

  private take(len: number): Uint8Array {
    if (this.n + len > this.buf.length) this.fail('unexpected end');
    const out = this.buf.subarray(this.n, this.n + len);
    this.n += len;
    return out;
  }

  private text(): string {
    return this.decoder.decode(this.take(this.varint()));
  }

  value(): unknown {
    const tag = this.byte();
    switch (tag) {
      case Tag.Null: return null;
      case Tag.False: return false;
      case Tag.True: return true;
      case Tag.Float: {
        this.take(8);
        return this.view.getFloat64(this.n - 8, true);
      }
      case Tag.Uint: return this.varint();
      case Tag.NegInt: return -this.varint();
      case Tag.Str: return this.text();
      case Tag.Arr: {
        const len = this.varint();
        const out: unknown[] = [];
        for (let i = 0; i < len; i++) out.push(this.value());
        return out;
      }
      case Tag.Obj: {
        const len = this.varint();
        const out: Record<string, unknown> = {};
        for (let i = 0; i < len; i++) {
          const ref = this.varint();
          if (ref === this.keys.length) this.keys.push(this.text());
          else if (ref > this.keys.length) this.fail(`unknown key ${ref}`);
          out[this.keys[ref]] = this.value();
        }
        return out;
      }
      case Tag.Typed: {
        const Ctor: TypedCtor | undefined = TYPED[this.byte()];
        if (!Ctor) this.fail('unknown typed array');
        const byteLength = this.varint();
        if (byteLength % Ctor.BYTES_PER_ELEMENT !== 0) this.fail('typed array of a partial element');
        if (byteLength > this.buf.length * 8 * 2 ** 7) this.fail('typed array larger than its encoding allows');
        const out = new Uint8Array(byteLength);
        let i = 0;
        while (i < byteLength) {
          const lit = this.varint();
          if (i + lit > byteLength) this.fail('typed array overrun');
          out.set(this.take(lit), i);
          i += lit;
          const zeros = this.varint();
          if (i + zeros > byteLength) this.fail('typed array overrun');
          i += zeros; // already zero
        }
        return new Ctor(out.buffer);
      }
      default:
        return this.fail(`unknown tag ${tag}`);
    }
  }

  done(): void {
    if (this.n !== this.buf.length) this.fail('trailing bytes');
  }
}

export function encodePlain(value: unknown): Uint8Array {
  const w = new Writer();
  for (const b of MAGIC) w.byte(b);
  w.value(value);
  return w.buf.slice(0, w.n);
}

export function decodePlain<T>(bytes: Uint8Array): T {
  if (bytes.length < MAGIC.length || MAGIC.some((b, i) => bytes[i] !== b)) throw new Error('plain data: not in this format');
  const r = new Reader(bytes);
  const v = r.value();
  r.done();
  return v as T;
}

/** A deep copy through the codec (used to hand out snapshots nobody can mutate back into the engine). */
export function clonePlain<T>(value: T): T {
  return decodePlain<T>(encodePlain(value));
}
