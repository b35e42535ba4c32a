import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/engine/kernel/rng';
import { decodePlain, encodePlain } from '../../../src/engine/kernel/plainData';
import {
  advanceBackground,
  computeNodesOf,
  createOsNodeState,
  DEFAULT_OSNODE_PARAMS,
  offeredLoad,
  osNodeMetrics,
  osNodeOf,
  submit,
  validateOsNodeParams,
  type OsNodeParams,
  type OsNodeRequest,
  type OsNodeResult,
  type OsNodeState,
} from '../../../src/engine/osnode';

/** No background, no spread: every stage is a closed form. */
const QUIET: OsNodeParams = {
  ...DEFAULT_OSNODE_PARAMS,
  osNodes: 4,
  computeNodes: 16,
  network: { latencyNs: 1_000, bandwidthBytesPerNs: 10 },
  service: { perRequestNs: 20_000, sigma: 0, perByteNs: 0.5 },
  pfs: { latencyNs: 100_000, bandwidthBytesPerNs: 2, servers: 2, perClientNs: 0 },
  background: { requestsPerSecPerComputeNode: 0, meanBytes: 0 },
};

function run(params: OsNodeParams, seed: number, reqs: readonly OsNodeRequest[], state = createOsNodeState(params)): { results: OsNodeResult[]; state: OsNodeState } {
  const rng = new Rng(seed);
  const results = reqs.map((r) => submit(state, params, rng.stream('osnode.detail'), (n) => rng.stream(n), r));
  return { results, state };
}

function requests(count: number, gapNs: number): OsNodeRequest[] {
  const ops = ['read', 'write', 'open', 'stat', 'fsync', 'close'] as const;
  return Array.from({ length: count }, (_, i) => ({ arrivalNs: i * gapNs, bytes: i % 3 === 0 ? 0 : 65_536 * (i % 5), op: ops[i % ops.length], computeNode: 0 }));
}

describe('OS-node parameters', () => {
  it('the defaults are valid and stable (offered load < 1)', () => {
    expect(validateOsNodeParams(DEFAULT_OSNODE_PARAMS)).toEqual([]);
    const rho = offeredLoad(DEFAULT_OSNODE_PARAMS);
    expect(Math.max(...rho.osNodes)).toBeLessThan(1);
    expect(rho.pfs).toBeLessThan(1);
  });

  it('rejects nonsense with readable sentences', () => {
    const errors = validateOsNodeParams({ ...QUIET, osNodes: 0, network: { latencyNs: -1, bandwidthBytesPerNs: 0 } });
    expect(errors.join('\n')).toMatch(/osNodes must be a positive integer/);
    expect(errors.join('\n')).toMatch(/network.latencyNs/);
    expect(errors.join('\n')).toMatch(/network.bandwidthBytesPerNs/);
  });

  it('maps compute node c to OS node c mod K and covers every node once', () => {
    for (const [K, N] of [[1, 1], [4, 16], [16, 1024], [7, 100], [8, 5]]) {
      const p = { ...QUIET, osNodes: K, computeNodes: N };
      let total = 0;
      for (let k = 0; k < K; k++) {
        total += computeNodesOf(k, p);
        for (let c = 0; c < N; c++) if (osNodeOf(c, p) === k) expect(c % K).toBe(k);
      }
      expect(total).toBe(N);
    }
  });
});

