/**
 * strace timestamps, detected per line: -t `HH:MM:SS`, -tt `HH:MM:SS.micro`, -ttt `epoch.micro`,
 * -r `secs.micro` since the previous line of any thread. Times are kept as ns since the first
 * timestamp of the log, computed from integer parts so that epoch times stay exact.
 */
import { MAX_SECONDS } from './limits';
import { isDigit, num, readFractionNs, readInteger } from './scan';

export const TIMESTAMP_FORMATS = ['none', 't', 'tt', 'ttt', 'r'] as const;
export type TimestampFormat = (typeof TIMESTAMP_FORMATS)[number];
const F_NONE = 0;
const F_T = 1;
const F_TT = 2;
const F_TTT = 3;
const F_R = 4;

const NS = 1e9;
const DAY_NS = 86_400 * NS;
/** A seconds.micro value at least this large is an epoch time (-ttt), below it a delta (-r). */
const EPOCH_MIN_SECONDS = 1e8;

export class Timestamps {
  /** Format of the last line read, an index into TIMESTAMP_FORMATS. */
  format = F_NONE;
  /** The formats seen so far: bit (1 << index into TIMESTAMP_FORMATS). */
  seen = 0;
  /** Time of the last line read, ns since the origin; NaN before any timestamp. */
  nowNs = NaN;
  /** The last read() failed because the number of seconds is beyond MAX_SECONDS. */
  outOfRange = false;
  /** The first timestamp exactly as printed. */
  originText = '';
  /** The earliest absolute time read (ns since the origin, 0 or below) and its text. */
  minNs = 0;
  minText = '';
  private originSec = NaN;
  private originFracNs = 0;
  private lastTimeOfDayNs = NaN;
  private firstTimeOfDayNs = NaN;
  private dayOffsetNs = 0;

  /**
   * Reads a timestamp at i (a digit). Returns the index after it, or -1 when the token is not a
   * timestamp (no ':' or '.'), leaving the state untouched.
   */
  read(s: string, i: number, end: number): number {
    const j = readInteger(s, i, end);
    if (j === i || s.charCodeAt(i) === 45) return -1;
    const first = num.value;
    this.outOfRange = first > MAX_SECONDS;
    if (this.outOfRange) return -1;
    if (j < end && s.charCodeAt(j) === 58) return this.readTimeOfDay(s, i, j, first, end);
    const k = readFractionNs(s, j, end);
    if (k === j) return -1;
    const frac = num.value;
    if (first >= EPOCH_MIN_SECONDS) {
      this.setAbsolute(s, i, k, first, frac, F_TTT);
    } else {
      // -r: relative to the previous line; the first line of a log starts the clock at its delta.
      const base = Number.isNaN(this.nowNs) ? 0 : this.nowNs;
      if (this.originText === '') this.originText = s.slice(i, k);
      this.nowNs = base + first * NS + frac;
      this.mark(F_R);
    }
    return k;
  }

  /**
   * The lines that follow come from another file (strace -ff): -r deltas start again from the
   * file's first line, and a time of day is compared with the log's first one to count midnights.
   */
  beginFile(): void {
    this.nowNs = NaN;
    this.lastTimeOfDayNs = this.firstTimeOfDayNs;
    this.dayOffsetNs = 0;
  }

  /** Records a line without a timestamp. */
  none(): void {
    this.mark(F_NONE);
  }

  private readTimeOfDay(s: string, i: number, j: number, h: number, end: number): number {
    const m = twoDigits(s, j + 1, end);
    if (m < 0 || s.charCodeAt(j + 3) !== 58) return -1;
    const sec = twoDigits(s, j + 4, end);
    if (sec < 0 || h > 23 || m > 59 || sec > 60) return -1;
    let k = j + 6;
    let frac = 0;
    const f = readFractionNs(s, k, end);
    if (f !== k) {
      frac = num.value;
      k = f;
    }
    const tod = (h * 3600 + m * 60 + sec) * NS + frac;
    // A time of day far below the previous one means the log crossed midnight.
    if (!Number.isNaN(this.lastTimeOfDayNs) && tod < this.lastTimeOfDayNs - DAY_NS / 2) this.dayOffsetNs += DAY_NS;
    this.lastTimeOfDayNs = tod;
    if (Number.isNaN(this.firstTimeOfDayNs)) this.firstTimeOfDayNs = tod;
    this.setAbsolute(s, i, k, (h * 3600 + m * 60 + sec) + this.dayOffsetNs / NS, frac, f !== j + 6 ? F_TT : F_T);
    return k;
  }

  private setAbsolute(s: string, i: number, k: number, sec: number, fracNs: number, fmt: number): void {
    if (Number.isNaN(this.originSec)) {
      this.originSec = sec;
      this.originFracNs = fracNs;
      this.originText = s.slice(i, k);
    }
    this.nowNs = (sec - this.originSec) * NS + (fracNs - this.originFracNs);
    if (this.nowNs < this.minNs) {
      // Only -ff files merged together start before the first line read.
      this.minNs = this.nowNs;
      this.minText = s.slice(i, k);
    }
    this.mark(fmt);
  }

  private mark(fmt: number): void {
    this.format = fmt;
    this.seen |= 1 << fmt;
  }
}


function twoDigits(s: string, i: number, end: number): number {
  if (i + 2 > end) return -1;
  const a = s.charCodeAt(i);
  const b = s.charCodeAt(i + 1);
  if (!isDigit(a) || !isDigit(b)) return -1;
  return (a - 48) * 10 + (b - 48);
}
