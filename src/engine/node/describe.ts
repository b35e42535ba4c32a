/** One line of text per trace record, for the "Last event" display, tooltips and exports. */
import type { TraceRecord } from '../kernel/trace';
import type { NodeConfig } from '../config/nodeConfig';
import { CAUSE_NAMES, ROLE_NAMES } from './kinds';
import { Tr } from './events';
import { formatDuration } from '../kernel/time';

export function cpuLabel(config: NodeConfig, cpu: number): string {
  return `CPU ${cpu} (${ROLE_NAMES[config.roles[cpu]]})`;
}

export function describeRecord(r: TraceRecord, config: NodeConfig): string {
  const who = r.pid >= 0 ? ` [pid ${r.pid}]` : '';
  switch (r.kind) {
    case Tr.IntrBegin:
      return `${cpuLabel(config, r.cpu)}: ${CAUSE_NAMES[r.a]} for ${formatDuration(r.b)}${who}`;
    case Tr.IntrEnd:
      return `${cpuLabel(config, r.cpu)}: ${CAUSE_NAMES[r.a]} done`;
    case Tr.Quantum:
      return `${cpuLabel(config, r.cpu)}: FWQ quantum of ${formatDuration(r.b)} took ${formatDuration(r.a)}${who}`;
    case Tr.ThreadStart:
      return `${cpuLabel(config, r.cpu)}: thread ${r.a} starts${who}`;
    case Tr.Launch:
      return `launch daemon: job started with ${r.a} process(es), ${r.b} thread(s)`;
    case Tr.Interference:
      return `${cpuLabel(config, r.cpu)}: ${formatDuration(r.a)} lost to cache and memory-bandwidth interference${who}`;
    default:
      return `event kind ${r.kind}`;
  }
}
