/**
 * `window.mosExplorer`: a small handle for end-to-end tests, bench:ui and the curious (no
 * simulation data flows through it). The top-level calls concern the left session; `sessions()`
 * gives one handle per session, left first (two in compare mode).
 */
import type { Page } from './session/page';
import type { Session } from './session/session';
import type { TravelStats } from '../worker/protocol';
import type { LoggedCommand } from '../engine/kernel/simulation';

interface FrameStats {
  animationFrames: number;
  drewNewFrame: number;
  /** performance.now() of the first animation frame that drew a simulation frame (page only), or null. */
  firstFrameAt?: number | null;
  achievedSpeed: number;
  requestedSpeed: number;
  time: number;
}

export interface SessionHandle {
  readonly id: string;
  readonly presetName: string;
  /** Simulated time and event count of the frame on screen. */
  readonly time: number;
  readonly eventCount: number;
  metrics(): Promise<Readonly<Record<string, unknown>> | null>;
  frameStats(): FrameStats;
  crashWorkerForTest(): void;
}

export interface TestHook {
  crashWorkerForTest(): void;
  hangWorkerForTest(ms: number): void;
  metrics(): Promise<Readonly<Record<string, unknown>> | null>;
  /**
   * For bench:ui: animation frames seen, those in which every session drew a new simulation
   * frame, and the left session's speeds and time.
   */
  frameStats(): FrameStats;
  sessions(): SessionHandle[];
  /** Time travel (bench:ui): seeks the left session and resolves with the wall ms until the worker is there. */
  seek(ns: number): Promise<number>;
  /** The left session's command log (its injections), as its worker reported it. */
  commandLog(): readonly LoggedCommand[];
  /** Time travel (bench:ui): the left session's checkpoints, their bytes and the run's frontier. */
  travelStats(): Promise<TravelStats | null>;
  /** Wall ms of the page's work (frame requests, every view's drawing) in each of the last `n` animation frames, oldest first. */
  tickDurations(n: number): number[];
}

declare global {
  interface Window {
    mosExplorer?: TestHook;
  }
}

function speeds(s: Session) {
  const f = s.bus.frame;
  return { achievedSpeed: f?.achievedSpeed ?? 0, requestedSpeed: f?.requestedSpeed ?? 0, time: f?.time ?? 0 };
}

function handle(s: Session): SessionHandle {
  return {
    id: s.id,
    presetName: s.store.getState().presetName,
    time: s.bus.frame?.time ?? 0,
    eventCount: s.bus.frame?.eventCount ?? 0,
    metrics: () => s.client.queryMetrics(),
    frameStats: () => ({ ...s.bus.stats, ...speeds(s) }),
    crashWorkerForTest: () => s.client.crashForTest(),
  };
}

export function installTestHook(w: Window, page: Page): void {
  w.mosExplorer = {
    crashWorkerForTest: () => page.primary.client.crashForTest(),
    hangWorkerForTest: (ms) => page.primary.client.hangForTest(ms),
    metrics: () => page.primary.client.queryMetrics(),
    frameStats: () => ({ ...page.stats, ...speeds(page.primary) }),
    sessions: () => page.sessions.map(handle),
    seek: async (ns) => {
      const start = performance.now();
      await page.primary.client.seekAndWait(ns);
      return performance.now() - start;
    },
    travelStats: () => page.primary.client.travelStats(),
    commandLog: () => page.primary.store.getState().commandLog,
    tickDurations: (n) => {
      const ring = page.tickMs, total = page.stats.animationFrames;
      const count = Math.min(n, total, ring.length);
      return Array.from({ length: count }, (_, i) => ring[(total - count + i) % ring.length]);
    },
  };
}
