/** Event kinds of the node model: the index into its handler table (model.ts). */
export const Ev = {
  /** a = cpu, b = generation: the compute segment on `cpu` is finished. */
  WorkDone: 0,
  /** a = cpu, b = generation: the interruption on `cpu` is over. */
  IntrEnd: 1,
  /** The periodic tick on every ticking CPU. */
  Tick: 2,
  /** a = daemon index: a kernel daemon wakes up. */
  Daemon: 3,
  /** A network-card interrupt. */
  NicIrq: 4,
  /** The round-robin quantum expires on every LWK CPU (only when enabled). */
  RoundRobin: 5,
  /** a = cpu: the residual 1 Hz tick of a nohz_full CPU. */
  ResidualTick: 6,
  /** The job starts on the application CPUs. */
  Launch: 7,
} as const;
export const EVENT_KIND_COUNT = 8;

/** Trace record kinds of the node model. */
export const Tr = {
  /** cpu, a = cause, b = duration ns */
  IntrBegin: 1,
  /** cpu, a = cause */
  IntrEnd: 2,
  /** cpu, pid, a = elapsed ns, b = work quantum ns */
  Quantum: 3,
  /** cpu, pid, a = thread id */
  ThreadStart: 4,
  /** a = processes, b = threads */
  Launch: 5,
  /** cpu, a = extra ns from interference */
  Interference: 6,
} as const;
