/**
 * The state of one compute node as plain data (typed arrays and plain objects), so that it
 * checkpoints to bytes exactly. The rules that change it live in cpu.ts, sched.ts, noise.ts,
 * the syscall path (src/engine/syscalls) and the workloads.
 */
import type { NodeConfig } from '../config/nodeConfig';
import { Activity, CAUSE_COUNT, Role } from './kinds';
import type { CallTable } from '../syscalls/calls';
import { createCallTable } from '../syscalls/calls';
import type { ChannelTables } from '../syscalls/channel';
import { createChannels } from '../syscalls/channel';
import type { Action, ProgramState } from '../workloads/program';
import { createOsNodeState, type OsNodeState } from '../osnode';
import type { MemoryState } from './memory';
import { createNodeMemory } from './memoryRules';
import { FIRST_PID } from './jobShape';

export { FIRST_PID };

export interface CpuTable {
  /** Current activity (Activity code). */
  readonly act: Uint8Array;
  /** Thread currently on this CPU, or -1. */
  readonly current: Int32Array;
  /** When the running segment will end if not interrupted (Infinity while spinning). */
  readonly segEnd: Float64Array;
  /** Generation tokens: segment-end and interruption-end events carrying an older one are stale. */
  readonly gen: Int32Array;
  readonly igen: Int32Array;
  /** End of the interruption in progress, or 0. */
  readonly intrUntil: Float64Array;
  readonly intrCause: Uint8Array;
  /** Whether the periodic tick reaches this CPU. */
  readonly ticking: Uint8Array;
  /** When the current thread was dispatched (for Linux time slices). */
  readonly sliceStart: Float64Array;
  /** Runnable threads waiting for this CPU, first in first out. */
  readonly ready: number[][];
}

/** Thread states. */
export const TState = { Ready: 0, Running: 1, Blocked: 2, Done: 3 } as const;
export type TState = (typeof TState)[keyof typeof TState];

export interface Thread {
  readonly tid: number;
  readonly pid: number;
  /** The CPU it runs on now (a migrated thread is on its syscall CPU). */
  cpu: number;
  /** Its own CPU (where an LWK thread lives). */
  readonly home: number;
  /**
   * Linux CPUs the scheduler may place it on when it wakes (proxies), or null: it stays where
   * it is woken (application threads are pinned, as MPI launchers pin ranks).
   */
  readonly affinity: readonly number[] | null;
  /** Application thread or a Linux proxy. */
  readonly kind: 'app' | 'proxy';
  state: TState;
  /** Activity of its current or suspended segment. */
  seg: Activity;
  /** Work left of a suspended segment (ns), Infinity for a suspended spin, -1 when none. */
  segLeft: number;
  /** Its continuation (an id from rules.ts). */
  cont: number;
  /** The syscall in flight (id into the call table), or -1. */
  call: number;
  /** Proxy: the message it is serving, or -1. */
  serving: number;
  /** When each signal still waiting for delivery was sent. */
  readonly signalsSentAt: number[];
  /** glibc aggregation flushes to issue before going on: [fd, bytes] pairs. */
  readonly flushes: number[];
  /** The action postponed behind those flushes, if any. */
  deferred: Action | null;
  /** Return value of its last completed call (the new fd after an open). */
  lastRet: number;
  /** Proxy: a wake-up is already on its way (sched_run coalesces). */
  wakePending: boolean;
  /** Compute stretch from TLB misses (1 = none), from its page sizes and working set. */
  tlbFactor: number;
  /** Bytes of its working set touched so far (Linux threads fault while this grows). */
  touched: number;
  prog: ProgramState;
}

export interface Process {
  readonly pid: number;
  readonly threads: number[];
  /** Linux-side proxy threads (LWK processes only). */
  readonly proxies: number[];
  /** channel[pid]: messages routed by the IPI handler, waiting for a proxy. */
  readonly pidQueue: number[];
  /** fd -> path, so that read(fd) knows whether it targets the PFS. */
  readonly fds: Record<string, string>;
  nextFd: number;
  /** glibc aggregation buffers per fd: bytes held and when the oldest byte arrived. */
  readonly aggregation: Record<string, { bytes: number; since: number }>;
  /** When the oldest buffered byte arrived (Infinity: nothing buffered), so most calls skip the scan. */
  aggregationOldest: number;
  /** Threads blocked at the current barrier. */
  readonly barrierWaiting: number[];
  barrierArrived: number;
  exited: boolean;
}

export interface NoiseCounters {
  /** interrupts[cpu * CAUSE_COUNT + cause]: interruptions of a CPU that had work (noise). */
  readonly interrupts: Float64Array;
  /** Stolen ns, same layout. */
  readonly stolen: Float64Array;
  /** Interruptions that found the CPU idle (a wake-up IPI to a waiting core): not noise. Same layout. */
  readonly idle: Float64Array;
  /** Extra compute ns on application CPUs from shared-cache and memory-bandwidth interference. */
  readonly interferenceNs: Float64Array;
  /** Total ns of OS work (anything but application code) on the node. */
  osBusyNs: number;
  /** Recent OS busy ns (exponentially decayed; drives the interference estimate) and when it was last updated. */
  osRecentNs: number;
  osRecentAt: number;
}

export interface FwqStats {
  readonly quantumStart: Float64Array;
  readonly count: Float64Array;
  /** Sum of (elapsed - quantum): the noise each CPU saw. */
  readonly noiseSum: Float64Array;
  readonly noiseSumSq: Float64Array;
  readonly noiseMax: Float64Array;
}

