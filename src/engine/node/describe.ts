/** One line of text per trace record, for the "Last event" display, tooltips and exports. */
import type { TraceRecord } from '../kernel/trace';
import type { NodeConfig } from '../config/nodeConfig';
import { ACTIVITY_NAMES, CAUSE_NAMES, ROLE_NAMES } from './kinds';
import { IPI_KIND_NAMES, LAUNCH_STEPS } from './events';
import { formatDuration } from '../kernel/time';
import { syscallName } from '../syscalls/table';
import { ROUTES } from '../descriptors';
import { decodeRecord } from '../trace/decode';

export function cpuLabel(config: NodeConfig, cpu: number): string {
  return cpu >= 0 && cpu < config.cpuCount ? `CPU ${cpu} (${ROLE_NAMES[config.roles[cpu]]})` : 'node';
}

export function describeRecord(r: TraceRecord, config: NodeConfig): string {
  const e = decodeRecord(r);
  const where = cpuLabel(config, r.cpu);
  const who = r.pid >= 0 ? ` [pid ${r.pid}]` : '';
  switch (e.type) {
    case 'intrBegin': return `${where}: ${CAUSE_NAMES[e.cause]} for ${formatDuration(e.durationNs)}${who}`;
    case 'intrEnd': return `${where}: ${CAUSE_NAMES[e.cause]} done`;
    case 'quantum': return `${where}: FWQ quantum of ${formatDuration(e.workNs)} took ${formatDuration(e.elapsedNs)}${who}`;
    case 'threadStart': return `${where}: thread ${e.thread} starts${who}`;
    case 'launch': return `launch daemon on ${where}: ${LAUNCH_STEPS[e.step] ?? `step ${e.step}`}`;
    case 'interference': return `${where}: ${formatDuration(e.extraNs)} lost to cache and memory-bandwidth interference${who}`;
    case 'dispatch': return `${where}: runs thread ${e.thread}${who}`;
    case 'block': return `${where}: thread ${e.thread} blocks${who}`;
    case 'preempt': return `${where}: thread ${e.thread} preempted${who}`;
    case 'syscallIssue': return `${where}: ${syscallName(e.syscall) ?? 'syscall'}() issued (call ${e.call})${who}`;
    case 'syscallRoute': return `${where}: call ${e.call} goes to ${ROUTES[e.route]?.phrase ?? `route ${e.route}`}${who}`;
    case 'channelInsert': {
      const cpu = config.syscallCpuOf[e.senderCpu] ?? -1;
      return `${where}: call ${e.call} queued in Linux channel ${e.channel}${cpu >= 0 ? ` (syscall CPU ${cpu})` : ''}, depth ${e.depth}${who}`;
    }
    case 'ipiSend': return `${where}: sends a ${IPI_KIND_NAMES[e.purpose]} IPI to ${cpuLabel(config, e.to)}${who}`;
    case 'ipiSkipped':
      return e.reason === 'queued' ? `${where}: no IPI: the channel already held messages (rides on the pending IPI)${who}` : `${where}: no IPI: the channel polls${who}`;
    case 'handlerGetList': return `${where}: IPI handler takes ${e.messages} message(s) with get_list()`;
    case 'handlerRoute': return `${where}: handler routes call ${e.call} to channel[${e.pid}] and calls sched_run(${e.pid})`;
    case 'proxyStart': return `${where}: proxy serves call ${e.call}${who}`;
    case 'replyReady': return `${where}: reply ready for call ${e.call}${who}`;
    case 'replySeen': return `${where}: reply seen for call ${e.call}, ${formatDuration(e.sinceReadyNs)} after it was ready${who}`;
    case 'syscallDone': return `${where}: call ${e.call} complete in ${formatDuration(e.latencyNs)}${who}`;
    case 'signalSent': return `${where}: signal sent to thread ${e.thread}${who}`;
    case 'signalDelivered': return `${where}: signal delivered to thread ${e.thread} after ${formatDuration(e.delayNs)}${who}`;
    case 'mpiDone': return `${where}: MPI halo exchange of ${e.bytes} bytes through the network card (OS bypass)${who}`;
    case 'osNodeSubmit': return e.osNode >= 0 ? `${where}: call ${e.call} shipped to OS node ${e.osNode}${who}` : `${where}: call ${e.call} sent to the parallel filesystem${who}`;
    case 'migrate': return `${where}: thread migrates to ${cpuLabel(config, e.to)}${who}`;
    case 'aggBuffered': return `${where}: glibc buffers a small write on fd ${e.fd} (${e.bytes} bytes held)${who}`;
    case 'aggFlush': return `${where}: glibc flushes ${e.bytes} bytes on fd ${e.fd}${who}`;
    case 'channelFull': return `${where}: Linux channel full: thread ${e.thread} waits for a slot${who}`;
    case 'iteration': return `${where}: iteration ${e.iteration} done${who}`;
    case 'checkpoint': return `${where}: checkpoint of ${e.bytes} bytes written${who}`;
    case 'threadExit': return `${where}: thread ${e.thread} exits${who}`;
    case 'pageFault': return `${where}: ${e.faults} page fault(s) on first touch took ${formatDuration(e.faultNs)}${who}`;
    case 'activity': return `${where}: now ${ACTIVITY_NAMES[e.activity] ?? 'unknown'}${who}`;
    case 'memoryError': return `memory request of pid ${e.pid} could not be met`;
    case 'unknown': return `event kind ${e.kind}`;
    default:
      e satisfies never;
      return '';
  }
}
