/** OS nodes, network and parallel filesystem: an exact, event-free FCFS calculator (docs/osnodes.md). */
export * from './params';
export { createOsNodeState, NOT_DRAWN, type OsNodeState, type OsNodesState, type PfsState } from './state';
export { submit, type OsNodeRequest, type OsNodeResult, type OsNodeStages } from './submit';
export {
  advanceBackground,
  advanceOsNode,
  advancePfs,
  backgroundStreamName,
  DIRECT_BACKGROUND_STREAM,
  type StreamFactory,
} from './background';
export { osNodeMetrics, type OsNodeMetrics, type ServerMetrics } from './metrics';
export { createLogHistogram, percentile, recordValue, summarize, LOG_HISTOGRAM_BINS, type DistributionSummary, type LogHistogram } from './histogram';
