/**
 * What the Channels view animates, built from each frame's decoded events: messages moving
 * from their caller's LWK CPU into the Linux channels and out, IPIs sent or skipped, the
 * per-pid channels (routed but not yet started by the proxy), the replies on the callers' LWK
 * channels, and which callers wait for a reply or for a slot. No React here.
 */
import type { NodeConfig } from '../../../engine/config/nodeConfig';
import { IpiKind } from '../../../engine/node/events';
import type { Frame } from '../../../worker/protocol';
import { channelCount, channelValue } from '../../../worker/frameLayout';
import { frameEvents } from '../frameEvents';
import { FrameClock } from './shared';
import { processNames } from '../../processNames';

export type Anchor =
  | { readonly k: 'caller'; readonly ch: number; readonly cpu: number }
  | { readonly k: 'slot'; readonly ch: number; readonly idx: number }
  | { readonly k: 'handler'; readonly ch: number }
  | { readonly k: 'pid'; readonly pid: number; readonly leaving?: boolean }
  | { readonly k: 'lwk'; readonly cpu: number };

export interface Token {
  readonly from: Anchor;
  readonly to: Anchor;
  readonly pid: number;
  readonly start: number;
  readonly dur: number;
  readonly reply: boolean;
}

/** The IPI decision of a Linux channel: 0 IPI sent, 1 skipped (queue held messages), 2 skipped (channel polls). */
export interface Decision {
  kind: 0 | 1 | 2;
  at: number;
  dur: number;
}

export const DECISION_TEXT = ['IPI sent', 'no IPI: queue already held messages', 'no IPI: channel polls'] as const;

/** Nominal simulated durations of the drawn transitions (ns): they set the pace in slow motion. */
const INSERT_NS = 150;
const IPI_NS = 1000;
const ROUTE_NS = 400;
const REPLY_NS = 150;
const MAX_TOKENS = 600;
const AGGREGATE_HOLD_MS = 1500;

export class ChannelsModel {
  readonly clock = new FrameClock();
  tokens: Token[] = [];
  /** In-flight doorbell IPIs per channel: wall start and duration. */
  ipis: { ch: number; start: number; dur: number }[] = [];
  readonly decision = new Map<number, Decision>();
  readonly getList = new Map<number, { at: number; n: number }>();
  readonly full = new Map<number, number>();
  /** Routed to channel[pid], not yet started by the proxy: call id -> pid. */
  readonly pending = new Map<number, number>();
  /** Being served by the proxy: call id -> pid. */
  readonly serving = new Map<number, number>();
  pids: number[] = [];
  readonly replySeenAt = new Map<number, number>();
  readonly replyIpiAt = new Map<number, number>();
  /** Caller CPU -> pid of its call in a Linux channel or beyond, until it sees the reply. */
  readonly inFlight = new Map<number, number>();
  /** Caller CPU -> pid of a sender waiting for a slot of a full channel. */
  readonly waitingFull = new Map<number, number>();
  aggregateUntil = -Infinity;
  /** Wall time until which something is still animating (flashes fade, tokens land). */
  activeUntil = -Infinity;
  /** Cumulative (wall, sim time, messages, IPIs) samples for rates at high speed. */
  private samples: { wall: number; time: number; msgs: number; ipis: number }[] = [];
  private lastSeq = -1;

  constructor(private readonly config: NodeConfig) {}

  /** A process's pid as the page shows it (a replay's traced pid). */
  pidText(pid: number): string {
    return processNames(this.config).pid(pid);
  }

  channelOfCpu(frame: Frame, cpu: number): number {
    const c = frame.buffers.channels;
    for (let i = 0; i < channelCount(c); i++) if (channelValue(c, i, 'syscallCpu') === cpu) return i;
    const sc = this.config.syscallCpuOf[cpu];
    if (sc !== undefined && sc >= 0 && sc !== cpu) return this.channelOfCpu(frame, sc);
    return -1;
  }

  aggregated(now: number): boolean {
    return now < this.aggregateUntil;
  }

  /** Messages and IPIs per simulated millisecond over the last second of wall time. */
  rates(): { msgs: number; ipis: number } {
    const s = this.samples;
    if (s.length < 2) return { msgs: 0, ipis: 0 };
    const a = s[0], b = s[s.length - 1];
    const ms = (b.time - a.time) / 1e6;
    return ms > 0 ? { msgs: (b.msgs - a.msgs) / ms, ipis: (b.ipis - a.ipis) / ms } : { msgs: 0, ipis: 0 };
  }

  private clear(): void {
    this.tokens = [];
    this.ipis = [];
    this.decision.clear();
    this.getList.clear();
    this.full.clear();
    this.pending.clear();
    this.serving.clear();
    this.pids = [];
    this.replySeenAt.clear();
    this.replyIpiAt.clear();
    this.inFlight.clear();
    this.waitingFull.clear();
    this.samples = [];
  }

  private seePid(pid: number): void {
    if (pid < 0 || this.pids.includes(pid)) return;
    this.pids = [...this.pids, pid].sort((a, b) => a - b);
  }

