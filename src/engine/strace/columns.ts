/** Growable columnar storage for parsed calls, and string interning that does not pin input chunks. */

/** Call status: how the call appeared in the log. */
export const CALL_COMPLETE = 0;
/** `<unfinished ...>` never followed by its `<... resumed>` line (the log ended or the thread died). */
export const CALL_UNFINISHED = 1;
/** `<detached ...>`: strace let go of the thread during the call. */
export const CALL_DETACHED = 2;
/** `<... resumed>` without its start line (the log began mid-call). */
export const CALL_ORPHAN_RESUMED = 3;

/** One column per call field; every array has at least `length` rows. */
export interface CallColumns {
  readonly length: number;
  /** Thread id from the pid column; 0 when the log has no pid column. */
  readonly tid: Int32Array;
  /** Index into `names`. */
  readonly name: Int32Array;
  /** x86_64 syscall number, -1 when the name is not in the table. */
  readonly nr: Int32Array;
  /** Start in ns since the first timestamp of the log; NaN without timestamps. */
  readonly startNs: Float64Array;
  /** Time spent in the call (-T), NaN when absent. */
  readonly durationNs: Float64Array;
  /** Return value; NaN for `= ?` and for calls that never returned in the log. */
  readonly ret: Float64Array;
  /** Index into `errnos`, -1 when no errno was printed. */
  readonly errno: Int32Array;
  /** The fd argument, or the new fd of an fd-creating call; -1 when none. */
  readonly fd: Int32Array;
  /** Bytes moved by the read/write family (return value, else requested length); NaN otherwise. */
  readonly bytes: Float64Array;
  /** Index into `paths` (path argument, or the -y decoration of the fd); -1 when none. */
  readonly path: Int32Array;
  /** Index into FD_KINDS (src/engine/syscalls/classes.ts); 0 = unknown. */
  readonly fdKind: Uint8Array;
  /** 1 when the call waits on something outside the thread (isBlockingOnExternal). */
  readonly blocking: Uint8Array;
  /** CALL_COMPLETE, CALL_UNFINISHED, CALL_DETACHED or CALL_ORPHAN_RESUMED. */
  readonly status: Uint8Array;
}

/** The mutable builder; arrays are replaced by larger ones on growth (doubling). */
export class CallTable implements CallColumns {
  length = 0;
  tid: Int32Array;
  name: Int32Array;
  nr: Int32Array;
  startNs: Float64Array;
  durationNs: Float64Array;
  ret: Float64Array;
  errno: Int32Array;
  fd: Int32Array;
  bytes: Float64Array;
  path: Int32Array;
  fdKind: Uint8Array;
  blocking: Uint8Array;
  status: Uint8Array;

  constructor(capacity = 1024) {
    this.tid = new Int32Array(capacity);
    this.name = new Int32Array(capacity);
    this.nr = new Int32Array(capacity);
    this.startNs = new Float64Array(capacity);
    this.durationNs = new Float64Array(capacity);
    this.ret = new Float64Array(capacity);
    this.errno = new Int32Array(capacity);
    this.fd = new Int32Array(capacity);
    this.bytes = new Float64Array(capacity);
    this.path = new Int32Array(capacity);
    this.fdKind = new Uint8Array(capacity);
    this.blocking = new Uint8Array(capacity);
    this.status = new Uint8Array(capacity);
  }

  /** Appends a row with the "nothing known" defaults and returns its index. */
  add(tid: number, name: number, nr: number, startNs: number): number {
    if (this.length === this.tid.length) this.grow();
    const i = this.length++;
    this.tid[i] = tid;
    this.name[i] = name;
    this.nr[i] = nr;
    this.startNs[i] = startNs;
    this.durationNs[i] = NaN;
    this.ret[i] = NaN;
    this.errno[i] = -1;
    this.fd[i] = -1;
    this.bytes[i] = NaN;
    this.path[i] = -1;
    this.fdKind[i] = 0;
    this.blocking[i] = 0;
    this.status[i] = CALL_COMPLETE;
    return i;
  }

