/**
 * A fixed-bin logarithmic histogram of non-negative durations, as plain data (checkpointable):
 * 16 bins per octave from 1 ns to 2^64 ns, so a percentile is within ~2.2% of the true value,
 * in constant memory however many requests are recorded.
 */

const PER_OCTAVE = 16;
const OCTAVES = 64;
export const LOG_HISTOGRAM_BINS = 1 + PER_OCTAVE * OCTAVES;

export interface LogHistogram {
  /** Bin 0 holds values < 1 ns; bin i >= 1 holds [2^((i-1)/16), 2^(i/16)). */
  readonly counts: Uint32Array;
  count: number;
  sum: number;
  max: number;
}

export function createLogHistogram(): LogHistogram {
  return { counts: new Uint32Array(LOG_HISTOGRAM_BINS), count: 0, sum: 0, max: 0 };
}

function binOf(v: number): number {
  if (v < 1) return 0;
  return Math.min(LOG_HISTOGRAM_BINS - 1, 1 + Math.floor(Math.log2(v) * PER_OCTAVE));
}

export function recordValue(h: LogHistogram, v: number): void {
  h.counts[binOf(v)]++;
  h.count++;
  h.sum += v;
  if (v > h.max) h.max = v;
}

/** The q-quantile (0 < q <= 1): the geometric middle of its bin, never above the maximum (q = 1: the maximum); 0 if empty. */
export function percentile(h: LogHistogram, q: number): number {
  if (h.count === 0) return 0;
  const rank = Math.max(1, Math.ceil(q * h.count));
  if (rank >= h.count) return h.max; // the top order statistic is known exactly
  let seen = 0;
  for (let i = 0; i < LOG_HISTOGRAM_BINS; i++) {
    seen += h.counts[i];
    if (seen >= rank) return i === 0 ? 0 : Math.min(h.max, 2 ** ((i - 0.5) / PER_OCTAVE));
  }
  return h.max;
}

export interface DistributionSummary {
  readonly count: number;
  readonly meanNs: number;
  readonly p50Ns: number;
  readonly p99Ns: number;
  readonly maxNs: number;
}

export function summarize(h: LogHistogram): DistributionSummary {
  return {
    count: h.count,
    meanNs: h.count === 0 ? 0 : h.sum / h.count,
    p50Ns: percentile(h, 0.5),
    p99Ns: percentile(h, 0.99),
    maxNs: h.max,
  };
}
