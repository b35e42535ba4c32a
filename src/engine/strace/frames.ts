/**
 * strace -k stack frames (` > /lib/x86_64-linux-gnu/libc.so.6(__close+0x10) [0xf89f0]`), kept with
 * the call they belong to: frame texts are interned, and each call row owns a range of `list`.
 * Nothing is allocated for a log without frames.
 */
import { StringTable } from './columns';

/** The frames of a parse: `texts[list[start[row] + k]]` for k < count[row] (rows beyond count.length have none). */
export interface StackFrames {
  readonly texts: readonly string[];
  readonly list: Int32Array;
  readonly start: Int32Array;
  readonly count: Int32Array;
  /** Frame lines read (attached to a call or not). */
  readonly lines: number;
}

export class FrameTable {
  readonly texts = new StringTable();
  private list: Int32Array<ArrayBuffer> = new Int32Array(0);
  private length = 0;
  private start: Int32Array<ArrayBuffer> = new Int32Array(0);
  private count: Int32Array<ArrayBuffer> = new Int32Array(0);
  /** The row whose batch of frames is being read (-1: the next frame starts a new batch). */
  private openRow = -1;
  lines = 0;

  /** A line that is not a frame was read: the next frames are another batch. */
  close(): void {
    this.openRow = -1;
  }

  /** A frame line of text s[a, b) for call `row` (-1: frames of no call, e.g. of a signal's delivery). */
  add(row: number, s: string, a: number, b: number): void {
    this.lines++;
    if (row < 0) return;
    if (this.openRow !== row) {
      this.ensureRows(row + 1);
      // A later batch for the same call (after its resumed line) replaces an earlier one.
      this.start[row] = this.length;
      this.count[row] = 0;
      this.openRow = row;
    }
    if (this.length === this.list.length) this.list = grown(this.list, Math.max(1024, this.length * 2));
    this.list[this.length++] = this.texts.internRange(s, a, b);
    this.count[row]++;
  }

  view(rows: number): StackFrames {
    if (this.lines > 0 && this.count.length < rows) this.ensureRows(rows);
    const n = this.count.length === 0 ? 0 : rows;
    return { texts: this.texts.values, list: this.list.subarray(0, this.length), start: this.start.subarray(0, n), count: this.count.subarray(0, n), lines: this.lines };
  }

  private ensureRows(rows: number): void {
    if (rows <= this.count.length) return;
    const cap = Math.max(1024, rows, this.count.length * 2);
    this.start = grown(this.start, cap);
    this.count = grown(this.count, cap);
  }
}

function grown(a: Int32Array, cap: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}

/** The frames of call `row`, innermost first; empty without -k. */
export function framesOf(frames: StackFrames, row: number): string[] {
  const n = row < frames.count.length ? frames.count[row] : 0;
  const out: string[] = [];
  for (let k = 0; k < n; k++) out.push(frames.texts[frames.list[frames.start[row] + k]]);
  return out;
}
