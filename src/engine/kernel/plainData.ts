/**
 * Model state is plain data: objects, arrays, strings, finite numbers, booleans, null and
 * typed arrays. This codec turns such a value into bytes and back exactly, which is what
 * checkpoints, time travel and shareable states are built on.
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

const TYPED: Record<string, new (xs: number[]) => ArrayLike<number>> = {
  Float64Array,
  Int32Array,
  Uint32Array,
  Uint16Array,
  Int16Array,
  Uint8Array,
  Float32Array,
};

function replacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return { $typed: value.constructor.name, v: Array.from(value as unknown as ArrayLike<number>, encodeNumber) };
  }
  if (typeof value === 'number') return encodeNumber(value);
  return value;
}

function encodeNumber(x: number): number | string {
  if (Number.isFinite(x)) return Object.is(x, -0) ? '$-0' : x;
  return Number.isNaN(x) ? '$NaN' : x > 0 ? '$Inf' : '$-Inf';
}

function decodeNumber(x: unknown): unknown {
  switch (x) {
    case '$-0': return -0;
    case '$NaN': return NaN;
    case '$Inf': return Infinity;
    case '$-Inf': return -Infinity;
    default: return x;
  }
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && '$typed' in value) {
    const { $typed, v } = value as { $typed: string; v: unknown[] };
    const Ctor = TYPED[$typed];
    if (!Ctor) throw new Error(`checkpoint: unknown typed array ${$typed}`);
    return new Ctor(v.map((x) => decodeNumber(x) as number));
  }
  return decodeNumber(value);
}

export function encodePlain(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value, replacer));
}

export function decodePlain<T>(bytes: Uint8Array): T {
  return JSON.parse(new TextDecoder().decode(bytes), reviver) as T;
}

/** A deep copy through the codec (used to hand out snapshots nobody can mutate back into the engine). */
export function clonePlain<T>(value: T): T {
  return decodePlain<T>(encodePlain(value));
}