  /** Takes a new frame (once per frame seq); returns false if it was already seen. */
  ingest(frame: Frame, now: number): boolean {
    if (frame.seq === this.lastSeq) return false;
    this.lastSeq = frame.seq;
    if (this.clock.advance(frame, now)) this.clear();
    const clock = this.clock;
    const b = frame.buffers;
    let msgs = 0, ipis = 0;
    for (let i = 0; i < channelCount(b.channels); i++) {
      msgs += channelValue(b.channels, i, 'messages');
      ipis += channelValue(b.channels, i, 'ipis');
    }
    this.samples.push({ wall: now, time: frame.time, msgs, ipis });
    while (this.samples.length > 2 && now - this.samples[0].wall > 1000) this.samples.shift();

    if (frame.eventsDropped > 0 || this.tokens.length > MAX_TOKENS) {
      this.aggregateUntil = now + AGGREGATE_HOLD_MS;
      if (frame.eventsDropped > 0) {
        // The per-pid bookkeeping missed events: start it afresh rather than show stale messages.
        this.pending.clear();
        this.serving.clear();
        this.inFlight.clear();
        this.waitingFull.clear();
      }
    }
    const animate = !this.aggregated(now);
    this.tokens = this.tokens.filter((t) => now < t.start + t.dur);
    this.ipis = this.ipis.filter((t) => now < t.start + t.dur);
    for (const e of frameEvents(frame)) {
      const at = clock.wallOf(e.time);
      if (at + 1500 > this.activeUntil) this.activeUntil = at + 1500;
      switch (e.type) {
        case 'channelInsert': {
          const ch = e.channel, pid = e.pid, cpu = e.senderCpu;
          this.seePid(pid);
          this.inFlight.set(cpu, pid);
          this.waitingFull.delete(cpu);
          if (animate && ch >= 0) this.tokens.push({ from: { k: 'caller', ch, cpu }, to: { k: 'slot', ch, idx: Math.max(0, e.depth - 1) }, pid, start: at, dur: clock.durMs(INSERT_NS), reply: false });
          break;
        }
        case 'ipiSend':
          if (e.purpose === IpiKind.Channel) {
            const ch = this.channelOfCpu(frame, e.to);
            if (ch < 0) break;
            const dur = clock.durMs(IPI_NS);
            this.decision.set(ch, { kind: 0, at, dur });
            if (animate) this.ipis.push({ ch, start: at, dur });
          } else if (e.purpose === IpiKind.Reply) this.replyIpiAt.set(e.to, at);
          break;
        case 'ipiSkipped':
          if (e.channel >= 0) this.decision.set(e.channel, { kind: e.reason === 'polls' ? 2 : 1, at, dur: clock.durMs(IPI_NS) });
          break;
        case 'handlerGetList': {
          const ch = e.channel;
          if (ch < 0 || ch >= channelCount(b.channels)) break;
          this.getList.set(ch, { at, n: e.messages });
          if (animate) for (let k = 0; k < Math.min(e.messages, 8); k++) this.tokens.push({ from: { k: 'slot', ch, idx: k }, to: { k: 'handler', ch }, pid: -1, start: at, dur: clock.durMs(ROUTE_NS), reply: false });
          break;
        }
        case 'handlerRoute': {
          const ch = this.channelOfCpu(frame, e.cpu), pid = e.pid;
          this.seePid(pid);
          this.pending.set(e.call, pid);
          if (animate && ch >= 0) this.tokens.push({ from: { k: 'handler', ch }, to: { k: 'pid', pid }, pid, start: at, dur: clock.durMs(ROUTE_NS), reply: false });
          break;
        }
        case 'proxyStart':
          this.seePid(e.pid);
          this.pending.delete(e.call);
          this.serving.set(e.call, e.pid);
          break;
        case 'replyReady':
          this.serving.delete(e.call);
          if (animate && this.pids.includes(e.pid)) this.tokens.push({ from: { k: 'pid', pid: e.pid, leaving: true }, to: { k: 'lwk', cpu: e.callerCpu }, pid: e.pid, start: at, dur: clock.durMs(REPLY_NS), reply: true });
          break;
        case 'replySeen':
          this.replySeenAt.set(e.cpu, at);
          this.inFlight.delete(e.cpu);
          break;
        case 'syscallDone':
          this.inFlight.delete(e.cpu);
          break;
        case 'channelFull': {
          // Recorded on the sender's CPU.
          const ch = this.channelOfCpu(frame, e.cpu);
          if (ch >= 0) this.full.set(ch, at);
          this.waitingFull.set(e.cpu, e.pid);
          break;
        }
        default:
      }
    }
    return true;
  }

  /** Per pid: routed-but-not-started messages and whether the proxy is serving one. */
  pidState(pid: number): { pending: number; serving: number } {
    let pending = 0, serving = 0;
    for (const p of this.pending.values()) if (p === pid) pending++;
    for (const p of this.serving.values()) if (p === pid) serving++;
    return { pending, serving };
  }
}

export function proxyStateText(s: { pending: number; serving: number }): string {
  if (s.serving > 0) return 'running a call';
  if (s.pending > 0) return 'runnable (sched_run), waiting for a Linux CPU';
  return 'idle';
}
