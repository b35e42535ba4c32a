/**
 * Queueing sanity: the background of one OS node is an M/G/1 queue (Poisson arrivals, log-normal
 * plus per-byte service), so its mean wait must match Pollaczek-Khinchine:
 *   W = lambda E[S^2] / (2 (1 - rho)),  rho = lambda E[S].
 * The standard error comes from batch means over consecutive time windows.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/engine/kernel/rng';
import {
  advanceBackground,
  backgroundNodesOf,
  backgroundServiceMoments,
  createOsNodeState,
  DEFAULT_OSNODE_PARAMS,
  offeredLoad,
  type OsNodeParams,
  type OsNodeState,
} from '../../../src/engine/osnode';

const SEEDS = [1, 42, 20260];
const BATCHES = 40;

function pk(lambdaPerNs: number, es: number, es2: number): number {
  return (lambdaPerNs * es2) / (2 * (1 - lambdaPerNs * es));
}

/** Batch means of the wait of one queue, read through `sums` = (total wait, count) after each window. */
function batchMeans(params: OsNodeParams, seed: number, windowNs: number, sums: (s: OsNodeState) => [number, number]): { mean: number; se: number } {
  const rng = new Rng(seed);
  const state = createOsNodeState(params);
  const streams = (n: string) => rng.stream(n);
  advanceBackground(state, params, streams, windowNs); // warm-up: the queue starts empty
  let [w0, n0] = sums(state);
  const means: number[] = [];
  for (let b = 1; b <= BATCHES; b++) {
    advanceBackground(state, params, streams, (b + 1) * windowNs);
    const [w, n] = sums(state);
    means.push((w - w0) / (n - n0));
    [w0, n0] = [w, n];
  }
  const mean = means.reduce((s, x) => s + x, 0) / BATCHES;
  const variance = means.reduce((s, x) => s + (x - mean) ** 2, 0) / (BATCHES - 1);
  return { mean, se: Math.sqrt(variance / BATCHES) };
}

describe('M/G/1: the OS-node queue matches Pollaczek-Khinchine', () => {
  // OS node 1 of 4 serves 32 compute nodes; rho = 0.7.
  const service = { perRequestNs: 10_000, sigma: 0.6, perByteNs: 0.25 };
  const meanBytes = 8_192;
  const base: OsNodeParams = { ...DEFAULT_OSNODE_PARAMS, osNodes: 4, computeNodes: 128, service, background: { requestsPerSecPerComputeNode: 0, meanBytes } };
  const { mean: es, second: es2 } = backgroundServiceMoments(base);
  const nodes = backgroundNodesOf(1, base);
  const lambdaPerNs = 0.7 / es;
  const params: OsNodeParams = { ...base, background: { requestsPerSecPerComputeNode: (lambdaPerNs * 1e9) / nodes, meanBytes } };

  it('the analytic moments agree with the offered load', () => {
    expect(offeredLoad(params).osNodes[1]).toBeCloseTo(0.7, 12);
  });

  for (const seed of SEEDS) {
    it(`seed ${seed}: |mean wait - PK| <= 4 standard errors`, () => {
      // ~5,000 requests per batch.
      const { mean, se } = batchMeans(params, seed, 5_000 / lambdaPerNs, (s) => [s.os.waitSumNs[1], s.os.servedBg[1]]);
      const exact = pk(lambdaPerNs, es, es2);
      expect(se).toBeGreaterThan(0);
      expect(se / exact).toBeLessThan(0.05);
      expect(Math.abs(mean - exact)).toBeLessThanOrEqual(4 * se);
    });
  }
});

describe('M/M/1: a one-server PFS in direct mode matches Pollaczek-Khinchine', () => {
  // Exponential sizes over a fixed bandwidth: exponential service, E[S^2] = 2 E[S]^2; rho = 0.6.
  const meanBytes = 1_048_576;
  const pfs = { latencyNs: 100_000, bandwidthBytesPerNs: 2, servers: 1 };
  const es = meanBytes / pfs.bandwidthBytesPerNs;
  const lambdaPerNs = 0.6 / es;
  const N = 64;
  const params: OsNodeParams = {
    ...DEFAULT_OSNODE_PARAMS,
    mode: 'direct',
    computeNodes: N,
    pfs: { ...pfs, perClientNs: 0 },
    background: { requestsPerSecPerComputeNode: (lambdaPerNs * 1e9) / (N - 1), meanBytes },
  };

  for (const seed of SEEDS) {
    it(`seed ${seed}`, () => {
      const { mean, se } = batchMeans(params, seed, 5_000 / lambdaPerNs, (s) => [s.pfs.waitSumNs, s.pfs.servedBg]);
      const exact = pk(lambdaPerNs, es, 2 * es * es);
      expect(offeredLoad(params).pfs).toBeCloseTo(0.6, 12);
      expect(Math.abs(mean - exact)).toBeLessThanOrEqual(4 * se);
    });
  }
});
