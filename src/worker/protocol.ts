/**
 * The typed, versioned messages between the page and the simulation worker.
 * The page pulls: it asks for a frame when none is outstanding, handing back the buffers of
 * the previous frame for reuse; the worker answers with typed arrays it transfers.
 * History stays in the worker: views ask for what they show (timeline spans for a window).
 */
import type { NodeConfig } from '../engine/config/nodeConfig';
import type { EngineCommand, LoggedCommand } from '../engine/kernel/simulation';
import type { MomentTarget } from '../engine/moments/registry';
import type { ImportOutcome } from './importStrace';
import type { ProcessCpus } from '../engine/node/jobCpus';

export const PROTOCOL_VERSION = 6;

/** Memory cells per NUMA domain in FrameBuffers.memoryCells. */
export const MEMORY_CELLS = 256;

export interface FrameBuffers {
  /** Activity code per CPU (src/engine/node/kinds.ts Activity). */
  readonly cpuActivity: Uint8Array;
  /** Pid of the thread on each CPU, or -1. */
  readonly cpuPid: Int32Array;
  /** Interruptions per CPU so far (all causes). */
  readonly cpuInterrupts: Float64Array;
  /** Run-wide counters, indexed by COUNTER_NAMES. */
  readonly counters: Float64Array;
  /** In-flight IPIs (frameLayout.ts FLIGHT). */
  readonly flights: Float64Array;
  /** Linux channels (frameLayout.ts CHANNEL). */
  readonly channels: Float64Array;
  /** Per Linux channel, `capacity` slots holding the pid of each queued message (-1 empty), then its waiting senders' pids. */
  readonly channelSlots: Int32Array;
  /** Per CPU: replies waiting in its LWK channel (-1 for CPUs without one). */
  readonly lwkDepth: Int32Array;
  /** Per route of the descriptor table ROUTES: routeStride() numbers (frameLayout.ts). */
  readonly routes: Float64Array;
  /** Per CPU (frameLayout.ts FWQ). */
  readonly fwq: Float64Array;
  /** Per NUMA domain: MEMORY_CELLS codes (src/engine/node/memory/cells.ts). */
  readonly memoryCells: Uint32Array;
  /** Trace events since the previous frame that views animate (bounded; oldest dropped first); read with frameLayout.ts eventAt. */
  readonly events: Float64Array;
}

export const COUNTER_NAMES = [
  'LWK interruptions',
  'Linux interruptions',
  'FWQ quanta',
  'FWQ mean noise (ns)',
  'FWQ max noise (ns)',
  'syscalls issued',
  'syscalls completed',
  'channel messages',
  'channel IPIs',
  'reply IPIs',
  'page faults',
  'OS-node calls',
  'OS-node mean queue wait (ns)',
  'iterations',
  'MPI messages',
  'Linux CPU utilisation',
  'proxy CPU time (ns)',
  'IPI handler CPU time (ns)',
] as const;
export const Counter = Object.fromEntries(COUNTER_NAMES.map((n, i) => [n, i])) as { readonly [K in (typeof COUNTER_NAMES)[number]]: number };

export interface Frame {
  readonly seq: number;
  readonly time: number;
  readonly eventCount: number;
  readonly running: boolean;
  /** Time of the next pending event (-1 if none): compare mode steps both runs to the earlier of theirs. */
  readonly nextEventTime: number;
  readonly traceHash: string;
  readonly lastEvent: { readonly time: number; readonly description: string } | null;
  /** Simulated ns per wall second actually achieved over the last second (0 when paused). */
  readonly achievedSpeed: number;
  readonly requestedSpeed: number;
  readonly flightCount: number;
  readonly eventCountInFrame: number;
  /** Events that happened since the previous frame but did not fit in `events` (the views aggregate). */
  readonly eventsDropped: number;
  /** The furthest simulated time the run has reached (time travel: the scrubber's end). */
  readonly frontier: number;
  /**
   * Changes whenever the run jumps (a seek, a step back, a fork): views that accumulate from
   * frames start again, as when time goes back.
   */
  readonly epoch: number;
  readonly buffers: FrameBuffers;
}

/** Timeline spans for a window: per CPU, [start, end, activity, pid] groups, merged to at most ~2 per bin. */
export interface TimelineReply {
  readonly id: number;
  readonly from: number;
  readonly to: number;
  /** Per CPU, flat records of frameLayout.ts SPAN. */
  readonly spans: readonly Float64Array[];
  /** Forwarded calls in the window, records of frameLayout.ts FLOW. */
  readonly flows: Float64Array;
  /** Earliest time still held in the worker's history. */
  readonly historyStart: number;
  /** True when spans had to be merged (each shows the activity that dominated its bin). */
  readonly binned: boolean;
}

