/**
 * Channels of function shipping, as the paper describes them (ROSS 2014): shared-memory queues plus IPIs.
 * One Linux channel per syscall CPU (one per lwkcpus group); one reply channel per LWK CPU.
 * `insert` reports whether the queue already held messages: the sender raises an IPI only on
 * the empty -> non-empty transition, and later senders ride on the pending IPI.
 */
import type { NodeConfig } from '../config/nodeConfig';
import { Role } from '../node/kinds';

export interface LinuxChannel {
  /** The syscall CPU that receives this channel's IPIs and runs its handler. */
  readonly cpu: number;
  readonly queue: number[];
  readonly capacity: number;
  /** Senders waiting for a free slot, in arrival order (thread ids). */
  readonly waiting: number[];
  inserts: number;
  ipis: number;
  /** Empty -> non-empty transitions of the queue. */
  transitions: number;
  maxDepth: number;
  /** Time integral of the depth, for the time-average. */
  depthArea: number;
  depthSince: number;
  /** An injection holds the channel full until then (0: not held). */
  heldFullUntil: number;
}

export interface LwkChannel {
  readonly cpu: number;
  /** Replies posted and not yet picked up (call ids). */
  readonly queue: number[];
  inserts: number;
  ipis: number;
}

export interface ChannelTables {
  readonly linux: LinuxChannel[];
  /** Per CPU: index of the Linux channel serving it, or -1. */
  readonly linuxOf: number[];
  /** Per CPU: its reply channel (LWK CPUs), or null. */
  readonly lwk: (LwkChannel | null)[];
}

export function createChannels(config: NodeConfig): ChannelTables {
  const syscallCpus = [...new Set(config.syscallCpuOf.filter((c) => c >= 0))].sort((a, b) => a - b);
  const linux = syscallCpus.map((cpu) => ({
    cpu, queue: [], capacity: config.syscalls.channelCapacity, waiting: [], inserts: 0, ipis: 0, transitions: 0, maxDepth: 0, depthArea: 0, depthSince: 0, heldFullUntil: 0,
  }));
  return {
    linux,
    linuxOf: config.syscallCpuOf.map((s) => (s >= 0 ? syscallCpus.indexOf(s) : -1)),
    lwk: config.roles.map((r, cpu) => (r === Role.Lwk ? { cpu, queue: [], inserts: 0, ipis: 0 } : null)),
  };
}

function accountDepth(ch: LinuxChannel, now: number): void {
  ch.depthArea += ch.queue.length * (now - ch.depthSince);
  ch.depthSince = now;
}

/** q.insert(msg): returns `was`, true when the queue already held messages. Caller checks capacity first. */
export function insert(ch: LinuxChannel, msg: number, now: number): boolean {
  accountDepth(ch, now);
  const was = ch.queue.length > 0;
  ch.queue.push(msg);
  ch.inserts++;
  if (!was) ch.transitions++;
  if (ch.queue.length > ch.maxDepth) ch.maxDepth = ch.queue.length;
  return was;
}

export function isFull(ch: LinuxChannel, now: number): boolean {
  return ch.queue.length >= ch.capacity || now < ch.heldFullUntil;
}

/** q.get_list(): takes every message at once, leaving the queue empty. */
export function getList(ch: LinuxChannel, now: number): number[] {
  accountDepth(ch, now);
  return ch.queue.splice(0, ch.queue.length);
}

/** Takes one message out of the queue wherever it is (a ring whose slots free in any order); false if absent. */
export function remove(ch: LinuxChannel, msg: number, now: number): boolean {
  const i = ch.queue.indexOf(msg);
  if (i < 0) return false;
  accountDepth(ch, now);
  ch.queue.splice(i, 1);
  return true;
}
