/**
 * The background: the N-1 compute nodes not simulated in detail, as Poisson request streams,
 * generated lazily and in time order. Each OS node draws from its own named stream (and direct
 * mode from one more), so the numbers never depend on how often or when the caller asks.
 *
 * Exactness: an FCFS server's schedule up to time t depends only on arrivals up to t. OS nodes
 * other than 0 have no detailed requests and may be advanced to any time. OS node 0 is advanced
 * only to the detailed request's arrival there: a background request arriving later queues behind
 * it, so every departure of OS node 0 before the detailed one is already known when the PFS is
 * advanced to that departure. The PFS admits arrivals from all OS nodes in time order (ties: the
 * lower OS node first), so it is an exact FCFS multi-server queue fed by the OS nodes' departures.
 */
import type { RngStream } from '../kernel/rng';
import type { SimTime } from '../kernel/time';
import { backgroundNodesOf, type OsNodeParams } from './params';
import { NOT_DRAWN, type OsNodeState } from './state';

/** Named random streams, e.g. `(name) => rng.stream(name)` with the run's `Rng`. */
export type StreamFactory = (name: string) => RngStream;

export function backgroundStreamName(k: number): string {
  return `osnode.bg.${k}`;
}
export const DIRECT_BACKGROUND_STREAM = 'osnode.bg.direct';

/** Mean time between background arrivals of `nodes` compute nodes (Infinity without any). */
function meanGapNs(nodes: number, params: OsNodeParams): number {
  const perNs = (nodes * params.background.requestsPerSecPerComputeNode) / 1e9;
  return perNs > 0 ? 1 / perNs : Infinity;
}

function firstArrival(rng: () => RngStream, mean: number): number {
  return mean === Infinity ? Infinity : Math.round(rng().exp(mean));
}

function drawBytes(rng: RngStream, params: OsNodeParams): number {
  return params.background.meanBytes > 0 ? Math.round(rng.exp(params.background.meanBytes)) : 0;
}

/** Service time at an OS node: log-normal per-request cost plus the per-byte cost, in whole ns. */
export function osServiceNs(rng: RngStream, params: OsNodeParams, bytes: number): SimTime {
  const s = params.service;
  return Math.max(0, Math.round(rng.logNormal(s.perRequestNs, s.sigma) + bytes * s.perByteNs));
}

/** Admits OS node k's background arrivals up to and including untilNs into its FCFS schedule. */
export function advanceOsNode(state: OsNodeState, params: OsNodeParams, streams: StreamFactory, k: number, untilNs: SimTime): void {
  const os = state.os;
  const mean = meanGapNs(backgroundNodesOf(k, params), params);
  const rng = (): RngStream => streams(backgroundStreamName(k));
  let next = os.nextBgNs[k];
  if (next === NOT_DRAWN) next = firstArrival(rng, mean);
  if (next <= untilNs) {
    const r = rng();
    const pending = state.os.pending[k];
    let free = os.freeNs[k];
    while (next <= untilNs) {
      const bytes = drawBytes(r, params);
      const s = osServiceNs(r, params, bytes);
      const start = Math.max(next, free);
      free = start + s;
      os.waitSumNs[k] += start - next;
      os.busyNs[k] += s;
      os.servedBg[k]++;
      pending.push(free, bytes);
      next += Math.round(r.exp(mean));
    }
    os.freeNs[k] = free;
  }
  os.nextBgNs[k] = next;
  if (untilNs > os.horizonNs[k]) os.horizonNs[k] = untilNs;
}

