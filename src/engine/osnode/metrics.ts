/**
 * Metrics of the OS-node model, computed from the FCFS schedule kept in the state.
 * Time averages use the window [0, end], end = the later of the advanced-to time and the time
 * the server finishes its admitted work, so every admitted request lies inside the window.
 */
import { summarize, type DistributionSummary } from './histogram';
import { offeredLoad, pfsClients, pfsServers, type OsNodeMode, type OsNodeParams } from './params';
import type { OsNodeState } from './state';

export interface ServerMetrics {
  readonly servedBackground: number;
  readonly servedDetailed: number;
  /** Mean wait in the queue over all requests (background and detailed). */
  readonly meanWaitNs: number;
  /** Time-average number waiting (Little's law: total wait / window). */
  readonly meanQueueLength: number;
  /** Busy time / window (per server for the PFS). */
  readonly utilisation: number;
  /** Offered background load rho = lambda E[S] (per server for the PFS). */
  readonly offeredLoad: number;
}

export interface OsNodeMetrics {
  readonly mode: OsNodeMode;
  /** PFS clients in the current mode: K with OS nodes, N without. */
  readonly pfsClients: number;
  readonly pfsClientsWithOsNodes: number;
  readonly pfsClientsDirect: number;
  readonly served: { readonly detailed: number; readonly background: number; readonly pfs: number };
  /** The detailed node's waits in the OS-node queue (empty in direct mode). */
  readonly detailedQueueWait: DistributionSummary;
  readonly detailedPfsWait: DistributionSummary;
  /** The detailed node's end-to-end call latency. */
  readonly detailedLatency: DistributionSummary;
  /** One entry per OS node (none in direct mode). */
  readonly osNodes: readonly ServerMetrics[];
  readonly pfs: ServerMetrics;
}

function server(served: [number, number], waitSum: number, busy: number, servers: number, endNs: number, rho: number): ServerMetrics {
  const n = served[0] + served[1];
  return {
    servedBackground: served[0],
    servedDetailed: served[1],
    meanWaitNs: n === 0 ? 0 : waitSum / n,
    meanQueueLength: endNs > 0 ? waitSum / endNs : 0,
    utilisation: endNs > 0 ? busy / (endNs * servers) : 0,
    offeredLoad: rho,
  };
}

export function osNodeMetrics(state: OsNodeState, params: OsNodeParams): OsNodeMetrics {
  const os = state.os;
  const rho = offeredLoad(params);
  const osNodes: ServerMetrics[] = [];
  for (let k = 0; k < os.freeNs.length; k++) {
    const end = Math.max(os.horizonNs[k], os.freeNs[k]);
    osNodes.push(server([os.servedBg[k], os.servedDetailed[k]], os.waitSumNs[k], os.busyNs[k], 1, end, rho.osNodes[k]));
  }
  const pfs = state.pfs;
  const pfsEnd = Math.max(pfs.horizonNs, ...pfs.freeNs);
  const detailed = state.detailed.latency.count;
  return {
    mode: params.mode,
    pfsClients: pfsClients(params),
    pfsClientsWithOsNodes: pfsClients({ ...params, mode: 'osnode' }),
    pfsClientsDirect: params.computeNodes,
    served: { detailed, background: osNodes.reduce((s, m) => s + m.servedBackground, 0) + (params.mode === 'direct' ? pfs.servedBg : 0), pfs: pfs.servedBg + pfs.servedDetailed },
    detailedQueueWait: summarize(state.detailed.queueWait),
    detailedPfsWait: summarize(state.detailed.pfsWait),
    detailedLatency: summarize(state.detailed.latency),
    osNodes,
    pfs: server([pfs.servedBg, pfs.servedDetailed], pfs.waitSumNs, pfs.busyNs, pfsServers(params), pfsEnd, rho.pfs),
  };
}
