/**
 * The one place that knows what a trace record's `cpu`, `pid`, `a` and `b` mean for each kind
 * (src/engine/node/events.ts `Tr`): it turns a record into a typed event with named fields.
 * Views, the worker and exports read events, never raw a/b.
 *
 * To add a kind: add one line to DECODERS (the type checker refuses a `Tr` entry without one).
 * A kind this build does not know decodes to `{ type: 'unknown' }`, so a newer worker never
 * crashes an older page.
 */
import { CHANNEL_DEPTH_SPAN, Tr } from '../node/events';
import type { TraceBatch, TraceRecord } from '../kernel/trace';

type Decoder = (time: number, cpu: number, pid: number, a: number, b: number) => { readonly type: string; readonly time: number };

/** One decoder per trace kind, keyed by its name in `Tr`. */
const DECODERS = {
  IntrBegin: (time, cpu, pid, a, b) => ({ type: 'intrBegin' as const, time, cpu, pid, cause: a, durationNs: b }),
  IntrEnd: (time, cpu, pid, a) => ({ type: 'intrEnd' as const, time, cpu, pid, cause: a }),
  Quantum: (time, cpu, pid, a, b) => ({ type: 'quantum' as const, time, cpu, pid, elapsedNs: a, workNs: b }),
  ThreadStart: (time, cpu, pid, a, b) => ({ type: 'threadStart' as const, time, cpu, pid, thread: a, proxy: b === 1 }),
  Launch: (time, cpu, _pid, a, b) => ({ type: 'launch' as const, time, cpu, step: a, detail: b }),
  Interference: (time, cpu, pid, a) => ({ type: 'interference' as const, time, cpu, pid, extraNs: a }),
  Dispatch: (time, cpu, pid, a) => ({ type: 'dispatch' as const, time, cpu, pid, thread: a }),
  Block: (time, cpu, pid, a) => ({ type: 'block' as const, time, cpu, pid, thread: a }),
  Preempt: (time, cpu, pid, a) => ({ type: 'preempt' as const, time, cpu, pid, thread: a }),
  /** `syscall`: the x86_64 number, or -1 for a name the table lacks. */
  SyscallIssue: (time, cpu, pid, a, b) => ({ type: 'syscallIssue' as const, time, cpu, pid, call: a, syscall: b }),
  SyscallRoute: (time, cpu, pid, a, b) => ({ type: 'syscallRoute' as const, time, cpu, pid, call: a, route: b }),
  /** The sender's CPU; `depth` is the queue's depth after the insert. */
  ChannelInsert: (time, cpu, pid, a, b) => ({
    type: 'channelInsert' as const, time, senderCpu: cpu, pid, call: a, channel: Math.floor(b / CHANNEL_DEPTH_SPAN), depth: b % CHANNEL_DEPTH_SPAN,
  }),
  /** `purpose`: an IpiKind; `from` is -1 when no CPU sends it (a reply without a channel). */
  IpiSend: (time, cpu, pid, a, b) => ({ type: 'ipiSend' as const, time, from: cpu, to: a, purpose: b, pid }),
  /** `channel` -1: the caller's reply channel (which polls). */
  IpiSkipped: (time, cpu, pid, a, b) => ({ type: 'ipiSkipped' as const, time, cpu, pid, channel: a, reason: b === 1 ? ('polls' as const) : ('queued' as const) }),
  HandlerGetList: (time, cpu, _pid, a, b) => ({ type: 'handlerGetList' as const, time, cpu, messages: a, channel: b }),
  HandlerRoute: (time, cpu, pid, a) => ({ type: 'handlerRoute' as const, time, cpu, pid, call: a }),
  ProxyStart: (time, cpu, pid, a) => ({ type: 'proxyStart' as const, time, cpu, pid, call: a }),
  ReplyReady: (time, cpu, pid, a) => ({ type: 'replyReady' as const, time, callerCpu: cpu, pid, call: a }),
  ReplySeen: (time, cpu, pid, a, b) => ({ type: 'replySeen' as const, time, cpu, pid, call: a, sinceReadyNs: b }),
  SyscallDone: (time, cpu, pid, a, b) => ({ type: 'syscallDone' as const, time, cpu, pid, call: a, latencyNs: b }),
  SignalSent: (time, cpu, pid, a) => ({ type: 'signalSent' as const, time, cpu, pid, thread: a }),
  SignalDelivered: (time, cpu, pid, a, b) => ({ type: 'signalDelivered' as const, time, cpu, pid, thread: a, delayNs: b }),
  MpiDone: (time, cpu, pid, a) => ({ type: 'mpiDone' as const, time, cpu, pid, bytes: a }),
  /** `osNode` -1: sent straight to the parallel filesystem. */
  OsNodeSubmit: (time, cpu, pid, a, b) => ({ type: 'osNodeSubmit' as const, time, cpu, pid, call: a, osNode: b }),
  /** Out to a syscall CPU, or `back` to the thread's LWK CPU. */
  Migrate: (time, cpu, pid, a, b) => ({ type: 'migrate' as const, time, from: cpu, to: a, pid, back: b === 1 }),
  AggBuffered: (time, cpu, pid, a, b) => ({ type: 'aggBuffered' as const, time, cpu, pid, fd: a, bytes: b }),
  AggFlush: (time, cpu, pid, a, b) => ({ type: 'aggFlush' as const, time, cpu, pid, fd: a, bytes: b }),
  ChannelFull: (time, cpu, pid, a) => ({ type: 'channelFull' as const, time, cpu, pid, thread: a }),
  Iteration: (time, cpu, pid, a) => ({ type: 'iteration' as const, time, cpu, pid, iteration: a }),
  Checkpoint: (time, cpu, pid, a) => ({ type: 'checkpoint' as const, time, cpu, pid, bytes: a }),
  ThreadExit: (time, cpu, pid, a) => ({ type: 'threadExit' as const, time, cpu, pid, thread: a }),
  PageFault: (time, cpu, pid, a, b) => ({ type: 'pageFault' as const, time, cpu, pid, faults: a, faultNs: b }),
  MemoryError: (time, cpu, pid) => ({ type: 'memoryError' as const, time, cpu, pid }),
  /** `pid` -1 while the CPU handles an interruption. */
  Activity: (time, cpu, pid, a) => ({ type: 'activity' as const, time, cpu, pid, activity: a }),
} satisfies { readonly [K in keyof typeof Tr]: Decoder };