/** Admits one request to the PFS: the earliest-free server (lowest index on ties). Returns its wait. */
export function admitPfs(state: OsNodeState, params: OsNodeParams, arrivalNs: SimTime, bytes: number, detailed: boolean): { waitNs: SimTime; busyNs: SimTime } {
  const pfs = state.pfs;
  let best = 0;
  for (let i = 1; i < pfs.freeNs.length; i++) if (pfs.freeNs[i] < pfs.freeNs[best]) best = i;
  const start = Math.max(arrivalNs, pfs.freeNs[best]);
  const busy = Math.round(bytes / params.pfs.bandwidthBytesPerNs);
  pfs.freeNs[best] = start + busy;
  pfs.waitSumNs += start - arrivalNs;
  pfs.busyNs += busy;
  if (detailed) pfs.servedDetailed++;
  else pfs.servedBg++;
  if (arrivalNs > pfs.horizonNs) pfs.horizonNs = arrivalNs;
  return { waitNs: start - arrivalNs, busyNs: busy };
}

/** Index of the OS node whose next pending departure is earliest and <= untilNs, or -1. */
function earliestPending(state: OsNodeState, untilNs: SimTime): number {
  const { pending, pendingHead } = state.os;
  let best = -1;
  let bestT = Infinity;
  for (let k = 0; k < pending.length; k++) {
    const h = pendingHead[k];
    if (h < pending[k].length && pending[k][h] <= untilNs && pending[k][h] < bestT) {
      best = k;
      bestT = pending[k][h];
    }
  }
  return best;
}

/** Drops consumed pending entries so the arrays stay as short as the OS nodes' backlogs. */
function compact(state: OsNodeState, k: number): void {
  const arr = state.os.pending[k];
  const h = state.os.pendingHead[k];
  if (h === arr.length) {
    arr.length = 0;
    state.os.pendingHead[k] = 0;
  } else if (h >= 4096 && 2 * h >= arr.length) {
    arr.splice(0, h);
    state.os.pendingHead[k] = 0;
  }
}

/**
 * Admits every background PFS arrival up to and including untilNs, in time order.
 * OS node 0 is not advanced here (see the header); advanceBackground does that.
 */
export function advancePfs(state: OsNodeState, params: OsNodeParams, streams: StreamFactory, untilNs: SimTime): void {
  if (params.mode === 'direct') {
    advanceDirect(state, params, streams, untilNs);
    return;
  }
  for (let k = 1; k < state.os.pending.length; k++) advanceOsNode(state, params, streams, k, untilNs);
  for (let k = earliestPending(state, untilNs); k >= 0; k = earliestPending(state, untilNs)) {
    const h = state.os.pendingHead[k];
    const arr = state.os.pending[k];
    state.os.pendingHead[k] = h + 2;
    admitPfs(state, params, arr[h], arr[h + 1], false);
    compact(state, k);
  }
  if (untilNs > state.pfs.horizonNs) state.pfs.horizonNs = untilNs;
}

/** Direct mode: the N-1 background nodes send Poisson requests straight to the PFS. */
function advanceDirect(state: OsNodeState, params: OsNodeParams, streams: StreamFactory, untilNs: SimTime): void {
  const mean = meanGapNs(params.computeNodes - 1, params);
  const rng = (): RngStream => streams(DIRECT_BACKGROUND_STREAM);
  let next = state.directNextBgNs;
  if (next === NOT_DRAWN) next = firstArrival(rng, mean);
  if (next <= untilNs) {
    const r = rng();
    while (next <= untilNs) {
      admitPfs(state, params, next, drawBytes(r, params), false);
      next += Math.round(r.exp(mean));
    }
  }
  state.directNextBgNs = next;
  if (untilNs > state.pfs.horizonNs) state.pfs.horizonNs = untilNs;
}

/**
 * Brings the whole background (every OS node and the PFS) up to untilNs, e.g. before reading
 * metrics at the end of a run. Contract: later detailed requests must reach their OS node at or
 * after untilNs (true when untilNs is the caller's current simulated time).
 */
export function advanceBackground(state: OsNodeState, params: OsNodeParams, streams: StreamFactory, untilNs: SimTime): void {
  if (params.mode !== 'direct' && state.os.pending.length > 0) advanceOsNode(state, params, streams, 0, untilNs);
  advancePfs(state, params, streams, untilNs);
}
