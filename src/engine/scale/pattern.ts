/**
 * Repeating detour patterns ("noise timelines") and the fast preemption arithmetic on them.
 * A node's noise is the pattern shifted by a phase: detours at phase + n*period + start_j.
 */
import type { Detour } from './types';

export interface DetourPattern {
  readonly periodNs: number;
  /** Sorted, disjoint, non-touching detours inside [0, period). */
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** cumNoise[j] = total detour time of detours 0..j-1 (length E+1). */
  readonly cumNoise: Float64Array;
  /** freeAtStart[j] = free (non-noise) time in [0, starts[j]). */
  readonly freeAtStart: Float64Array;
  /** Free time per period; always > 0. */
  readonly freeNs: number;
}

/** Builds a pattern: wraps detours that cross the period end, sorts and merges overlaps. Throws on bad input. */
export function makePattern(detours: readonly Detour[], periodNs: number): DetourPattern {
  if (!Number.isSafeInteger(periodNs) || periodNs <= 0) throw new Error(`noise period must be a positive integer ns, got ${periodNs}`);
  const spans: [number, number][] = [];
  for (const d of detours) {
    const s = d.startNs;
    const len = d.durationNs;
    if (!Number.isSafeInteger(s) || !Number.isSafeInteger(len) || s < 0 || len < 0) throw new Error(`bad detour (${s}, ${len}): need integer ns >= 0`);
    if (len === 0) continue;
    if (s >= periodNs) throw new Error(`detour at ${s} ns starts after the period of ${periodNs} ns`);
    if (len >= periodNs) throw new Error(`detour of ${len} ns covers the whole period of ${periodNs} ns`);
    const e = s + len;
    if (e <= periodNs) spans.push([s, e]);
    else spans.push([s, periodNs], [0, e - periodNs]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const sp of spans) {
    const last = merged[merged.length - 1];
    // Touching detours merge too, so free segments always have positive length.
    if (last && sp[0] <= last[1]) last[1] = Math.max(last[1], sp[1]);
    else merged.push([sp[0], sp[1]]);
  }
  const E = merged.length;
  const starts = new Float64Array(E);
  const ends = new Float64Array(E);
  const cumNoise = new Float64Array(E + 1);
  const freeAtStart = new Float64Array(E);
  for (let j = 0; j < E; j++) {
    starts[j] = merged[j][0];
    ends[j] = merged[j][1];
    cumNoise[j + 1] = cumNoise[j] + ends[j] - starts[j];
    freeAtStart[j] = starts[j] - cumNoise[j];
  }
  const freeNs = periodNs - cumNoise[E];
  if (freeNs <= 0) throw new Error('noise pattern leaves no free time');
  return { periodNs, starts, ends, cumNoise, freeAtStart, freeNs };
}

/** Free time in [0, y) of one period, 0 <= y < period. */
function freeBefore(p: DetourPattern, y: number): number {
  const starts = p.starts;
  // j = number of detours starting before y.
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < y) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && y < p.ends[lo - 1]) return p.freeAtStart[lo - 1];
  return y - p.cumNoise[lo];
}

/** Earliest y in one period with free time in [0, y) equal to v, 0 < v <= freeNs. */
function freeInverse(p: DetourPattern, v: number): number {
  const fs = p.freeAtStart;
  let lo = 0;
  let hi = fs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fs[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return v + p.cumNoise[lo];
}

/**
 * The time at which `work` ns of CPU started at `t` completes when the pattern (shifted by
 * `phase`) preempts it: the first time by which `work` of non-noise time has accumulated.
 * O(log E) for E detours per period; exact for integer inputs below 2^53.
 */
export function advance(p: DetourPattern, phase: number, t: number, work: number): number {
  if (work <= 0) return t;
  const P = p.periodNs;
  const x = t - phase;
  const n = Math.floor(x / P);
  const y = x - n * P;
  const F = p.freeNs;
  let target: number;
  if (p.starts.length === 1 && p.starts[0] === 0) {
    // Periodic noise [0, d): the common case, without searches.
    const d = p.ends[0];
    target = (y < d ? 0 : y - d) + work;
    const m = Math.ceil(target / F) - 1;
    return phase + (n + m) * P + (target - m * F) + d;
  }
  target = freeBefore(p, y) + work;
  const m = Math.ceil(target / F) - 1;
  return phase + (n + m) * P + freeInverse(p, target - m * F);
}

/** Parses a noise trace: `start duration` lines in ns, `#` comments, optional `period P` line. */
export function parseNoiseTrace(text: string): { ok: true; periodNs: number; detours: Detour[] } | { ok: false; error: string } {
  const detours: Detour[] = [];
  let period: number | null = null;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/#.*/, '').trim();
    if (line === '') continue;
    const f = line.split(/[\s,]+/);
    const where = `trace line ${i + 1}`;
    if (f[0] === 'period') {
      const v = Number(f[1]);
      if (f.length !== 2 || !Number.isSafeInteger(v) || v <= 0) return { ok: false, error: `${where}: "period" needs one positive integer (ns)` };
      period = v;
      continue;
    }
    const s = Number(f[0]);
    const d = Number(f[1]);
    if (f.length !== 2 || !Number.isSafeInteger(s) || !Number.isSafeInteger(d) || s < 0 || d < 0) {
      return { ok: false, error: `${where}: expected "start duration" as integers in ns, got "${line}"` };
    }
    detours.push({ startNs: s, durationNs: d });
  }
  if (detours.length === 0) return { ok: false, error: 'noise trace has no detours' };
  // Without an explicit period the trace repeats right after its last detour ends.
  const periodNs = period ?? detours.reduce((m, d) => Math.max(m, d.startNs + d.durationNs), 0);
  try {
    makePattern(detours, periodNs);
  } catch (e) {
    return { ok: false, error: `noise trace: ${(e as Error).message}` };
  }
  return { ok: true, periodNs, detours };
}

/**
 * The end of the noise-free stretch that begins at `t`: the start of the next detour, or `t`
 * itself when `t` lies inside a detour. Lets the fast model skip `advance` for short overheads.
 */
export function freeUntil(p: DetourPattern, phase: number, t: number): number {
  const P = p.periodNs;
  const x = t - phase;
  const n = Math.floor(x / P);
  const y = x - n * P;
  const ends = p.ends;
  if (ends.length === 0) return Infinity;
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid] <= y) lo = mid + 1;
    else hi = mid;
  }
  if (lo === ends.length) return phase + (n + 1) * P + p.starts[0];
  return p.starts[lo] <= y ? t : phase + n * P + p.starts[lo];
}