export type ToWorker =
  | { readonly type: 'init'; readonly version: number; readonly config: NodeConfig; readonly seed: number; readonly commands?: readonly LoggedCommand[] }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'step' }
  | { readonly type: 'reset' }
  /** Simulated nanoseconds per wall-clock second. */
  | { readonly type: 'setSpeed'; readonly nsPerSecond: number }
  /** Applies a command now; in the past, it forks (the later commands are dropped). Answered with commandResult and commandLog. */
  | { readonly type: 'command'; readonly command: EngineCommand }
  /** Removes command `index` of the log: the run forks from just before it (answered with commandLog, an ack and a frame). */
  | { readonly type: 'removeCommand'; readonly index: number }
  /** Time travel: the state a run to `time` has (every event at or before it), from the nearest checkpoint. Acknowledged (of: 'seek'). */
  | { readonly type: 'seek'; readonly time: number }
  /** Time travel: the state one event earlier. Acknowledged (of: 'stepBack'). */
  | { readonly type: 'stepBack' }
  | { readonly type: 'travelStats'; readonly id: number }
  /** Runs to just before the next event of a registered moment (src/engine/moments); answered with 'moment', an ack and a frame. */
  | { readonly type: 'runToMoment'; readonly id: number; readonly moment: string; readonly target: MomentTarget }
  /**
   * Lockstep (compare mode): run as fast as possible up to simulated time `target` and hold
   * there; the page's shared clock moves the target. `playing` is what frames report as running.
   * Acknowledged (of: 'follow') once the target is reached while not playing.
   */
  | {
      readonly type: 'follow';
      readonly target: number;
      readonly playing: boolean;
      /** Share (0..1] of each ~16 ms of wall time the worker may compute: with two runs on few cores, the page keeps a core. */
      readonly share?: number;
    }
  | { readonly type: 'frameRequest'; readonly reuse: FrameBuffers | null }
  | { readonly type: 'timeline'; readonly id: number; readonly from: number; readonly to: number; readonly bins: number }
  | { readonly type: 'metrics'; readonly id: number }
  /** Parse a strace log (streamed from the file) into a replay workload. */
  | { readonly type: 'importStrace'; readonly id: number; readonly file: Blob }
  /** Chrome Trace Event JSON of the run so far (re-run from config, seed and command log). */
  | { readonly type: 'exportTrace'; readonly id: number; readonly maxEvents: number }
  | { readonly type: 'crashForTest' }
  /** Busy-waits in the worker, to test the page's silence watchdog. */
  | { readonly type: 'hangForTest'; readonly ms: number };

export type AckOf = 'play' | 'pause' | 'step' | 'reset' | 'setSpeed' | 'follow' | 'seek' | 'stepBack' | 'removeCommand' | 'moment';

/** Where a run to the next moment stopped: just before the event at `time`, or not found up to `searchedUntil`. */
export type MomentResult =
  | { readonly found: true; readonly time: number; readonly description: string }
  | { readonly found: false; readonly searchedUntil: number; readonly message: string };

/** What time travel holds (for bench:ui and tests). */
export interface TravelStats {
  readonly checkpoints: number;
  readonly bytes: number;
  readonly intervalNs: number;
  readonly frontier: number;
}

export type FromWorker =
  /** The run is created; `processes`: the job's processes and the CPUs each uses (the Timeline groups lanes by process). */
  | { readonly type: 'ready'; readonly version: number; readonly cpuCount: number; readonly configName: string; readonly processes: readonly ProcessCpus[] }
  | { readonly type: 'frame'; readonly frame: Frame }
  /** Acknowledges play/pause/step/reset once it has taken effect, with the state at that moment. */
  | { readonly type: 'moment'; readonly id: number; readonly result: MomentResult }
  | { readonly type: 'ack'; readonly of: AckOf; readonly running: boolean; readonly time: number; readonly eventCount: number }
  | { readonly type: 'commandResult'; readonly error: string | null }
  /** The run's command log (the injections) after any change: the page lists it and puts it in links. */
  | { readonly type: 'commandLog'; readonly commands: readonly LoggedCommand[] }
  | { readonly type: 'travelStats'; readonly id: number; readonly stats: TravelStats }
  | { readonly type: 'timeline'; readonly reply: TimelineReply }
  | { readonly type: 'metrics'; readonly id: number; readonly metrics: Readonly<Record<string, unknown>> }
  | { readonly type: 'importProgress'; readonly id: number; readonly loaded: number; readonly total: number }
  | { readonly type: 'importResult'; readonly id: number; readonly outcome: ImportOutcome }
  | { readonly type: 'exportTrace'; readonly id: number; readonly text: string }
  | { readonly type: 'error'; readonly message: string };

export function transferablesOf(b: FrameBuffers): ArrayBuffer[] {
  return [
    b.cpuActivity, b.cpuPid, b.cpuInterrupts, b.counters, b.flights, b.channels, b.channelSlots, b.lwkDepth, b.routes, b.fwq, b.memoryCells, b.events,
  ].map((a) => a.buffer as ArrayBuffer);
}
