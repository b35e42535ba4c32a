/** Pieces the node topics share: a small partition, the syscall microbenchmark, and finding one call in a run. */
import { MS, US } from '../kernel/time';
import { syscallName } from '../syscalls/table';
import type { TraceEvent, TraceEventOf } from '../trace/decode';

/** On the two-socket node (CPU n and n + 32 share core n; 16 cores a socket), group g is socket g's syscall CPU 16g and `cores` LWK cores after it. */
export function partitionText(cores: number, groups: 1 | 2): string {
  const range = (a: number, b: number) => (a === b ? `${a}` : `${a}-${b}`);
  const group = (g: number) => {
    const s = 16 * g;
    return `${s}.${range(s + 1, s + cores)},${range(s + 33, s + 32 + cores)}`;
  };
  const lwk = groups === 1 ? group(0) : `${group(0)}:${group(1)}`;
  return `lwkcpus=${lwk} lwkmem=0:4G${groups === 2 ? ',1:4G' : ''}`;
}

/** The LWK CPUs of a partitionText group, in order. */
export function lwkCpusOf(cores: number, group: number): number[] {
  const s = 16 * group;
  return [...Array.from({ length: cores }, (_, i) => s + 1 + i), ...Array.from({ length: cores }, (_, i) => s + 33 + i)];
}

/** A syscall-microbenchmark workload: every application thread repeats `call`, thinking `thinkNs` between calls. */
export function syscallWorkload(call: string, bytes: number, thinkNs: number, path: string) {
  return { kind: 'syscall', call, bytes, thinkNs, path };
}

/**
 * The first call named `name` that a thread issued on `cpu`, and the events of that call in the
 * order they happened. Call ids are slots, reused once a call is done: the call's events run
 * from its issue to the next issue with the same id.
 */
export function firstCall(events: readonly TraceEvent[], cpu: number, name: string): CallEvents | undefined {
  const start = events.findIndex((e) => e.type === 'syscallIssue' && e.cpu === cpu && syscallName(e.syscall) === name);
  if (start < 0) return undefined;
  const issue = events[start] as TraceEventOf<'syscallIssue'>;
  const own: TraceEvent[] = [issue];
  for (let i = start + 1; i < events.length; i++) {
    const e = events[i];
    if (!('call' in e) || e.call !== issue.call) continue;
    if (e.type === 'syscallIssue') break;
    own.push(e);
  }
  return {
    issue,
    of: <T extends TraceEvent['type']>(type: T) => own.find((e) => e.type === type) as TraceEventOf<T> | undefined,
    last: <T extends TraceEvent['type']>(type: T) => own.findLast((e) => e.type === type) as TraceEventOf<T> | undefined,
  };
}

export interface CallEvents {
  readonly issue: TraceEventOf<'syscallIssue'>;
  /** The call's first event of a type. */
  of<T extends TraceEvent['type']>(type: T): TraceEventOf<T> | undefined;
  /** Its last event of a type (a call forwarded to Linux and then to an OS node is routed twice). */
  last<T extends TraceEvent['type']>(type: T): TraceEventOf<T> | undefined;
}

/** "1 µs", "250 µs", "1 ms" for the round durations exercises choose. */
export function roundDuration(ns: number): string {
  if (ns >= MS && ns % MS === 0) return `${ns / MS} ms`;
  if (ns >= US && ns % US === 0) return `${ns / US} µs`;
  return `${ns} ns`;
}

/** "1 message", "2 messages". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function bytesText(bytes: number): string {
  if (bytes >= 1 << 20 && bytes % (1 << 20) === 0) return `${bytes >> 20} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes >> 10} KiB`;
  return `${bytes} bytes`;
}
