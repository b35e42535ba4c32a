/** One line of text per trace record, for the "Last event" display, tooltips and exports. */
import type { TraceRecord } from '../kernel/trace';
import type { NodeConfig } from '../config/nodeConfig';
import { ACTIVITY_NAMES, CAUSE_NAMES, ROLE_NAMES } from './kinds';
import { CHANNEL_DEPTH_SPAN, IPI_KIND_NAMES, LAUNCH_STEPS, Tr } from './events';
import { formatDuration } from '../kernel/time';
import { syscallName } from '../syscalls/table';
import { ROUTE_NAMES } from '../syscalls/calls';

export function cpuLabel(config: NodeConfig, cpu: number): string {
  return cpu >= 0 && cpu < config.cpuCount ? `CPU ${cpu} (${ROLE_NAMES[config.roles[cpu]]})` : 'node';
}

const ROUTE_TEXT = ['glibc (user space)', 'the LWK', 'Linux', 'an OS node'] as const;

export function describeRecord(r: TraceRecord, config: NodeConfig): string {
  const where = cpuLabel(config, r.cpu);
  const who = r.pid >= 0 ? ` [pid ${r.pid}]` : '';
  switch (r.kind) {
    case Tr.IntrBegin: return `${where}: ${CAUSE_NAMES[r.a]} for ${formatDuration(r.b)}${who}`;
    case Tr.IntrEnd: return `${where}: ${CAUSE_NAMES[r.a]} done`;
    case Tr.Quantum: return `${where}: FWQ quantum of ${formatDuration(r.b)} took ${formatDuration(r.a)}${who}`;
    case Tr.ThreadStart: return `${where}: thread ${r.a} starts${who}`;
    case Tr.Launch: return `launch daemon on ${where}: ${LAUNCH_STEPS[r.a] ?? `step ${r.a}`}`;
    case Tr.Interference: return `${where}: ${formatDuration(r.a)} lost to cache and memory-bandwidth interference${who}`;
    case Tr.Dispatch: return `${where}: runs thread ${r.a}${who}`;
    case Tr.Block: return `${where}: thread ${r.a} blocks${who}`;
    case Tr.Preempt: return `${where}: thread ${r.a} preempted${who}`;
    case Tr.SyscallIssue: return `${where}: ${syscallName(r.b) ?? 'syscall'}() issued (call ${r.a})${who}`;
    case Tr.SyscallRoute: return `${where}: call ${r.a} goes to ${ROUTE_TEXT[r.b] ?? ROUTE_NAMES[r.b]}${who}`;
    case Tr.ChannelInsert: {
      const channel = Math.floor(r.b / CHANNEL_DEPTH_SPAN);
      const cpu = config.syscallCpuOf[r.cpu] ?? -1;
      return `${where}: call ${r.a} queued in Linux channel ${channel}${cpu >= 0 ? ` (syscall CPU ${cpu})` : ''}, depth ${r.b % CHANNEL_DEPTH_SPAN}${who}`;
    }
    case Tr.IpiSend: return `${where}: sends a ${IPI_KIND_NAMES[r.b]} IPI to ${cpuLabel(config, r.a)}${who}`;
    case Tr.IpiSkipped:
      return r.b === 0 ? `${where}: no IPI: the channel already held messages (rides on the pending IPI)${who}` : `${where}: no IPI: the channel polls${who}`;
    case Tr.HandlerGetList: return `${where}: IPI handler takes ${r.a} message(s) with get_list()`;
    case Tr.HandlerRoute: return `${where}: handler routes call ${r.a} to channel[${r.pid}] and calls sched_run(${r.pid})`;
    case Tr.ProxyStart: return `${where}: proxy serves call ${r.a}${who}`;
    case Tr.ReplyReady: return `${where}: reply ready for call ${r.a}${who}`;
    case Tr.ReplySeen: return `${where}: reply seen for call ${r.a}, ${formatDuration(r.b)} after it was ready${who}`;
    case Tr.SyscallDone: return `${where}: call ${r.a} complete in ${formatDuration(r.b)}${who}`;
    case Tr.SignalSent: return `${where}: signal sent to thread ${r.a}${who}`;
    case Tr.SignalDelivered: return `${where}: signal delivered to thread ${r.a} after ${formatDuration(r.b)}${who}`;
    case Tr.MpiDone: return `${where}: MPI halo exchange of ${r.a} bytes through the network card (OS bypass)${who}`;
    case Tr.OsNodeSubmit: return r.b >= 0 ? `${where}: call ${r.a} shipped to OS node ${r.b}${who}` : `${where}: call ${r.a} sent to the parallel filesystem${who}`;
    case Tr.Migrate: return `${where}: thread migrates to ${cpuLabel(config, r.a)}${who}`;
    case Tr.AggBuffered: return `${where}: glibc buffers a small write on fd ${r.a} (${r.b} bytes held)${who}`;
    case Tr.AggFlush: return `${where}: glibc flushes ${r.b} bytes on fd ${r.a}${who}`;
    case Tr.ChannelFull: return `${where}: Linux channel full: thread ${r.a} waits for a slot${who}`;
    case Tr.Iteration: return `${where}: iteration ${r.a} done${who}`;
    case Tr.Checkpoint: return `${where}: checkpoint of ${r.a} bytes written${who}`;
    case Tr.ThreadExit: return `${where}: thread ${r.a} exits${who}`;
    case Tr.PageFault: return `${where}: ${r.a} page fault(s) on first touch took ${formatDuration(r.b)}${who}`;
    case Tr.Activity: return `${where}: now ${ACTIVITY_NAMES[r.a] ?? 'unknown'}${who}`;
    case Tr.MemoryError: return `memory request of pid ${r.pid} could not be met`;
    default: return `event kind ${r.kind}`;
  }
}