  /** Read-only views trimmed to `length` (no copy). */
  view(): CallColumns {
    const n = this.length;
    return {
      length: n,
      tid: this.tid.subarray(0, n),
      name: this.name.subarray(0, n),
      nr: this.nr.subarray(0, n),
      startNs: this.startNs.subarray(0, n),
      durationNs: this.durationNs.subarray(0, n),
      ret: this.ret.subarray(0, n),
      errno: this.errno.subarray(0, n),
      fd: this.fd.subarray(0, n),
      bytes: this.bytes.subarray(0, n),
      path: this.path.subarray(0, n),
      fdKind: this.fdKind.subarray(0, n),
      blocking: this.blocking.subarray(0, n),
      status: this.status.subarray(0, n),
    };
  }

  private grow(): void {
    const cap = this.tid.length * 2;
    const g = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.tid = g(this.tid, (n) => new Int32Array(n));
    this.name = g(this.name, (n) => new Int32Array(n));
    this.nr = g(this.nr, (n) => new Int32Array(n));
    this.startNs = g(this.startNs, (n) => new Float64Array(n));
    this.durationNs = g(this.durationNs, (n) => new Float64Array(n));
    this.ret = g(this.ret, (n) => new Float64Array(n));
    this.errno = g(this.errno, (n) => new Int32Array(n));
    this.fd = g(this.fd, (n) => new Int32Array(n));
    this.bytes = g(this.bytes, (n) => new Float64Array(n));
    this.path = g(this.path, (n) => new Int32Array(n));
    this.fdKind = g(this.fdKind, (n) => new Uint8Array(n));
    this.blocking = g(this.blocking, (n) => new Uint8Array(n));
    this.status = g(this.status, (n) => new Uint8Array(n));
  }
}

/**
 * A copy of `s` that shares no memory with the string it was sliced from: V8 keeps a slice's
 * parent (a whole 1 MB input chunk) alive, and interned strings live as long as the result.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/**
 * Interns strings to dense indices. Looks a range of a line up by a hand-rolled hash, so that the
 * hot path slices no substring (and pins no chunk) unless the string is new.
 */
export class StringTable {
  readonly values: string[] = [];
  private hashes: Int32Array = new Int32Array(64);
  /** Open-addressing slots holding index + 1 (0 = empty). */
  private slots: Int32Array = new Int32Array(64);

  intern(s: string): number {
    return this.internRange(s, 0, s.length);
  }

  /** Index of s[a, b), adding a detached copy on first sight. */
  internRange(s: string, a: number, b: number): number {
    let h = 0x811c9dc5 | 0;
    for (let k = a; k < b; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
    const mask = this.slots.length - 1;
    const len = b - a;
    for (let j = h & mask; ; j = (j + 1) & mask) {
      const v = this.slots[j];
      if (v === 0) break;
      const cand = this.values[v - 1];
      if (this.hashes[j] === h && cand.length === len && s.startsWith(cand, a)) return v - 1;
    }
    const i = this.values.length;
    this.values.push(detach(s.slice(a, b)));
    this.insert(h, i);
    if (this.values.length * 2 > this.slots.length) this.rehash();
    return i;
  }

  private insert(h: number, i: number): void {
    const mask = this.slots.length - 1;
    let j = h & mask;
    while (this.slots[j] !== 0) j = (j + 1) & mask;
    this.slots[j] = i + 1;
    this.hashes[j] = h;
  }

  private rehash(): void {
    const oldSlots = this.slots;
    const oldHashes = this.hashes;
    this.slots = new Int32Array(oldSlots.length * 2);
    this.hashes = new Int32Array(oldSlots.length * 2);
    for (let j = 0; j < oldSlots.length; j++) if (oldSlots[j] !== 0) this.insert(oldHashes[j], oldSlots[j] - 1);
  }
}
