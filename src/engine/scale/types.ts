/**
 * Types of the scale-mode engine: a bulk-synchronous application on N nodes, each iteration
 * W of compute then a collective, with OS noise. All times are integer nanoseconds so that
 * the fast and the reference models compute bit-identical results.
 */
import type { SimTime } from '../kernel/time';

/** One OS detour: the CPU is taken away from the application for `durationNs` from `startNs`. */
export interface Detour {
  readonly startNs: SimTime;
  readonly durationNs: SimTime;
}

/**
 * A noise profile. "Timeline" profiles (periodic, trace, empirical detours) are repeating detour
 * patterns that preempt compute and, optionally, the send/receive overheads; "delay" profiles
 * (bernoulli, exponential, uniform, empirical delays) add one i.i.d. delay to each compute phase.
 */
export type NoiseProfile =
  | { readonly kind: 'none' }
  | { readonly kind: 'periodic'; readonly periodNs: SimTime; readonly durationNs: SimTime }
  | { readonly kind: 'bernoulli'; readonly p: number; readonly delayNs: SimTime }
  | { readonly kind: 'exponential'; readonly meanNs: SimTime }
  | { readonly kind: 'uniform'; readonly maxNs: SimTime }
  /** A recorded trace: detours within one period of `periodNs`, repeating. */
  | { readonly kind: 'trace'; readonly periodNs: SimTime; readonly detours: readonly Detour[] }
  | EmpiricalProfile;

/**
 * Measured noise, e.g. FWQ samples of Linux or LWK CPUs or forwarded-call latencies from the
 * node model: either per-iteration delays (resampled with replacement) or a repeating detour list.
 */
export type EmpiricalProfile =
  | { readonly kind: 'empirical'; readonly form: 'delays'; readonly delaysNs: readonly SimTime[] }
  | { readonly kind: 'empirical'; readonly form: 'detours'; readonly periodNs: SimTime; readonly detours: readonly Detour[] };

export type CollectiveKind = 'barrier' | 'allreduce' | 'none';

/** LogGP network parameters in ns (G per byte). */
export interface LogGP {
  readonly L: SimTime;
  readonly o: SimTime;
  readonly g: SimTime;
  readonly G: SimTime;
}

export interface ScaleParams {
  /** Node counts to simulate, one result point each (1 .. 2^20). */
  readonly nodes: readonly number[];
  readonly ranksPerNode: number;
  /** 'correlated': all ranks of a node share one noise sample; 'independent': one per rank. */
  readonly rankNoise: 'correlated' | 'independent';
  readonly iterations: number;
  readonly computeNs: SimTime;
  /** 'none' is an instantaneous, zero-cost synchronisation of all ranks. */
  readonly collective: CollectiveKind;
  readonly logGP: LogGP;
  readonly messageBytes: number;
  readonly noise: NoiseProfile;
  /** 'independent': each noise source has its own phase; 'cosched': one phase shared by all. */
  readonly phase: 'independent' | 'cosched';
  /** Draw the phase anew each iteration (true) or once for the whole run (false). */
  readonly redrawPhase: boolean;
  /** Whether timeline noise also stretches the send/receive overheads o of the collective. */
  readonly chargeCollective: boolean;
  readonly seed: number;
  /** Record a histogram of per-node noise at this node count. */
  readonly histogram?: { readonly nodes: number; readonly bins: number };
}

export interface NoiseHistogram {
  readonly nodes: number;
  /** Lower edge of the first bin and width of every bin, ns of noise per iteration per node. */
  readonly minNs: number;
  readonly binWidthNs: number;
  readonly counts: readonly number[];
}

export interface ScalePoint {
  readonly nodes: number;
  readonly ranks: number;
  readonly iterations: number;
  readonly meanIterationNs: number;
  readonly noiselessIterationNs: number;
  readonly slowdown: number;
  /** Standard error of the mean iteration time, from the per-iteration samples. */
  readonly stdErrorNs: number;
  /** The closed-form expected iteration time where one exists (see closedForm). */
  readonly closedFormNs?: number;
  readonly histogram?: NoiseHistogram;
}

export const DEFAULT_LOGGP: LogGP = { L: 1000, o: 500, g: 500, G: 0 };

export const DEFAULT_SCALE_PARAMS: ScaleParams = {
  nodes: [1, 16, 256, 4096],
  ranksPerNode: 1,
  rankNoise: 'correlated',
  iterations: 100,
  computeNs: 1_000_000,
  collective: 'barrier',
  logGP: DEFAULT_LOGGP,
  messageBytes: 8,
  noise: { kind: 'none' },
  phase: 'independent',
  redrawPhase: true,
  chargeCollective: true,
  seed: 1,
};

export const MAX_NODES = 1 << 20;
