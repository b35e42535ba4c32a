/**
 * The typed, versioned messages between the page and the simulation worker.
 * The page pulls: it asks for a frame when none is outstanding, handing back the buffers of
 * the previous frame for reuse; the worker answers with typed arrays it transfers.
 */
import type { NodeConfig } from '../engine/config/nodeConfig';
import type { EngineCommand, LoggedCommand } from '../engine/kernel/simulation';

export const PROTOCOL_VERSION = 1;

export interface FrameBuffers {
  /** Activity code per CPU (src/engine/node/kinds.ts Activity). */
  readonly cpuActivity: Uint8Array;
  /** Pid of the thread on each CPU, or -1. */
  readonly cpuPid: Int32Array;
  /** Interruptions per CPU so far (all causes). */
  readonly cpuInterrupts: Float64Array;
  /** Run-wide counters, indexed by COUNTER names (below). */
  readonly counters: Float64Array;
  /** In-flight IPIs and messages: groups of FLIGHT_STRIDE numbers [kind, from, to, start, end]. */
  readonly flights: Float64Array;
}

export const COUNTER_NAMES = ['LWK interruptions', 'Linux interruptions', 'FWQ quanta', 'FWQ mean noise (ns)', 'FWQ max noise (ns)'] as const;
export const FLIGHT_STRIDE = 5;

export interface Frame {
  readonly seq: number;
  readonly time: number;
  readonly eventCount: number;
  readonly running: boolean;
  readonly traceHash: string;
  readonly lastEvent: { readonly time: number; readonly description: string } | null;
  /** Simulated ns per wall second actually achieved over the last second (0 when paused). */
  readonly achievedSpeed: number;
  readonly requestedSpeed: number;
  readonly flightCount: number;
  readonly buffers: FrameBuffers;
}

export type ToWorker =
  | { readonly type: 'init'; readonly version: number; readonly config: NodeConfig; readonly seed: number; readonly commands?: readonly LoggedCommand[] }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'step' }
  | { readonly type: 'reset' }
  /** Simulated nanoseconds per wall-clock second. */
  | { readonly type: 'setSpeed'; readonly nsPerSecond: number }
  | { readonly type: 'command'; readonly command: EngineCommand }
  | { readonly type: 'frameRequest'; readonly reuse: FrameBuffers | null }
  | { readonly type: 'crashForTest' }
  /** Busy-waits in the worker, to test the page's silence watchdog. */
  | { readonly type: 'hangForTest'; readonly ms: number };

export type FromWorker =
  | { readonly type: 'ready'; readonly version: number; readonly cpuCount: number; readonly configName: string }
  | { readonly type: 'frame'; readonly frame: Frame }
  /** Acknowledges play/pause/step/reset once it has taken effect, with the state at that moment. */
  | { readonly type: 'ack'; readonly of: 'play' | 'pause' | 'step' | 'reset' | 'setSpeed'; readonly running: boolean; readonly time: number; readonly eventCount: number }
  | { readonly type: 'commandResult'; readonly error: string | null }
  | { readonly type: 'error'; readonly message: string };

export function transferablesOf(b: FrameBuffers): ArrayBuffer[] {
  return [b.cpuActivity.buffer, b.cpuPid.buffer, b.cpuInterrupts.buffer, b.counters.buffer, b.flights.buffer] as ArrayBuffer[];
}
