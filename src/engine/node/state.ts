/**
 * The state of one compute node as plain data (typed arrays indexed by CPU), so that it
 * checkpoints to bytes exactly. Rules that change it live in cpu.ts, noise.ts and the workloads.
 */
import type { NodeConfig } from '../config/nodeConfig';
import { Activity, CAUSE_COUNT, Role } from './kinds';

export interface CpuTable {
  /** Current activity (Activity code). */
  readonly act: Uint8Array;
  /** Application thread assigned to this CPU, or -1. */
  readonly thread: Int32Array;
  /** When the running compute segment started and when it will end if not interrupted. */
  readonly segStart: Float64Array;
  readonly workEnd: Float64Array;
  /** Work left (ns) of the compute segment an interruption has suspended; -1 when none. */
  readonly suspended: Float64Array;
  /** Generation token: events carrying an older one are stale and ignored. */
  readonly gen: Int32Array;
  /** End of the interruption in progress, or 0. */
  readonly intrUntil: Float64Array;
  readonly intrCause: Uint8Array;
  /** Whether the periodic tick reaches this CPU. */
  readonly ticking: Uint8Array;
}

export interface NoiseCounters {
  /** interrupts[cpu * CAUSE_COUNT + cause] */
  readonly interrupts: Float64Array;
  /** Stolen ns, same layout. */
  readonly stolen: Float64Array;
  /** Extra compute ns on LWK CPUs from shared-cache and memory-bandwidth interference. */
  readonly interferenceNs: Float64Array;
  /** Total ns of noise on Linux CPUs (drives the interference estimate). */
  linuxNoiseNs: number;
}

export interface FwqStats {
  readonly quantumStart: Float64Array;
  readonly count: Float64Array;
  /** Sum of (elapsed - quantum): the noise each CPU saw. */
  readonly noiseSum: Float64Array;
  readonly noiseSumSq: Float64Array;
  readonly noiseMax: Float64Array;
}

export interface NodeState {
  readonly cpu: CpuTable;
  readonly noise: NoiseCounters;
  readonly fwq: FwqStats;
  /** Per thread id: its pid. */
  readonly threadPid: number[];
  readonly linuxCpuCount: number;
  /** Next tick time (the tick is one event for all ticking CPUs: skew_tick=0 aligns them). */
  nextTick: number;
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
  return {
    cpu: {
      act: new Uint8Array(n).fill(Activity.Idle),
      thread: new Int32Array(n).fill(-1),
      segStart: new Float64Array(n),
      workEnd: new Float64Array(n),
      suspended: new Float64Array(n).fill(-1),
      gen: new Int32Array(n),
      intrUntil: new Float64Array(n),
      intrCause: new Uint8Array(n),
      ticking,
    },
    noise: {
      interrupts: new Float64Array(n * CAUSE_COUNT),
      stolen: new Float64Array(n * CAUSE_COUNT),
      interferenceNs: new Float64Array(n),
      linuxNoiseNs: 0,
    },
    fwq: {
      quantumStart: new Float64Array(n),
      count: new Float64Array(n),
      noiseSum: new Float64Array(n),
      noiseSumSq: new Float64Array(n),
      noiseMax: new Float64Array(n),
    },
    threadPid: [],
    linuxCpuCount: config.roles.filter((r) => r !== Role.Lwk).length,
    nextTick: 0,
  };
}
