/**
 * The events the views animate (tokens on the triage path, messages in channels, faults, ...)
 * since the last frame: a ring of the most recent MAX_EVENTS, copied into each frame oldest
 * first, with the count of those that did not fit (views aggregate them at high speed).
 */
import type { TraceBatch } from '../engine/kernel/trace';
import { Tr } from '../engine/node/events';
import { EVENT, writeEvent } from './frameLayout';
import { MAX_EVENTS } from './frameWriter';

/** Trace kinds the views animate. */
const ANIMATED = new Set<number>([
  Tr.SyscallIssue, Tr.SyscallRoute, Tr.SyscallDone, Tr.ChannelInsert, Tr.IpiSend, Tr.IpiSkipped, Tr.HandlerGetList, Tr.HandlerRoute,
  Tr.ProxyStart, Tr.ReplyReady, Tr.ReplySeen, Tr.PageFault, Tr.OsNodeSubmit, Tr.Migrate, Tr.AggBuffered, Tr.AggFlush, Tr.ChannelFull,
  Tr.Launch, Tr.SignalSent, Tr.SignalDelivered,
]);

export class AnimatedEvents {
  private readonly ring = new Float64Array(MAX_EVENTS * EVENT.stride);
  private count = 0;

  /** Keeps the animated records of a batch. */
  collect(b: TraceBatch): void {
    for (let i = 0; i < b.kind.length; i++) {
      if (!ANIMATED.has(b.kind[i])) continue;
      writeEvent(this.ring, this.count++ % MAX_EVENTS, b, i);
    }
  }

  /** Drops what was kept (a jump in time: nothing animates it). */
  forget(): void {
    this.count = 0;
  }

  /** Copies the kept events into `out`, oldest first, and starts again; returns how many, and how many did not fit. */
  takeInto(out: Float64Array): { count: number; dropped: number } {
    const n = Math.min(this.count, MAX_EVENTS);
    for (let i = 0; i < n; i++) {
      const from = ((this.count - n + i) % MAX_EVENTS) * EVENT.stride;
      out.set(this.ring.subarray(from, from + EVENT.stride), i * EVENT.stride);
    }
    const dropped = this.count - n;
    this.count = 0;
    return { count: n, dropped };
  }
}
