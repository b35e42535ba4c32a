/**
 * Numeric codes shared by the engine, the worker's frames and the views.
 * Keep them stable: frames and checkpoints carry them.
 */

/** Role of a CPU in the static partition. */
export const Role = { Linux: 0, Syscall: 1, Lwk: 2 } as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLE_NAMES = ['Linux', 'syscall CPU', 'LWK'] as const;

/** What a CPU is doing right now (one tile colour each). */
export const Activity = {
  Idle: 0,
  App: 1,
  Poll: 2,
  Handler: 3,
  Proxy: 4,
  Tick: 5,
  Daemon: 6,
  DeviceIrq: 7,
  Ipi: 8,
  Timer: 9,
  TlbShootdown: 10,
  Syscall: 11,
} as const;
export type Activity = (typeof Activity)[keyof typeof Activity];
export const ACTIVITY_NAMES = [
  'idle',
  'application',
  'polling',
  'IPI handler (channel dispatch)',
  'proxy',
  'timer tick',
  'kernel daemon',
  'device interrupt',
  'IPI',
  'one-shot timer',
  'TLB shootdown',
  'system call',
] as const;

/**
 * Why a CPU was interrupted. Every interruption of an LWK CPU must have one of these causes.
 * Index into per-CPU counters.
 */
export const Cause = {
  Tick: 0,
  Daemon: 1,
  DeviceIrq: 2,
  Ipi: 3,
  Timer: 4,
  TlbShootdown: 5,
  RoundRobin: 6,
  /** The launch daemon's work (receiving the job, reserving, loading): not a kernel daemon's noise. */
  Launch: 7,
  /** A PFS client's own work on a node that is its own parallel-filesystem client (pinger, lock callbacks). */
  PfsClient: 8,
  /** What still reaches a nohz_full CPU (vmstat updates, deferred work, TLB shootdowns from other tasks). */
  Residual: 9,
} as const;
export type Cause = (typeof Cause)[keyof typeof Cause];
export const CAUSE_NAMES = ['timer tick', 'kernel daemon', 'device interrupt', 'IPI', 'one-shot timer', 'TLB shootdown', 'round-robin quantum', 'job launch', 'PFS client', 'nohz_full residual'] as const;
export const CAUSE_COUNT = CAUSE_NAMES.length;
/** The activity shown while a CPU handles an interruption of each cause. */
export const CAUSE_ACTIVITY: readonly Activity[] = [
  Activity.Tick,
  Activity.Daemon,
  Activity.DeviceIrq,
  Activity.Ipi,
  Activity.Timer,
  Activity.TlbShootdown,
  Activity.Tick,
  Activity.Daemon,
  Activity.Daemon,
  Activity.Daemon,
];
