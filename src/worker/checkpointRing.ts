/**
 * Checkpoints of the run, taken every so often in simulated time, held as bytes (the engine's
 * binary plain-data codec). The ring is bounded in count and bytes: when full, every other checkpoint is
 * dropped and the interval doubles, so the whole run so far stays covered with a bounded
 * memory, at the cost of a longer replay for seeks into a long run.
 */
import { MS } from '../engine/kernel/time';

export interface Checkpoint {
  readonly time: number;
  readonly eventCount: number;
  /** Commands of the run's log applied before it (the rest are replayed after a restore). */
  readonly consumed: number;
  readonly bytes: Uint8Array;
}

/**
 * ASSUMPTION: 50 ms of simulated time between checkpoints: a seek replays at most this much,
 * which Chromium's worker runs in ~70 ms for the mos-bsp node (~1.4 simulated s per wall s;
 * bench:ui measures the seeks), and a checkpoint of that node is ~40 kB.
 */
export const CHECKPOINT_INTERVAL_NS = 50 * MS;
/** ASSUMPTION: at most 512 checkpoints (~20 MB for mos-bsp; 25 s of it at the first interval) before thinning. */
export const CHECKPOINT_CAPACITY = 512;
/** ASSUMPTION: and at most 48 MB of them, whatever the node's size (a bigger node's checkpoints are bigger). */
export const CHECKPOINT_BUDGET_BYTES = 48 * 1024 * 1024;

export class CheckpointRing {
  private list: Checkpoint[] = [];
  private totalBytes = 0;

  constructor(
    private interval = CHECKPOINT_INTERVAL_NS,
    private readonly capacity = CHECKPOINT_CAPACITY,
    private readonly budgetBytes = CHECKPOINT_BUDGET_BYTES,
  ) {}

  /** Whether a run at `time` is due for a checkpoint (the newest is an interval behind, or there is none). */
  due(time: number): boolean {
    const newest = this.list[this.list.length - 1];
    return newest === undefined || time >= newest.time + this.interval;
  }

  add(cp: Checkpoint): void {
    this.list.push(cp);
    this.totalBytes += cp.bytes.length;
    if (this.list.length > this.capacity || (this.totalBytes > this.budgetBytes && this.list.length > 2)) this.thin();
  }

  /** The latest checkpoint at or before simulated time `time` and event count `events`, if any. */
  latestAtOrBefore(time: number, events = Infinity, consumed = Infinity): Checkpoint | null {
    for (let i = this.list.length - 1; i >= 0; i--) {
      const cp = this.list[i];
      if (cp.time <= time && cp.eventCount <= events && cp.consumed <= consumed) return cp;
    }
    return null;
  }

  /** Forgets checkpoints taken after `events` events (a fork: that future is gone). */
  discardAfter(events: number): void {
    while (this.list.length > 0 && this.list[this.list.length - 1].eventCount > events) {
      this.totalBytes -= this.list.pop()!.bytes.length;
    }
  }

  get count(): number {
    return this.list.length;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  get intervalNs(): number {
    return this.interval;
  }

  /** Keeps the first and every other one after it; the interval doubles. */
  private thin(): void {
    this.list = this.list.filter((_, i) => i % 2 === 0);
    this.totalBytes = this.list.reduce((sum, cp) => sum + cp.bytes.length, 0);
    this.interval *= 2;
  }
}
