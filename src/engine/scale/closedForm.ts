/**
 * Closed forms (docs/sources.md, Noise at scale): E[T] = W + E[max_i X_i] + C(N) for N i.i.d. noise
 * sources, and the noiseless collective cost C in LogGP (docs/sources.md, Dissemination barrier and LogGP).
 */
import type { CollectiveKind, LogGP, NoiseProfile } from './types';

/** H_n = 1 + 1/2 + ... + 1/n; summed exactly up to 2^21, asymptotic expansion beyond. */
export function harmonic(n: number): number {
  if (n <= 1 << 21) {
    let h = 0;
    for (let k = n; k >= 1; k--) h += 1 / k; // small terms first: less rounding
    return h;
  }
  const EULER_GAMMA = 0.5772156649015329;
  return Math.log(n) + EULER_GAMMA + 1 / (2 * n) - 1 / (12 * n * n);
}

/**
 * E[max of N delays] for periodic noise (period T, duration d) with a uniform random phase per
 * source, when each source computes W. With m = ceil(W/(T-d)) - 1 and r = W - m(T-d):
 * E = m d + d - T [ (1 - r/T)^(N+1) - (1 - (r+d)/T)^(N+1) ] / (N+1).
 * m equals floor(W/(T-d)) except when W is an exact multiple of T-d, where work that ends
 * exactly as a detour begins counts as done (the simulator's convention).
 */
export function periodicExpectedMax(T: number, d: number, W: number, N: number): number {
  if (W <= 0 || d <= 0) return 0;
  const F = T - d;
  const m = Math.ceil(W / F) - 1;
  const r = W - m * F;
  const a = Math.pow(1 - r / T, N + 1);
  const b = Math.pow(1 - (r + d) / T, N + 1);
  return m * d + d - (T * (a - b)) / (N + 1);
}

/** Long-run overhead of co-scheduled noise with the phase fixed for the whole run: d / (T - d). */
export function periodicLongRunOverhead(T: number, d: number): number {
  return d / (T - d);
}

/** E[max of N draws with replacement] from an empirical sample: sum_j x_(j) [(j/n)^N - ((j-1)/n)^N]. */
export function empiricalExpectedMax(samples: readonly number[], N: number): number {
  const xs = [...samples].sort((a, b) => a - b);
  const n = xs.length;
  let e = 0;
  for (let j = 1; j <= n; j++) e += xs[j - 1] * (Math.pow(j / n, N) - Math.pow((j - 1) / n, N));
  return e;
}

/** E[max_i X_i] for N i.i.d. sources, or undefined where no closed form is implemented. */
export function expectedMaxDelay(profile: NoiseProfile, N: number, W: number): number | undefined {
  switch (profile.kind) {
    case 'none':
      return 0;
    case 'bernoulli':
      return profile.delayNs * (1 - Math.pow(1 - profile.p, N));
    case 'exponential':
      return profile.meanNs * harmonic(N);
    case 'uniform':
      return (profile.maxNs * N) / (N + 1);
    case 'periodic':
      return periodicExpectedMax(profile.periodNs, profile.durationNs, W, N);
    case 'empirical':
      return profile.form === 'delays' ? empiricalExpectedMax(profile.delaysNs.map(Math.round), N) : undefined;
    case 'trace':
      return undefined;
  }
}

export interface ClosedFormOptions {
  /** 'cosched': every source has the same noise, so the N = 1 value applies. */
  readonly phase?: 'independent' | 'cosched';
  /** Timeline profiles need the phase redrawn every iteration for the i.i.d. formulas. */
  readonly redrawPhase?: boolean;
  /** Noiseless cost of the collective C(N), added as is (see noiselessCollectiveNs). */
  readonly collectiveNs?: number;
}

/**
 * Expected iteration time W + E[max_i X_i] + C for N independent noise sources, or undefined
 * where none exists (trace and detour profiles, or a phase fixed for the whole run). Exact for
 * the zero-cost collective. With a barrier and noise on compute only it is an upper bound (ranks
 * that leave the barrier early start computing early); charging the overheads adds more.
 */
export function closedForm(profile: NoiseProfile, N: number, W: number, options: ClosedFormOptions = {}): number | undefined {
  const timeline = profile.kind === 'periodic' || profile.kind === 'trace' || (profile.kind === 'empirical' && profile.form === 'detours');
  if (timeline && options.redrawPhase === false) return undefined;
  const sources = options.phase === 'cosched' ? 1 : N;
  const x = expectedMaxDelay(profile, sources, W);
  return x === undefined ? undefined : W + x + (options.collectiveNs ?? 0);
}

/** One LogGP message: o + L + (s-1) G + o. */
export function messageNs(logGP: LogGP, bytes: number): number {
  return 2 * logGP.o + logGP.L + (bytes - 1) * logGP.G;
}

/**
 * Noiseless collective cost among `ranks` ranks, where it is symmetric (every rank leaves at the
 * same time, so every iteration costs the same; g <= one message time never binds): barrier
 * ceil(log2 P) messages, allreduce log2 P messages for a power of two. An allreduce on other
 * rank counts leaves ranks skewed, so it has no simple form here: undefined (run.ts simulates it).
 */
export function noiselessCollectiveNs(kind: CollectiveKind, ranks: number, logGP: LogGP, bytes: number): number | undefined {
  if (kind === 'none' || ranks <= 1) return 0;
  const msg = messageNs(logGP, bytes);
  let log = 0;
  while (2 ** (log + 1) <= ranks) log++;
  const pow2 = 2 ** log === ranks;
  if (kind === 'barrier') return (pow2 ? log : log + 1) * msg;
  return pow2 ? log * msg : undefined;
}
