/**
 * The resolved configuration of one compute node: what the engine trusts.
 * Untrusted text (partition strings, JSON files, URLs) is parsed and validated at the edge
 * (src/engine/config/parse*.ts) into this shape. Every number is a named parameter;
 * docs/parameters.md gives each its default and source, or marks it as an assumption.
 */
import type { Role } from '../node/kinds';

export interface DaemonSpec {
  readonly name: string;
  /** Mean wake-ups per second (Poisson). */
  readonly ratePerSec: number;
  /** Median run time per wake-up, ns (log-normal). */
  readonly medianNs: number;
  /** Shape of the log-normal (sigma of the underlying normal). */
  readonly sigma: number;
}

export interface LinuxConfig {
  /** CONFIG_HZ: timer ticks per second on ticking Linux CPUs. */
  readonly hz: number;
  /** Time the tick handler takes, ns. */
  readonly tickNs: number;
  /** nohz_full on the application CPUs: their tick stops while one task runs (a 1 Hz residual tick stays). */
  readonly nohzFull: boolean;
  /** isolcpus on the application CPUs: kernel daemons stay on housekeeping CPUs. */
  readonly isolcpus: boolean;
  /** Device interrupts routed to housekeeping CPUs only. */
  readonly irqAffinity: boolean;
  /** Transparent huge pages for anonymous memory. */
  readonly thp: boolean;
  readonly daemons: readonly DaemonSpec[];
  /** Network-card interrupts per second (before MPI traffic is handed to the application). */
  readonly nicIrqPerSec: number;
  readonly nicIrqNs: number;
}

export interface LwkConfig {
  /** Round-robin quantum in ns; 0 = off (the default: cooperative, tickless). `yod -o lwksched-enable-rr=<ms>`. */
  readonly rrQuantumNs: number;
  /**
   * Slowdown of LWK compute per unit of Linux CPU activity, through shared caches and memory
   * bandwidth (the seed's "cache pollution"). ASSUMPTION, adjustable: factor = 1 + k * busyShare.
   */
  readonly interference: number;
}

export interface FwqWorkload {
  readonly kind: 'fwq';
  /** Work per quantum, ns (FWQ: fixed work quanta). */
  readonly quantumNs: number;
}

export type WorkloadConfig = FwqWorkload;

export interface NodeConfig {
  /** Preset or user name of this configuration. */
  readonly name: string;
  /** Which kernel runs the application: the LWK (mOS) or Linux (the baselines). */
  readonly system: 'mos' | 'linux';
  readonly cpuCount: number;
  /** Per CPU: its core, its NUMA domain. */
  readonly coreOf: readonly number[];
  readonly numaOf: readonly number[];
  /** Per CPU: its role in the partition. */
  readonly roles: readonly Role[];
  /** Per CPU: the syscall CPU serving it (LWK CPUs), or -1. */
  readonly syscallCpuOf: readonly number[];
  /** CPUs that run the application's threads. */
  readonly appCpus: readonly number[];
  /** The partition as text (mOS boot syntax), for display. */
  readonly partitionText: string;
  readonly linux: LinuxConfig;
  readonly lwk: LwkConfig;
  readonly workload: WorkloadConfig;
}
