/**
 * Parameters of the OS-node model: K OS nodes forward the parallel-filesystem (PFS) calls of N
 * compute nodes (docs/osnodes.md). Compute node c is served by OS node (c mod K), so the load is
 * spread round-robin and node 0, the one simulated in detail, is always on OS node 0.
 */
import type { SimTime } from '../kernel/time';

export type OsNodeMode = 'osnode' | 'direct';

/** File calls that may target the PFS; only read and write move payload over the network. */
export type PfsOp = 'read' | 'write' | 'open' | 'close' | 'stat' | 'fsync' | 'lseek' | 'other';

export interface OsNodeParams {
  /** K: OS (I/O) nodes. */
  readonly osNodes: number;
  /** N: compute nodes, node 0 in detail and N-1 as background load. */
  readonly computeNodes: number;
  /** Compute node <-> OS node (or <-> PFS in direct mode) link: a delay plus a FIFO transmitter. */
  readonly network: { readonly latencyNs: SimTime; readonly bandwidthBytesPerNs: number };
  /** One FCFS server per OS node: log-normal per-request cost plus a per-byte (copy) cost. */
  readonly service: { readonly perRequestNs: SimTime; readonly sigma: number; readonly perByteNs: number };
  /**
   * PFS back end: `servers` FCFS servers shared by all clients, each busy bytes / bandwidth per
   * request; `latencyNs` is a pure delay (storage network hop, device) that occupies no server.
   */
  readonly pfs: {
    readonly latencyNs: SimTime;
    readonly bandwidthBytesPerNs: number;
    readonly servers?: number;
    /** Metadata and lock contention: added to each request's latency per client of the PFS (K with OS nodes, N without). */
    readonly perClientNs: number;
  };
  /** Work of the PFS client on a compute node that is its own client (direct mode): Poisson, log-normal. */
  readonly client: { readonly ratePerSec: number; readonly medianNs: SimTime; readonly sigma: number };
  /** Each background compute node: Poisson requests with exponentially distributed sizes. */
  readonly background: { readonly requestsPerSecPerComputeNode: number; readonly meanBytes: number };
  /** 'osnode': calls go through the OS nodes; 'direct': every compute node is its own PFS client. */
  readonly mode: OsNodeMode;
}

export const DEFAULT_OSNODE_PARAMS: OsNodeParams = {
  // 64 compute nodes per I/O node, as on Blue Gene/P Intrepid (40,960 compute, 640 I/O nodes);
  // IBM CNK machines range from 8 to 128 (docs/sources.md, Blue Gene I/O nodes).
  osNodes: 16,
  computeNodes: 1024,
  network: {
    // ASSUMPTION: ~1 us one-way, typical of InfiniBand/Slingshot-class HPC interconnects.
    latencyNs: 1_000,
    // 100 Gb/s = 12.5 bytes/ns (EDR InfiniBand, HDR100).
    bandwidthBytesPerNs: 12.5,
  },
  service: {
    // ASSUMPTION: 20 us median per forwarded call on the OS node (unpack, syscall, reply);
    // CIOD/CIOS per-call costs are not published.
    perRequestNs: 20_000,
    // ASSUMPTION: moderate spread (p99/p50 ~ 3.2).
    sigma: 0.5,
    // ASSUMPTION: 0.2 ns/byte, i.e. the OS node copies payload at ~5 GB/s.
    perByteNs: 0.2,
  },
  pfs: {
    // ASSUMPTION: 200 us per PFS request (storage network, server, cache), Lustre/GPFS order.
    latencyNs: 200_000,
    // ASSUMPTION: 1.5 GB/s per server; 64 servers give ~96 GB/s, the order of Intrepid's GPFS.
    bandwidthBytesPerNs: 1.5,
    servers: 64,
    // ASSUMPTION: 50 ns of metadata/lock contention per client: 51 us with 1,024 direct clients, 0.8 us with 16 OS nodes.
    perClientNs: 50,
  },
  // ASSUMPTION: a PFS client (Lustre's ptlrpcd, pinger and lock callbacks, for one) works 10 times a second for ~20 us.
  client: { ratePerSec: 10, medianNs: 20_000, sigma: 0.6 },
  background: {
    // ASSUMPTION: 20 PFS calls per second per node, 1 MiB each (a checkpointing application);
    // with the numbers above: OS-node utilisation ~0.29, PFS ~0.22 (offeredLoad()).
    requestsPerSecPerComputeNode: 20,
    meanBytes: 1_048_576,
  },
  mode: 'osnode',
};

