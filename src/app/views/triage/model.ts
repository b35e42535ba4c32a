/**
 * Calls in flight for the triage view's tokens, from SyscallIssue/Route/Done events, and the
 * syscall names seen with the routes they took. At high speed it stops making tokens and keeps
 * per-route rates from the frames' cumulative counts instead.
 */
import { ROUTES } from '../../../engine/descriptors';
import { syscallName } from '../../../engine/syscalls/table';
import type { Frame } from '../../../worker/protocol';
import { routeValue } from '../../../worker/frameLayout';
import { frameEvents } from '../frameEvents';
import { FrameClock } from '../channels/shared';

export interface CallToken {
  readonly id: number;
  readonly pid: number;
  readonly name: string;
  route: number;
  readonly issueAt: number;
  routeAt: number;
  doneAt: number;
  latencyNs: number;
  readonly jitter: number;
  readonly dur: number;
}

const MAX_TOKENS = 1500;
const AGGREGATE_HOLD_MS = 1500;

export class TriageModel {
  readonly clock = new FrameClock();
  readonly calls = new Map<number, CallToken>();
  /** Syscall name -> bit set of routes seen for it. */
  readonly names = new Map<string, number>();
  /** Names not yet added to the select. */
  newNames: string[] = [];
  aggregateUntil = -Infinity;
  private pendingNames = new Map<number, string>();
  private samples: { wall: number; time: number; counts: number[] }[] = [];
  private lastSeq = -1;

  aggregated(now: number): boolean {
    return now < this.aggregateUntil;
  }

  /** Completed calls per simulated millisecond, per route, over the last second of wall time. */
  rates(): number[] {
    const s = this.samples;
    if (s.length < 2) return ROUTES.map(() => 0);
    const a = s[0], b = s[s.length - 1];
    const ms = (b.time - a.time) / 1e6;
    return b.counts.map((c, i) => (ms > 0 ? (c - a.counts[i]) / ms : 0));
  }

  /** When the token's moves start: to its route (phase 2), back to the application (phase 3). Move 1 starts at issueAt. */
  static phase2(t: CallToken): number {
    return t.routeAt < 0 ? Infinity : Math.max(t.routeAt, t.issueAt + t.dur);
  }

  static phase3(t: CallToken): number {
    if (t.doneAt < 0) return Infinity;
    const p2 = TriageModel.phase2(t);
    return Math.max(t.doneAt, (p2 === Infinity ? t.issueAt : p2) + t.dur);
  }

  ingest(frame: Frame, now: number): boolean {
    if (frame.seq === this.lastSeq) return false;
    this.lastSeq = frame.seq;
    if (this.clock.advance(frame, now)) {
      this.calls.clear();
      this.pendingNames.clear();
      this.samples = [];
    }
    const counts = ROUTES.map((_, r) => routeValue(frame.buffers.routes, r, 'count'));
    this.samples.push({ wall: now, time: frame.time, counts });
    while (this.samples.length > 2 && now - this.samples[0].wall > 1000) this.samples.shift();
    if (frame.eventsDropped > 0 || this.calls.size > MAX_TOKENS) {
      this.aggregateUntil = now + AGGREGATE_HOLD_MS;
      if (frame.eventsDropped > 0) this.pendingNames.clear();
    }
    const animate = !this.aggregated(now);
    for (const [id, t] of this.calls) if (now > TriageModel.phase3(t) + t.dur) this.calls.delete(id);
    const clock = this.clock;
    for (const e of frameEvents(frame)) {
      if (e.type === 'syscallIssue') {
        const id = e.call;
        const name = syscallName(e.syscall) ?? `#${e.syscall}`;
        this.pendingNames.set(id, name);
        if (!this.names.has(name)) {
          this.names.set(name, 0);
          this.newNames.push(name);
        }
        if (animate) this.calls.set(id, { id, pid: e.pid, name, route: -1, issueAt: clock.wallOf(e.time), routeAt: -1, doneAt: -1, latencyNs: 0, jitter: ((id * 2654435761) >>> 0) / 4294967296, dur: clock.durMs(120) });
      } else if (e.type === 'syscallRoute') {
        const name = this.pendingNames.get(e.call);
        if (name !== undefined) {
          if (!this.names.has(name)) this.newNames.push(name);
          this.names.set(name, (this.names.get(name) ?? 0) | (1 << e.route));
        }
        const t = this.calls.get(e.call);
        if (t && t.doneAt < 0) {
          t.route = e.route;
          t.routeAt = clock.wallOf(e.time);
        }
      } else if (e.type === 'syscallDone') {
        this.pendingNames.delete(e.call);
        const t = this.calls.get(e.call);
        if (t && t.doneAt < 0) {
          t.doneAt = clock.wallOf(e.time);
          t.latencyNs = e.latencyNs;
        }
      }
    }
    return true;
  }
}