export interface CpuTime {
  /** ns each CPU spent in proxies and in IPI handlers (Linux CPUs). */
  readonly proxyNs: Float64Array;
  readonly handlerNs: Float64Array;
  /** ns each CPU spent busy with anything (for utilisation). */
  readonly busyNs: Float64Array;
}

export interface AppProgress {
  iterations: number;
  mpiMessages: number;
  checkpoints: number;
  /** Completed iterations per process. */
  readonly perProcess: number[];
}

export interface NodeState {
  readonly cpu: CpuTable;
  readonly threads: Thread[];
  readonly processes: Process[];
  readonly noise: NoiseCounters;
  readonly fwq: FwqStats;
  readonly cpuTime: CpuTime;
  readonly calls: CallTable;
  readonly channels: ChannelTables;
  readonly progress: AppProgress;
  readonly linuxCpuCount: number;
  /** Next tick time (the tick is one event for all ticking CPUs: skew_tick=0 aligns them). */
  nextTick: number;
  /** Signals: sent and delivered, with the delay of each delivery summed. */
  readonly signals: { sent: number; delivered: number; delaySumNs: number; byIpi: number; atKernelEntry: number };
  launchedAt: number;
  /** In-flight IPIs for the views: flat groups of [kind, from, to, start, end]. */
  readonly flights: number[];
  /** Linux channel batches being handled, per channel, in order. */
  readonly handling: number[][][];
  /** LWK-local calls: LWK implementations vs Linux code run on the LWK CPU (mOS as built). */
  readonly localKinds: { lwkImplementation: number; linuxCodeOnLwk: number };
  /** OS nodes and the parallel filesystem (src/engine/osnode). */
  readonly osnode: OsNodeState;
  /** Physical memory: LWK regions and Linux pages (src/engine/node/memory). */
  readonly memory: MemoryState;
  /** Page faults per CPU, and the time they took. */
  readonly pageFaults: { readonly count: Float64Array; readonly ns: Float64Array };
  /** Per call id in flight to an OS node or the PFS: [network, queue, service ns, waiting thread, its continuation]. */
  readonly osnodeSplits: Record<string, number[]>;
  /** What a design keeps of its own (plain data, checkpointed with the rest), under its id; empty for most designs. */
  readonly design: Record<string, unknown>;
  /** What the user's injections (src/engine/inject) have under way. */
  readonly injected: InjectedState;
}

export interface InjectedState {
  /** Periodic interruptions under way: flat groups of [cpu, left, everyNs, durationNs, cause]. */
  readonly interruptions: number[];
  /** Per pid: extra system calls still to issue, and their name. */
  readonly storms: Record<string, { left: number; readonly name: string }>;
  /** Per pid: its proxies take no message before this time. */
  readonly proxyStallUntil: Record<string, number>;
}

export function processOf(state: NodeState, pid: number): Process {
  return state.processes[pid - FIRST_PID];
}

export function createNodeState(config: NodeConfig): NodeState {
  const n = config.cpuCount;
  const isApp = new Uint8Array(n);
  for (const c of config.appCpus) isApp[c] = 1;
  const ticking = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    const linuxCpu = config.roles[c] !== Role.Lwk;
    ticking[c] = linuxCpu && !(config.linux.nohzFull && isApp[c]) ? 1 : 0;
  }
  const channels = createChannels(config);
  return {
    cpu: {
      act: new Uint8Array(n).fill(Activity.Idle),
      current: new Int32Array(n).fill(-1),
      segEnd: new Float64Array(n),
      gen: new Int32Array(n),
      igen: new Int32Array(n),
      intrUntil: new Float64Array(n),
      intrCause: new Uint8Array(n),
      ticking,
      sliceStart: new Float64Array(n),
      ready: Array.from({ length: n }, () => []),
    },
    threads: [],
    processes: [],
    noise: {
      interrupts: new Float64Array(n * CAUSE_COUNT),
      stolen: new Float64Array(n * CAUSE_COUNT),
      idle: new Float64Array(n * CAUSE_COUNT),
      interferenceNs: new Float64Array(n),
      osBusyNs: 0,
      osRecentNs: 0,
      osRecentAt: 0,
    },
    fwq: {
      quantumStart: new Float64Array(n),
      count: new Float64Array(n),
      noiseSum: new Float64Array(n),
      noiseSumSq: new Float64Array(n),
      noiseMax: new Float64Array(n),
    },
    cpuTime: { proxyNs: new Float64Array(n), handlerNs: new Float64Array(n), busyNs: new Float64Array(n) },
    calls: createCallTable(),
    channels,
    progress: { iterations: 0, mpiMessages: 0, checkpoints: 0, perProcess: [] },
    linuxCpuCount: config.roles.filter((r) => r !== Role.Lwk).length,
    nextTick: 0,
    signals: { sent: 0, delivered: 0, delaySumNs: 0, byIpi: 0, atKernelEntry: 0 },
    launchedAt: -1,
    flights: [],
    handling: channels.linux.map(() => []),
    localKinds: { lwkImplementation: 0, linuxCodeOnLwk: 0 },
    osnode: createOsNodeState(config.osnode),
    osnodeSplits: {},
    design: {},
    injected: { interruptions: [], storms: {}, proxyStallUntil: {} },
    memory: createNodeMemory(config),
    pageFaults: { count: new Float64Array(n), ns: new Float64Array(n) },
  };
}
