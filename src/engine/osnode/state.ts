/**
 * State of the OS-node model: plain data only (numbers, arrays, typed arrays), so it is
 * checkpointed with the rest of the model state by the plain-data codec.
 */
import { createLogHistogram, type LogHistogram } from './histogram';
import { pfsServers, type OsNodeParams } from './params';

/** Sentinel for "the next background arrival has not been drawn yet" (drawn lazily, in stream order). */
export const NOT_DRAWN = -1;

/** Per-OS-node arrays, indexed by OS node k. */
export interface OsNodesState {
  /** When the server finishes all work admitted so far. */
  readonly freeNs: Float64Array;
  /** Next background arrival (NOT_DRAWN, or Infinity if the OS node has no background nodes). */
  readonly nextBgNs: Float64Array;
  /** Background arrivals up to this time have been admitted. */
  readonly horizonNs: Float64Array;
  /** Sum of service times admitted (for utilisation). */
  readonly busyNs: Float64Array;
  /** Sum of queue waits of all requests (for the mean wait and, by Little's law, the queue length). */
  readonly waitSumNs: Float64Array;
  readonly servedBg: Float64Array;
  readonly servedDetailed: Float64Array;
  /**
   * Background requests that left OS node k and have not yet been admitted by the PFS, as flat
   * pairs [departureNs, bytes, ...] from index pendingHead[k]; departures are non-decreasing.
   */
  readonly pending: number[][];
  readonly pendingHead: number[];
}

export interface PfsState {
  /** Per PFS server: when it finishes all work admitted so far. */
  readonly freeNs: Float64Array;
  /** PFS arrivals up to this time have been admitted. */
  horizonNs: number;
  busyNs: number;
  waitSumNs: number;
  servedBg: number;
  servedDetailed: number;
}

export interface OsNodeState {
  readonly os: OsNodesState;
  readonly pfs: PfsState;
  /** Direct mode: the next background arrival at the PFS from the N-1 compute nodes. */
  directNextBgNs: number;
  /** The detailed node's outbound transmitter: free from this time (messages never overtake). */
  linkFreeNs: number;
  /** The detailed node's requests: OS-node queue waits, PFS queue waits, end-to-end latencies. */
  readonly detailed: { readonly queueWait: LogHistogram; readonly pfsWait: LogHistogram; readonly latency: LogHistogram };
}

export function createOsNodeState(params: OsNodeParams): OsNodeState {
  const K = params.mode === 'direct' ? 0 : params.osNodes;
  const f = (): Float64Array => new Float64Array(K);
  return {
    os: {
      freeNs: f(),
      nextBgNs: new Float64Array(K).fill(NOT_DRAWN),
      horizonNs: f(),
      busyNs: f(),
      waitSumNs: f(),
      servedBg: f(),
      servedDetailed: f(),
      pending: Array.from({ length: K }, () => []),
      pendingHead: new Array<number>(K).fill(0),
    },
    pfs: { freeNs: new Float64Array(pfsServers(params)), horizonNs: 0, busyNs: 0, waitSumNs: 0, servedBg: 0, servedDetailed: 0 },
    directNextBgNs: NOT_DRAWN,
    linkFreeNs: 0,
    detailed: { queueWait: createLogHistogram(), pfsWait: createLogHistogram(), latency: createLogHistogram() },
  };
}
