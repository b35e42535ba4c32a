/**
 * The full metrics object (simClient.queryMetrics, the same the CLI prints), asked for at most
 * once a second while running and once after each new frame while paused (a step, the final
 * frame after Pause). One shared poller however many views listen; outside React.
 */
import { frameBus } from '../../frameBus';
import { simClient } from '../../simClient';
import type { Frame } from '../../../worker/protocol';

export interface MetricsSnapshot {
  readonly metrics: Readonly<Record<string, unknown>>;
  /** Simulated time of the frame that triggered the query (the metrics may be slightly newer). */
  readonly time: number;
}

type Listener = (s: MetricsSnapshot) => void;

const MIN_INTERVAL_MS = 1000;
const listeners = new Set<Listener>();
let latest: MetricsSnapshot | null = null;
let inflight = false;
let lastAt = -Infinity;
let lastSeq = -1;
let off: (() => void) | null = null;

function onFrame(frame: Frame, now: number): void {
  if (inflight || frame.seq === lastSeq) return;
  if (frame.running && now - lastAt < MIN_INTERVAL_MS) return;
  inflight = true;
  lastSeq = frame.seq;
  lastAt = now;
  const time = frame.time;
  void simClient.queryMetrics().then((metrics) => {
    inflight = false;
    if (!metrics) return;
    latest = { metrics, time };
    for (const l of listeners) l(latest);
  });
}

/** Calls `listener` with every new metrics snapshot (and the latest one at once); returns its removal. */
export function subscribeMetrics(listener: Listener): () => void {
  listeners.add(listener);
  if (latest) listener(latest);
  off ??= frameBus.subscribe(onFrame);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && off) {
      off();
      off = null;
    }
  };
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
