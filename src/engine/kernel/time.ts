/**
 * Simulated time is an integer number of nanoseconds held in an ordinary JS number
 * (exact up to 2^53 ns, about 104 days). No BigInt on hot paths.
 */
export type SimTime = number;

export const NS = 1;
export const US = 1_000;
export const MS = 1_000_000;
export const S = 1_000_000_000;

const UNIT_NS: Readonly<Record<string, number>> = { ns: NS, us: US, µs: US, ms: MS, s: S };

/** Parses "10ms", "2.5us", "1s", "250ns" or a bare integer (ns). Returns an error text instead of throwing. */
export function parseDuration(text: string): { ok: true; ns: SimTime } | { ok: false; error: string } {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s)?\s*$/.exec(text);
  if (!m) return { ok: false, error: `"${text}" is not a duration (examples: 250ns, 10us, 1.5ms, 2s)` };
  const unit = m[2] ?? 'ns';
  const ns = Math.round(Number(m[1]) * UNIT_NS[unit]);
  if (!Number.isSafeInteger(ns)) return { ok: false, error: `"${text}" is too large a duration` };
  return { ok: true, ns };
}

/** Human text for a time, choosing the unit so that 3-4 significant digits show. */
export function formatDuration(ns: SimTime): string {
  const a = Math.abs(ns);
  if (a < US) return `${ns} ns`;
  if (a < MS) return `${(ns / US).toFixed(a < 10 * US ? 3 : 2)} µs`;
  if (a < S) return `${(ns / MS).toFixed(a < 10 * MS ? 3 : 2)} ms`;
  return `${(ns / S).toFixed(6)} s`;
}

/** The clock text: seconds with nanosecond resolution, always the same width per magnitude. */
export function formatClock(ns: SimTime): string {
  const s = Math.floor(ns / S);
  const frac = String(ns - s * S).padStart(9, '0');
  return `${s}.${frac.slice(0, 3)} ${frac.slice(3, 6)} ${frac.slice(6, 9)} s`;
}
