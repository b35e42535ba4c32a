/**
 * The moments people come to see, as registered predicates on decoded trace events: "run to the
 * next doorbell IPI" searches for the first event whose records match. One registry: the worker,
 * the page's buttons and keys, and tests read it.
 */
import type { TraceEvent } from '../trace/decode';
import { IpiKind } from '../node/events';

/** What a moment may be narrowed to: a call name (x86_64 number) and/or a process. */
export interface MomentTarget {
  readonly syscall?: number;
  readonly pid?: number;
}

export interface Moment {
  /** Stable key (protocol, URLs, tests). */
  readonly key: string;
  /** Button text: "Next doorbell IPI". */
  readonly label: string;
  /** Why it is worth stopping at, for tooltips. */
  readonly why: string;
  /** Whether a call name or process narrows it. */
  readonly targeted: boolean;
  match(e: TraceEvent, target: MomentTarget): boolean;
}

const moments = new Map<string, Moment>();

export function registerMoment(m: Moment): Moment {
  if (moments.has(m.key)) throw new Error(`moment "${m.key}" is registered twice`);
  moments.set(m.key, m);
  return m;
}

export function allMoments(): readonly Moment[] {
  return [...moments.values()];
}

export function momentByKey(key: string): Moment | undefined {
  return moments.get(key);
}

const forPid = (e: { pid: number }, t: MomentTarget) => t.pid === undefined || e.pid === t.pid;

registerMoment({
  key: 'burst',
  label: 'Next syscall burst',
  why: 'A forwarded call finds its channel empty: the first message of a burst, which rings the doorbell.',
  targeted: true,
  match: (e, t) => e.type === 'channelInsert' && e.depth === 1 && forPid(e, t),
});
registerMoment({
  key: 'doorbell',
  label: 'Next doorbell IPI',
  why: 'The LWK interrupts a syscall CPU to say its channel has messages.',
  targeted: true,
  match: (e, t) => e.type === 'ipiSend' && e.purpose === IpiKind.Channel && forPid(e, t),
});
registerMoment({
  key: 'skipped-ipi',
  label: 'Next skipped IPI',
  why: 'A message joins a channel that already holds messages (or polls): no interrupt needed.',
  targeted: true,
  match: (e, t) => e.type === 'ipiSkipped' && forPid(e, t),
});
registerMoment({
  key: 'page-fault',
  label: 'Next page fault',
  why: 'Linux maps memory on first touch: the application stops for the fault.',
  targeted: true,
  match: (e, t) => e.type === 'pageFault' && forPid(e, t),
});
registerMoment({
  key: 'checkpoint',
  label: 'Next checkpoint',
  why: 'The application writes its checkpoint to the parallel file system: a burst of I/O calls.',
  targeted: true,
  match: (e, t) => e.type === 'checkpoint' && forPid(e, t),
});
registerMoment({
  key: 'call',
  label: 'Next call',
  why: 'The next system call of the chosen name and/or process.',
  targeted: true,
  match: (e, t) => e.type === 'syscallIssue' && (t.syscall === undefined || e.syscall === t.syscall) && forPid(e, t),
});