/** The OS node that serves compute node c. */
export function osNodeOf(computeNode: number, params: OsNodeParams): number {
  return computeNode % params.osNodes;
}

/** Compute nodes served by OS node k (c = k, k + K, k + 2K, ... < N). */
export function computeNodesOf(k: number, params: OsNodeParams): number {
  const { osNodes: K, computeNodes: N } = params;
  return k < N ? Math.floor((N - 1 - k) / K) + 1 : 0;
}

/** Background compute nodes of OS node k (node 0 is simulated in detail, not as background). */
export function backgroundNodesOf(k: number, params: OsNodeParams): number {
  return computeNodesOf(k, params) - (k === 0 ? 1 : 0);
}

export function pfsServers(params: OsNodeParams): number {
  return params.pfs.servers ?? 1;
}

/** PFS clients: the OS nodes, or every compute node in direct mode. */
export function pfsClients(params: OsNodeParams): number {
  return params.mode === 'direct' ? params.computeNodes : Math.min(params.osNodes, params.computeNodes);
}

/**
 * First two moments of a background request's OS-node service time
 * S = L + perByte * B, L log-normal(median m, sigma), B exponential(mean b), independent:
 * E[L] = m e^(s^2/2), E[L^2] = m^2 e^(2 s^2), E[B^2] = 2 b^2.
 */
export function backgroundServiceMoments(params: OsNodeParams): { mean: number; second: number } {
  const { perRequestNs: m, sigma: s, perByteNs: p } = params.service;
  const b = params.background.meanBytes;
  const eL = m * Math.exp((s * s) / 2);
  const eL2 = m * m * Math.exp(2 * s * s);
  return { mean: eL + p * b, second: eL2 + 2 * eL * p * b + p * p * 2 * b * b };
}

/** Offered loads: rho of each OS node's server and of the PFS servers (per server) from background. */
export function offeredLoad(params: OsNodeParams): { osNodes: number[]; pfs: number } {
  const perNs = params.background.requestsPerSecPerComputeNode / 1e9;
  const es = backgroundServiceMoments(params).mean;
  const osNodes = params.mode === 'direct' ? [] : Array.from({ length: params.osNodes }, (_, k) => backgroundNodesOf(k, params) * perNs * es);
  const pfsBusy = params.background.meanBytes / params.pfs.bandwidthBytesPerNs;
  return { osNodes, pfs: ((params.computeNodes - 1) * perNs * pfsBusy) / pfsServers(params) };
}

/** Problems with the parameters, as human sentences (empty when valid). */
export function validateOsNodeParams(p: OsNodeParams): string[] {
  const errors: string[] = [];
  const posInt = (x: number, name: string): void => {
    if (!Number.isSafeInteger(x) || x < 1) errors.push(`${name} must be a positive integer (got ${x})`);
  };
  const nonNeg = (x: number, name: string): void => {
    if (!Number.isFinite(x) || x < 0) errors.push(`${name} must be a finite number >= 0 (got ${x})`);
  };
  const pos = (x: number, name: string): void => {
    if (!Number.isFinite(x) || x <= 0) errors.push(`${name} must be a finite number > 0 (got ${x})`);
  };
  posInt(p.osNodes, 'osNodes');
  posInt(p.computeNodes, 'computeNodes');
  posInt(pfsServers(p), 'pfs.servers');
  nonNeg(p.network.latencyNs, 'network.latencyNs');
  pos(p.network.bandwidthBytesPerNs, 'network.bandwidthBytesPerNs');
  nonNeg(p.service.perRequestNs, 'service.perRequestNs');
  nonNeg(p.service.sigma, 'service.sigma');
  nonNeg(p.service.perByteNs, 'service.perByteNs');
  nonNeg(p.pfs.latencyNs, 'pfs.latencyNs');
  pos(p.pfs.bandwidthBytesPerNs, 'pfs.bandwidthBytesPerNs');
  nonNeg(p.pfs.perClientNs, 'pfs.perClientNs');
  nonNeg(p.client.ratePerSec, 'client.ratePerSec');
  nonNeg(p.client.medianNs, 'client.medianNs');
  nonNeg(p.background.requestsPerSecPerComputeNode, 'background.requestsPerSecPerComputeNode');
  nonNeg(p.background.meanBytes, 'background.meanBytes');
  if (p.mode !== 'osnode' && p.mode !== 'direct') errors.push(`mode must be 'osnode' or 'direct' (got ${String(p.mode)})`);
  return errors;
}
