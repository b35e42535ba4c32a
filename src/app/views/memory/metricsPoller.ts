/**
 * A session's full metrics object (its client's queryMetrics, the same the CLI prints), asked
 * for at most once per interval while running and once after each new frame while paused (a
 * step, the final frame after Pause). One poller per session however many views listen; it
 * subscribes to the frame bus only while someone listens. Outside React.
 */
import type { FrameBus } from '../../frameBus';
import type { Frame } from '../../../worker/protocol';

export interface MetricsSnapshot {
  readonly metrics: Readonly<Record<string, unknown>>;
  /** Simulated time of the frame that triggered the query (the metrics may be slightly newer). */
  readonly time: number;
}

type Listener = (s: MetricsSnapshot) => void;

/** Wall ms between two queries while running (compare mode asks more often for its table). */
export const METRICS_INTERVAL_MS = 1000;

export class MetricsPoller {
  private readonly listeners = new Set<Listener>();
  private latest: MetricsSnapshot | null = null;
  private inflight = false;
  private lastAt = -Infinity;
  private lastSeq = -1;
  private off: (() => void) | null = null;
  /** Wall ms between two queries while running. */
  intervalMs = METRICS_INTERVAL_MS;

  constructor(
    private readonly bus: FrameBus,
    private readonly query: () => Promise<Readonly<Record<string, unknown>> | null>,
  ) {}

  private readonly onFrame = (frame: Frame, now: number): void => {
    if (this.inflight || frame.seq === this.lastSeq) return;
    if (frame.running && now - this.lastAt < this.intervalMs) return;
    this.inflight = true;
    this.lastSeq = frame.seq;
    this.lastAt = now;
    const time = frame.time;
    void this.query().then((metrics) => {
      this.inflight = false;
      if (!metrics) return;
      const snap = { metrics, time };
      this.latest = snap;
      for (const l of this.listeners) l(snap);
    });
  };

  /** Calls `listener` with every new metrics snapshot (and the latest one at once); returns its removal. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.latest) listener(this.latest);
    this.off ??= this.bus.subscribe(this.onFrame);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.off) {
        this.off();
        this.off = null;
      }
    };
  }

  /** Forgets the last snapshot (the run restarted: it belongs to the old run). */
  forget(): void {
    this.latest = null;
    this.inflight = false;
    this.lastSeq = -1;
  }
}

/** Reads a nested field of the untyped metrics object: path like ['memory', 'domains']. */
export function pick(m: unknown, path: readonly (string | number)[]): unknown {
  let v: unknown = m;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

export function num(m: unknown, path: readonly (string | number)[]): number {
  const v = pick(m, path);
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}
