import { declareEvent } from './rules';

/**
 * Event kinds that rules low in the import graph schedule and higher modules handle (the
 * executor binds them). Every other event kind is defined where it is handled (noise.ts,
 * launch.ts, ipi.ts, the designs...): see rules.ts.
 */
export const Ev = {
  /** a = cpu, b = generation: the segment on `cpu` is finished. */
  SegDone: declareEvent('segment done'),
  /** a = cpu, b = generation: the interruption on `cpu` is over. */
  IntrEnd: declareEvent('interruption over'),
  /** a = thread, b = continuation: a delayed wake-up (timers, migrations, proxies, completions). */
  Wake: declareEvent('wake'),
} as const;

/** Trace record kinds of the node model. */
export const Tr = {
  /** cpu, a = cause, b = duration ns */
  IntrBegin: 1,
  /** cpu, a = cause */
  IntrEnd: 2,
  /** cpu, pid, a = elapsed ns, b = work quantum ns */
  Quantum: 3,
  /** cpu, pid, a = thread id, b = 0 app / 1 proxy */
  ThreadStart: 4,
  /** a = launch step, b = detail (bytes, count) */
  Launch: 5,
  /** cpu, a = extra ns from interference */
  Interference: 6,
  /** cpu, pid, a = thread */
  Dispatch: 7,
  Block: 8,
  Preempt: 9,
  /** cpu, pid, a = call id, b = syscall number */
  SyscallIssue: 10,
  /** cpu, pid, a = call id, b = route */
  SyscallRoute: 11,
  /** cpu = the sender's CPU, pid, a = call id, b = channel index * CHANNEL_DEPTH_SPAN + queue depth after (decoded in src/engine/trace/decode.ts) */
  ChannelInsert: 12,
  /** cpu = sender, a = receiver cpu, b = IPI purpose (IpiKind) */
  IpiSend: 13,
  /** cpu = sender, a = channel (-1: the caller's reply channel), b = reason: 0 the queue already held messages, 1 the channel polls */
  IpiSkipped: 14,
  /** cpu = syscall CPU, a = messages taken by get_list, b = channel index */
  HandlerGetList: 15,
  /** cpu = syscall CPU, pid, a = call id: routed to channel[pid] and sched_run(pid) */
  HandlerRoute: 16,
  /** cpu, pid, a = call id */
  ProxyStart: 17,
  /** cpu = the caller's LWK CPU, pid, a = call id */
  ReplyReady: 18,
  /** cpu, pid, a = call id, b = ns since reply ready */
  ReplySeen: 19,
  /** cpu, pid, a = call id, b = latency ns */
  SyscallDone: 20,
  /** cpu, pid, a = thread */
  SignalSent: 21,
  /** cpu, pid, a = thread, b = delay ns */
  SignalDelivered: 22,
  /** cpu, pid, a = bytes */
  MpiDone: 23,
  /** cpu, pid, a = call id, b = OS node index */
  OsNodeSubmit: 24,
  /** cpu = from, pid, a = to cpu */
  Migrate: 25,
  /** cpu, pid, a = fd, b = bytes buffered */
  AggBuffered: 26,
  /** cpu, pid, a = fd, b = bytes flushed */
  AggFlush: 27,
  /** cpu, pid, a = sender thread: waits for a slot in a full channel */
  ChannelFull: 28,
  /** cpu, pid, a = iteration */
  Iteration: 29,
  /** cpu, pid, a = bytes */
  Checkpoint: 30,
  /** cpu, pid, a = thread: a thread exits */
  ThreadExit: 31,
  /** cpu, pid, a = page faults, b = ns they took (first touch of Linux memory) */
  PageFault: 32,
  /** pid: a memory request could not be met (the LWK pool or a domain is full) */
  MemoryError: 33,
  /** cpu, pid (-1 for interruptions), a = new Activity: what the CPU does from now on */
  Activity: 34,
} as const;

/** ChannelInsert packs (channel, depth) into b: depth is below this (channel capacity <= 4096). */
export const CHANNEL_DEPTH_SPAN = 65536;

/** Why an IPI was sent. */
export const IpiKind = { Channel: 0, Reply: 1, Wakeup: 2, Shootdown: 3, Signal: 4 } as const;
export const IPI_KIND_NAMES = ['channel doorbell', 'reply', 'wake-up', 'TLB shootdown', 'signal'] as const;

/** Steps of the launch, in order. */
export const LAUNCH_STEPS = [
  'job received by the launch daemon (TCP/IP)',
  'LWK CPUs and memory reserved',
  'memory zeroed',
  'program loaded',
  'proxies and channels created',
  'network card configured and handed to the application',
  'application threads started',
] as const;
