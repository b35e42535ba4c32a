/**
 * One PFS call of the detailed compute node (node 0), computed exactly and without events:
 * network out -> OS-node FCFS queue -> OS-node service -> PFS (FCFS servers + latency) -> network back.
 * In direct mode the call goes from the compute node straight to the PFS (queue = service = 0).
 */
import type { RngStream } from '../kernel/rng';
import type { SimTime } from '../kernel/time';
import { admitPfs, advanceOsNode, advancePfs, osServiceNs, type StreamFactory } from './background';
import { recordValue } from './histogram';
import { osNodeOf, pfsClients, type OsNodeParams, type PfsOp } from './params';
import type { OsNodeState } from './state';

export interface OsNodeRequest {
  /** When the call leaves the compute node (must not decrease from one call to the next). */
  readonly arrivalNs: SimTime;
  /** Payload: sent with a write, returned with a read, processed (not moved) for other ops. */
  readonly bytes: number;
  readonly op: PfsOp;
  /** Only node 0 is simulated in detail; the others are the background. */
  readonly computeNode: 0;
  /**
   * false: the OS node serves the call itself and it never reaches the PFS (a file the I/O node
   * mounts from elsewhere, stdout to the control system); default true. Direct mode ignores it.
   */
  readonly viaPfs?: boolean;
}

export interface OsNodeStages {
  /** Link queueing (messages never overtake) + transmission + latency to the OS node (or PFS). */
  readonly networkOut: SimTime;
  /** Wait in the OS node's FCFS queue (0 in direct mode). */
  readonly queue: SimTime;
  /** OS-node service time (0 in direct mode). */
  readonly service: SimTime;
  /** PFS: queue wait + bytes / bandwidth on a server + latency. */
  readonly pfs: SimTime;
  /** Latency + transmission of the reply back to the compute node. */
  readonly networkBack: SimTime;
}

export interface OsNodeResult {
  readonly stages: OsNodeStages;
  /** arrivalNs + the sum of the stages. */
  readonly completionNs: SimTime;
  /** The OS node that served the call (-1 in direct mode). */
  readonly osNode: number;
  /** When the call reached the OS node (direct mode: the PFS). */
  readonly osArrivalNs: SimTime;
  /** When the OS node started serving it (direct mode: = osArrivalNs). */
  readonly serviceStartNs: SimTime;
  /** The part of `stages.pfs` spent waiting for a PFS server. */
  readonly pfsWaitNs: SimTime;
}

function transmitNs(bytes: number, params: OsNodeParams): SimTime {
  return Math.round(bytes / params.network.bandwidthBytesPerNs);
}

/**
 * Serves one call of the detailed node. `rng` draws the detailed call's service time; `streams`
 * supplies the background's named streams (see background.ts). Mutates `state`.
 */
export function submit(state: OsNodeState, params: OsNodeParams, rng: RngStream, streams: StreamFactory, request: OsNodeRequest): OsNodeResult {
  const { arrivalNs, bytes, op } = request;
  const outBytes = op === 'write' ? bytes : 0;
  const backBytes = op === 'read' ? bytes : 0;

  // A FIFO transmitter: a later call never overtakes an earlier one, which keeps the arrivals
  // at the OS node in order (needed for the exact lazy FCFS, see background.ts).
  const txStart = Math.max(arrivalNs, state.linkFreeNs);
  const tx = transmitNs(outBytes, params);
  state.linkFreeNs = txStart + tx;
  const osArrivalNs = txStart + tx + Math.round(params.network.latencyNs);

  let k = -1;
  let serviceStartNs = osArrivalNs;
  let service = 0;
  if (params.mode !== 'direct') {
    k = osNodeOf(request.computeNode, params);
    advanceOsNode(state, params, streams, k, osArrivalNs);
    service = osServiceNs(rng, params, bytes);
    serviceStartNs = Math.max(osArrivalNs, state.os.freeNs[k]);
    state.os.freeNs[k] = serviceStartNs + service;
    state.os.waitSumNs[k] += serviceStartNs - osArrivalNs;
    state.os.busyNs[k] += service;
    state.os.servedDetailed[k]++;
    recordValue(state.detailed.queueWait, serviceStartNs - osArrivalNs);
  }
  const pfsArrivalNs = serviceStartNs + service;
  const atOsNodeOnly = request.viaPfs === false && k >= 0;
  let waitNs = 0;
  let pfsNs = 0;
  if (!atOsNodeOnly) {
    advancePfs(state, params, streams, pfsArrivalNs);
    const admitted = admitPfs(state, params, pfsArrivalNs, bytes, true);
    waitNs = admitted.waitNs;
    recordValue(state.detailed.pfsWait, waitNs);
    pfsNs = waitNs + admitted.busyNs + Math.round(params.pfs.latencyNs + params.pfs.perClientNs * pfsClients(params));
  }

  const stages: OsNodeStages = {
    networkOut: osArrivalNs - arrivalNs,
    queue: serviceStartNs - osArrivalNs,
    service,
    pfs: pfsNs,
    networkBack: Math.round(params.network.latencyNs) + transmitNs(backBytes, params),
  };
  const completionNs = pfsArrivalNs + stages.pfs + stages.networkBack;
  recordValue(state.detailed.latency, completionNs - arrivalNs);
  return { stages, completionNs, osNode: k, osArrivalNs, serviceStartNs, pfsWaitNs: waitNs };
}
