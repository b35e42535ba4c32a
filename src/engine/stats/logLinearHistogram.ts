/**
 * A log-linear histogram of non-negative integers (HdrHistogram's layout): values below
 * 2 * SUB are counted exactly; above, each power of two is split into SUB linear buckets, so
 * a bucket is at most 1/SUB of its lower bound wide. Quantiles report the bucket's middle,
 * clamped to the observed minimum and maximum: relative error at most 1 / (2 * SUB) (0.4 %).
 * Plain data (a Float64Array), so it checkpoints with the state.
 */

/** Linear buckets per power of two. */
export const SUB_BITS = 7;
export const SUB = 1 << SUB_BITS;
/** Powers of two covered above the exact range: up to 2^(SUB_BITS + OCTAVES) ns (about 39 hours). */
const OCTAVES = 40;
export const LOG_LINEAR_BUCKETS = 2 * SUB + OCTAVES * SUB;

export interface LogLinearHistogram {
  readonly counts: Float64Array;
  count: number;
  min: number;
  max: number;
}

export function createHistogram(): LogLinearHistogram {
  return { counts: new Float64Array(LOG_LINEAR_BUCKETS), count: 0, min: Infinity, max: 0 };
}

export function bucketOf(value: number): number {
  const v = value < 0 ? 0 : Math.floor(value);
  if (v < 2 * SUB) return v;
  const octave = Math.floor(Math.log2(v)) - SUB_BITS; // >= 1
  const shift = 2 ** octave;
  const sub = Math.floor(v / shift) - SUB; // 0 .. SUB-1
  return Math.min(LOG_LINEAR_BUCKETS - 1, SUB + octave * SUB + sub);
}

/** [lowest, highest] values of a bucket (inclusive). */
export function bucketRange(bucket: number): [number, number] {
  if (bucket < 2 * SUB) return [bucket, bucket];
  const octave = Math.floor((bucket - SUB) / SUB);
  const sub = bucket - SUB - octave * SUB;
  const shift = 2 ** octave;
  const lo = (SUB + sub) * shift;
  return [lo, lo + shift - 1];
}

export function record(h: LogLinearHistogram, value: number): void {
  h.counts[bucketOf(value)]++;
  h.count++;
  if (value < h.min) h.min = value;
  if (value > h.max) h.max = value;
}

/** The q-quantile (0..1): the smallest bucket holding at least q of the values, at its middle. */
export function quantileOf(h: LogLinearHistogram, q: number): number {
  if (h.count === 0) return 0;
  const target = Math.max(1, Math.ceil(q * h.count));
  let acc = 0;
  for (let b = 0; b < LOG_LINEAR_BUCKETS; b++) {
    acc += h.counts[b];
    if (acc >= target) {
      const [lo, hi] = bucketRange(b);
      return Math.min(h.max, Math.max(h.min, Math.round((lo + hi) / 2)));
    }
  }
  return h.max;
}

/**
 * Coarse view for plots: [lower bound, count] of each non-empty bin of `perOctave` log bins
 * per power of two (lower bounds rounded to whole ns).
 */
export function coarseBins(h: LogLinearHistogram, perOctave = 8): number[][] {
  const bins = new Map<number, number>();
  for (let b = 0; b < LOG_LINEAR_BUCKETS; b++) {
    const n = h.counts[b];
    if (n === 0) continue;
    const [lo] = bucketRange(b);
    const coarse = lo < 1 ? 0 : Math.floor(Math.log2(lo) * perOctave);
    bins.set(coarse, (bins.get(coarse) ?? 0) + n);
  }
  return [...bins.entries()].sort((a, b) => a[0] - b[0]).map(([bin, n]) => [Math.round(2 ** (bin / perOctave)), n]);
}