/** A record of a kind this build does not know (kept raw). */
export interface UnknownTraceEvent {
  readonly type: 'unknown';
  readonly time: number;
  readonly kind: number;
  readonly cpu: number;
  readonly pid: number;
  readonly a: number;
  readonly b: number;
}

type Decoded = { readonly [K in keyof typeof DECODERS]: Readonly<ReturnType<(typeof DECODERS)[K]>> }[keyof typeof DECODERS];

/** A decoded trace record: one member per trace kind, plus `unknown`. */
export type TraceEvent = Decoded | UnknownTraceEvent;
export type TraceEventType = TraceEvent['type'];
export type TraceEventOf<T extends TraceEventType> = Extract<TraceEvent, { readonly type: T }>;

/** Decoders by kind code, built from `Tr` (so codes are never written twice). */
const BY_KIND: (Decoder | undefined)[] = [];
for (const [name, kind] of Object.entries(Tr) as [keyof typeof Tr, number][]) BY_KIND[kind] = DECODERS[name];

export function decodeTrace(kind: number, time: number, cpu: number, pid: number, a: number, b: number): TraceEvent {
  const d = BY_KIND[kind];
  return d ? (d(time, cpu, pid, a, b) as Decoded) : { type: 'unknown', time, kind, cpu, pid, a, b };
}

export function decodeRecord(r: TraceRecord): TraceEvent {
  return decodeTrace(r.kind, r.time, r.cpu, r.pid, r.a, r.b);
}

/** Record `i` of a drained batch. */
export function decodeBatch(batch: TraceBatch, i: number): TraceEvent {
  return decodeTrace(batch.kind[i], batch.time[i], batch.cpu[i], batch.pid[i], batch.a[i], batch.b[i]);
}