describe('submit', () => {
  it('an idle system gives the closed-form stages', () => {
    const { results } = run(QUIET, 1, [{ arrivalNs: 5_000, bytes: 100_000, op: 'write', computeNode: 0 }]);
    const r = results[0];
    expect(r.osNode).toBe(0);
    expect(r.stages).toEqual({ networkOut: 1_000 + 10_000, queue: 0, service: 20_000 + 50_000, pfs: 50_000 + 100_000, networkBack: 1_000 });
    expect(r.completionNs).toBe(5_000 + 11_000 + 70_000 + 150_000 + 1_000);
  });

  it('a read returns its payload over the network', () => {
    const { results } = run(QUIET, 1, [{ arrivalNs: 0, bytes: 100_000, op: 'read', computeNode: 0 }]);
    expect(results[0].stages.networkOut).toBe(1_000);
    expect(results[0].stages.networkBack).toBe(11_000);
  });

  it('the stages add up to the completion time, with the defaults and background load', () => {
    const { results } = run(DEFAULT_OSNODE_PARAMS, 7, requests(200, 300_000));
    for (const [i, r] of results.entries()) {
      const s = r.stages;
      expect(i * 300_000 + s.networkOut + s.queue + s.service + s.pfs + s.networkBack).toBe(r.completionNs);
      expect(Math.min(s.networkOut, s.queue, s.service, s.pfs, s.networkBack)).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(r.completionNs)).toBe(true);
    }
  });

  it('back-to-back calls queue behind each other on one OS node', () => {
    const burst = Array.from({ length: 3 }, (): OsNodeRequest => ({ arrivalNs: 0, bytes: 0, op: 'stat', computeNode: 0 }));
    const { results } = run(QUIET, 1, burst);
    expect(results.map((r) => r.stages.queue)).toEqual([0, 20_000, 40_000]);
  });

  it('direct mode has no OS-node stage, and the PFS sees N clients instead of K', () => {
    const direct = { ...DEFAULT_OSNODE_PARAMS, mode: 'direct' as const };
    const { results, state } = run(direct, 3, requests(100, 500_000));
    for (const r of results) {
      expect(r.osNode).toBe(-1);
      expect(r.stages.queue).toBe(0);
      expect(r.stages.service).toBe(0);
    }
    const m = osNodeMetrics(state, direct);
    expect(m.pfsClients).toBe(1024);
    expect(m.osNodes).toEqual([]);
    expect(m.detailedQueueWait.count).toBe(0);
    const via = osNodeMetrics(run(DEFAULT_OSNODE_PARAMS, 3, requests(10, 500_000)).state, DEFAULT_OSNODE_PARAMS);
    expect(via.pfsClients).toBe(16);
    expect(via.pfsClientsWithOsNodes).toBe(16);
    expect(via.pfsClientsDirect).toBe(1024);
  });
});

describe('determinism', () => {
  const reqs = requests(300, 200_000);

  it('same seeds and requests give the same results and state bytes', () => {
    const a = run(DEFAULT_OSNODE_PARAMS, 11, reqs);
    const b = run(DEFAULT_OSNODE_PARAMS, 11, reqs);
    expect(b.results).toEqual(a.results);
    expect(encodePlain(b.state)).toEqual(encodePlain(a.state));
    expect(run(DEFAULT_OSNODE_PARAMS, 12, reqs).results).not.toEqual(a.results);
  });

  it('the background does not depend on how often the caller advances it', () => {
    for (const params of [DEFAULT_OSNODE_PARAMS, { ...DEFAULT_OSNODE_PARAMS, mode: 'direct' as const }]) {
      const plain = run(params, 5, reqs).results;
      const rng = new Rng(5);
      const state = createOsNodeState(params);
      const streams = (n: string) => rng.stream(n);
      const chatty = reqs.map((r) => {
        advanceBackground(state, params, streams, r.arrivalNs);
        return submit(state, params, rng.stream('osnode.detail'), streams, r);
      });
      expect(chatty).toEqual(plain);
    }
  });

  it('a checkpoint of the state (and streams) continues identically', () => {
    const whole = run(DEFAULT_OSNODE_PARAMS, 9, reqs).results;
    const rng = new Rng(9);
    const state = createOsNodeState(DEFAULT_OSNODE_PARAMS);
    const first = reqs.slice(0, 150).map((r) => submit(state, DEFAULT_OSNODE_PARAMS, rng.stream('osnode.detail'), (n) => rng.stream(n), r));
    const restored = decodePlain<OsNodeState>(encodePlain(state));
    const rng2 = Rng.fromImage(9, rng.image());
    const rest = reqs.slice(150).map((r) => submit(restored, DEFAULT_OSNODE_PARAMS, rng2.stream('osnode.detail'), (n) => rng2.stream(n), r));
    expect([...first, ...rest]).toEqual(whole);
  });
});

describe('metrics', () => {
  it('count requests and report utilisation near the offered load', () => {
    const params = { ...DEFAULT_OSNODE_PARAMS, computeNodes: 256, osNodes: 4 };
    const { state } = run(params, 2, requests(50, 2_000_000));
    const m = osNodeMetrics(state, params);
    expect(m.served.detailed).toBe(50);
    expect(m.osNodes[0].servedDetailed).toBe(50);
    expect(m.served.background).toBe(m.osNodes.reduce((s, o) => s + o.servedBackground, 0));
    expect(m.served.pfs).toBeGreaterThanOrEqual(50);
    expect(m.detailedQueueWait.count).toBe(50);
    expect(m.detailedQueueWait.p50Ns).toBeLessThanOrEqual(m.detailedQueueWait.p99Ns);
    expect(m.detailedQueueWait.p99Ns).toBeLessThanOrEqual(m.detailedQueueWait.maxNs);
    for (const o of m.osNodes.slice(1)) {
      expect(o.utilisation).toBeGreaterThan(0);
      expect(o.utilisation).toBeLessThan(1);
      expect(o.meanQueueLength).toBeGreaterThanOrEqual(0);
    }
  });
});
