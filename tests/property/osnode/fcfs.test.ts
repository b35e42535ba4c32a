import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from '../../../src/engine/kernel/rng';
import {
  advanceBackground,
  createOsNodeState,
  DEFAULT_OSNODE_PARAMS,
  submit,
  type OsNodeParams,
  type OsNodeRequest,
  type OsNodeResult,
  type PfsOp,
} from '../../../src/engine/osnode';
import { referenceRun } from './reference';

const OPS: PfsOp[] = ['read', 'write', 'open', 'close', 'stat', 'fsync', 'lseek', 'other'];

const paramsArb: fc.Arbitrary<OsNodeParams> = fc
  .record({
    osNodes: fc.integer({ min: 1, max: 8 }),
    computeNodes: fc.integer({ min: 1, max: 64 }),
    servers: fc.integer({ min: 1, max: 4 }),
    rate: fc.integer({ min: 0, max: 3_000 }),
    meanBytes: fc.constantFrom(0, 4_096, 65_536),
    sigma: fc.double({ min: 0, max: 1, noNaN: true }),
    mode: fc.constantFrom('osnode' as const, 'direct' as const),
  })
  .map((r) => ({
    ...DEFAULT_OSNODE_PARAMS,
    osNodes: r.osNodes,
    computeNodes: r.computeNodes,
    service: { perRequestNs: 20_000, sigma: r.sigma, perByteNs: 0.2 },
    pfs: { latencyNs: 50_000, bandwidthBytesPerNs: 1.5, servers: r.servers, perClientNs: 0 },
    background: { requestsPerSecPerComputeNode: r.rate, meanBytes: r.meanBytes },
    mode: r.mode,
  }));

const requestsArb: fc.Arbitrary<OsNodeRequest[]> = fc
  .array(fc.record({ gap: fc.integer({ min: 0, max: 400_000 }), bytes: fc.integer({ min: 0, max: 1 << 20 }), op: fc.constantFrom(...OPS) }), { minLength: 1, maxLength: 30 })
  .map((xs) => {
    let t = 0;
    return xs.map((x) => ({ arrivalNs: (t += x.gap), bytes: x.bytes, op: x.op, computeNode: 0 as const }));
  });

function run(params: OsNodeParams, seed: number, reqs: readonly OsNodeRequest[], advanceEvery = 0): OsNodeResult[] {
  const rng = new Rng(seed);
  const state = createOsNodeState(params);
  const streams = (n: string) => rng.stream(n);
  return reqs.map((r, i) => {
    if (advanceEvery > 0 && i % advanceEvery === 0) advanceBackground(state, params, streams, r.arrivalNs);
    return submit(state, params, rng.stream('osnode.detail'), streams, r);
  });
}

describe('OS-node FCFS properties', () => {
  it('requests are served in order: never before arrival, never before the previous one finished', () => {
    fc.assert(
      fc.property(paramsArb, requestsArb, fc.integer({ min: 0, max: 1_000 }), (params, reqs, seed) => {
        let prevArrival = -Infinity;
        let prevDone = -Infinity;
        for (const [i, r] of run(params, seed, reqs).entries()) {
          const s = r.stages;
          expect(r.osArrivalNs).toBeGreaterThanOrEqual(prevArrival);
          expect(r.serviceStartNs).toBeGreaterThanOrEqual(r.osArrivalNs);
          expect(r.serviceStartNs).toBeGreaterThanOrEqual(prevDone);
          expect(r.serviceStartNs + s.service).toBeGreaterThanOrEqual(prevDone);
          expect(Math.min(s.networkOut, s.queue, s.service, s.pfs, s.networkBack, r.pfsWaitNs)).toBeGreaterThanOrEqual(0);
          expect(reqs[i].arrivalNs + s.networkOut + s.queue + s.service + s.pfs + s.networkBack).toBe(r.completionNs);
          if (params.mode === 'direct') expect(s.queue + s.service).toBe(0);
          prevArrival = r.osArrivalNs;
          prevDone = r.serviceStartNs + s.service;
        }
      }),
      { numRuns: 60, seed: 4242 },
    );
  });

  it('the lazy calculator equals a brute-force tandem-queue reference exactly', () => {
    fc.assert(
      fc.property(paramsArb, requestsArb, fc.integer({ min: 0, max: 1_000 }), (params, reqs, seed) => {
        const lazy = run(params, seed, reqs);
        const ref = referenceRun(params, seed, reqs);
        expect(lazy.map((r) => r.completionNs)).toEqual(ref.completionNs);
        expect(lazy.map((r) => r.stages.queue)).toEqual(ref.queue);
        expect(lazy.map((r) => r.pfsWaitNs)).toEqual(ref.pfsWait);
      }),
      { numRuns: 60, seed: 777 },
    );
  });

  it('results do not depend on how often the background is advanced', () => {
    fc.assert(
      fc.property(paramsArb, requestsArb, fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 1, max: 5 }), (params, reqs, seed, every) => {
        expect(run(params, seed, reqs, every)).toEqual(run(params, seed, reqs));
      }),
      { numRuns: 60, seed: 99 },
    );
  });
});
