/**
 * Default parameters. Each says where its number comes from; ASSUMPTION marks a value found in
 * no public source, which the user can change (docs/parameters.md lists them all).
 */
import type { DaemonSpec, InterferenceConfig, LaunchConfig, LinuxConfig, LwkConfig, NetworkConfig, SyscallConfig, SyscallCosts } from './nodeConfig';
import type { CakeConfig, FfmkConfig, HobbesConfig } from './nodeConfig';
import { MS, US } from '../kernel/time';

/** Kernel daemons of a stock distribution. ASSUMPTION: typical orders of magnitude. */
export const STOCK_DAEMONS: readonly DaemonSpec[] = [
  { name: 'kworker', ratePerSec: 40, medianNs: 6 * US, sigma: 0.6 },
  { name: 'rcu_sched', ratePerSec: 60, medianNs: 2 * US, sigma: 0.4 },
  { name: 'ksoftirqd', ratePerSec: 15, medianNs: 10 * US, sigma: 0.7 },
  { name: 'monitoring agent', ratePerSec: 1, medianNs: 150 * US, sigma: 0.5 },
];

export const UNTUNED_LINUX: LinuxConfig = {
  hz: 1000, // CONFIG_HZ=1000, common on HPC distributions
  tickNs: 1_500, // ASSUMPTION: tuned Linux noise is single-digit µs (docs/sources.md, Tuned Linux noise)
  nohzFull: false,
  isolcpus: false,
  irqAffinity: false,
  thp: false,
  daemons: STOCK_DAEMONS,
  nicIrqPerSec: 2_000, // ASSUMPTION
  nicIrqNs: 3 * US, // ASSUMPTION
  timesliceNs: 3 * MS, // CFS sched_min_granularity order of magnitude
  switchNs: 1_500, // ASSUMPTION: Linux context switch 1-2 µs
  wakeupNs: 2 * US, // ASSUMPTION: try_to_wake_up to running
  residual: [], // only nohz_full CPUs have residual sources (TUNED_LINUX)
};

/**
 * What a nohz_full CPU running one task still sees besides the 1 Hz residual tick
 * (Documentation/timers/no_hz.rst, "Known issues"; Documentation/admin-guide/kernel-per-CPU-kthreads.rst):
 * vmstat_update every vm.stat_interval (default 1 s), deferred per-CPU work, and TLB shootdowns
 * from munmap by other tasks. Rates beyond vmstat and every duration: ASSUMPTION.
 */
export const NOHZ_RESIDUAL: readonly DaemonSpec[] = [
  { name: 'vmstat_update', ratePerSec: 1, medianNs: 5 * US, sigma: 0.5 },
  { name: 'deferred work', ratePerSec: 2, medianNs: 10 * US, sigma: 0.5 },
  { name: 'TLB shootdown', ratePerSec: 2, medianNs: 1 * US, sigma: 0.3 },
];

export const TUNED_LINUX: LinuxConfig = { ...UNTUNED_LINUX, nohzFull: true, isolcpus: true, irqAffinity: true, thp: true, residual: NOHZ_RESIDUAL };

export const DEFAULT_LWK: LwkConfig = {
  rrQuantumNs: 0, // off unless `yod -o lwksched-enable-rr=<ms>`
  switchNs: 200, // ASSUMPTION: cooperative switch, no scheduler heuristics
};

/**
 * ASSUMPTION: 0.25 % slower compute per CPU's worth of OS work anywhere on the node (1 % when
 * the four Linux CPUs of the 64-CPU node are all busy), over a 10 ms window. The same rule on
 * every application CPU, whatever kernel runs it.
 */
export const DEFAULT_INTERFERENCE: InterferenceConfig = { perBusyCpu: 0.0025, windowNs: 10 * MS };

/** ASSUMPTION: the launch daemon's steps (orders of magnitude; memory zeroing is computed, docs/memory.md). */
export const DEFAULT_LAUNCH: LaunchConfig = {
  receiveNs: 50 * US,
  reserveNs: 20 * US,
  loadNs: 1 * MS,
  proxiesPerProcessNs: 50 * US,
  nicNs: 200 * US,
  startNs: 10 * US,
};

export const DEFAULT_COSTS: SyscallCosts = {
  interceptNs: 20, // ASSUMPTION: an LD_PRELOAD wrapper is a few function calls
  kernelEntryNs: 100, // syscall/sysret round trip ~100 ns on current x86 (order of magnitude)
  vdsoNs: 25, // vDSO calls cost tens of ns (docs/sources.md, vDSO calls)
  localNs: 150, // ASSUMPTION
  insertNs: 150, // ASSUMPTION: two cache-line transfers between cores
  ipiNs: 1_000, // ASSUMPTION: IPI 1-3 µs round trip (docs/sources.md, IPI latency)
  ipiEntryNs: 300, // ASSUMPTION: interrupt entry/exit on the target
  handlerBaseNs: 400, // ASSUMPTION
  handlerPerMessageNs: 100, // ASSUMPTION
  serviceNs: { io: 1_500, open: 6_000, meta: 2_000, process: 60_000, other: 1_000 }, // ASSUMPTION
  copyNsPerByte: 0.1, // ~10 GB/s memcpy between domains at distance 10; ASSUMPTION
  replyNs: 150, // ASSUMPTION
  pollNs: 100, // ASSUMPTION
  migrateNs: 3 * US, // ASSUMPTION: thread migration across CPUs (mOS evanescence)
  timerIrqNs: 800, // ASSUMPTION
  shootdownNs: 600, // ASSUMPTION
  userCopyNsPerByte: 0.05, // ASSUMPTION: memcpy within a core's cache
};

/** mOS as built: lwk_sys_* implementations (intel/mOS mOS/sys.c). */
export const LWK_IMPLEMENTED = ['brk', 'mmap', 'munmap', 'mremap', 'mprotect', 'madvise', 'mbind'] as const;
/** mOS as built: Linux code run on the LWK CPU itself (arch/x86/include/asm/syscall_wrapper.h). */
export const LINUX_CODE_ON_LWK = [
  'clock_gettime', 'clock_getres', 'clock_settime', 'clock_adjtime', 'nanosleep', 'clock_nanosleep',
  'timer_create', 'timer_settime', 'timer_gettime', 'timer_getoverrun', 'timer_delete', 'getitimer', 'setitimer',
  'futex', 'getpid', 'getppid', 'getpriority', 'setpriority', 'gettimeofday', 'time', 'times', 'sched_yield',
  'sched_getaffinity', 'sched_setaffinity', 'perf_event_open', 'process_vm_readv', 'process_vm_writev', 'writev',
] as const;
/** McKernel: memory, signals, clone, futex, scheduling, ids and timers are local (RIKEN-SysSoft/mckernel syscall_list.h). */
export const MCKERNEL_LOCAL = [
  'brk', 'mmap', 'munmap', 'mremap', 'mprotect', 'madvise', 'mbind', 'rt_sigaction', 'rt_sigprocmask', 'rt_sigreturn',
  'kill', 'tgkill', 'clone', 'futex', 'sched_yield', 'sched_getaffinity', 'sched_setaffinity', 'getpid', 'gettid',
  'getppid', 'getuid', 'geteuid', 'getgid', 'getegid', 'nanosleep', 'clock_nanosleep', 'setitimer', 'getitimer',
  'clock_gettime', 'gettimeofday', 'time', 'times',
] as const;
/** The paper's design: the LWK keeps the performance-critical calls (memory, scheduling, futex, ids, timers). */
export const SHIPPING_LOCAL = [...LWK_IMPLEMENTED, 'futex', 'sched_yield', 'getpid', 'gettid', 'getppid', 'nanosleep', 'clock_nanosleep', 'clock_gettime', 'gettimeofday', 'time', 'times'] as const;

export const DEFAULT_SYSCALLS: SyscallConfig = {
  mechanism: 'shipping',
  localCalls: SHIPPING_LOCAL,
  linuxCodeOnLwk: [],
  wait: 'block',
  replyIpi: false,
  ipiPolicy: 'coalesce',
  channelCapacity: 64,
  proxyThreads: 1,
  proxyAffinity: 'domain',
  pfsPrefix: '/pfs',
  osNodeShipper: 'linux',
  aggregation: { enabled: true, smallBytes: 4096, bufferBytes: 65536, timeoutNs: 10 * MS },
  costs: DEFAULT_COSTS,
};

export const MCKERNEL_SYSCALLS: SyscallConfig = {
  ...DEFAULT_SYSCALLS,
  mechanism: 'mckernel',
  localCalls: MCKERNEL_LOCAL,
  wait: 'spin',
  ipiPolicy: 'every',
  osNodeShipper: 'none',
  aggregation: { ...DEFAULT_SYSCALLS.aggregation, enabled: false },
};

export const EVANESCENCE_SYSCALLS: SyscallConfig = {
  ...DEFAULT_SYSCALLS,
  mechanism: 'evanescence',
  localCalls: [...LWK_IMPLEMENTED, ...LINUX_CODE_ON_LWK],
  linuxCodeOnLwk: LINUX_CODE_ON_LWK,
  osNodeShipper: 'none',
  aggregation: { ...DEFAULT_SYSCALLS.aggregation, enabled: false },
};

export const NATIVE_SYSCALLS: SyscallConfig = {
  ...DEFAULT_SYSCALLS,
  mechanism: 'native',
  localCalls: [],
  osNodeShipper: 'none',
  aggregation: { ...DEFAULT_SYSCALLS.aggregation, enabled: false },
};

export const DEFAULT_NETWORK: NetworkConfig = {
  latencyNs: 1_500, // order of magnitude of HPC interconnect MPI latency (1-2 µs)
  bytesPerNs: 12.5, // 100 Gb/s
  irqPerMessage: 0.05, // ASSUMPTION: most completions are polled
};

/**
 * ASSUMPTION: working set per thread, touched 2 MiB per compute phase. A mini-app's 8 MiB is more
 * than a 4 KiB-page TLB reaches and within a 2 MiB-page one's; FWQ's loop fits in any TLB.
 */
export const APP_MEMORY = {
  bsp: { workingSetBytes: 8 * 1024 * 1024, touchBytesPerSegment: 2 * 1024 * 1024 },
  small: { workingSetBytes: 256 * 1024, touchBytesPerSegment: 256 * 1024 },
} as const;

/**
 * Kitten's own Linux system calls that touch no file (HobbesOSR/kitten kernel/linux_syscalls/):
 * memory, threads, ids, time, futex, signals, scheduling. Its file calls reach the Linux host's
 * files through the Pisces control channel, which the Hobbes design models with the shipping path.
 */
export const KITTEN_LOCAL = [
  'brk', 'mmap', 'munmap', 'mremap', 'mprotect', 'madvise', 'clone', 'futex', 'getpid', 'gettid', 'getuid', 'getgid',
  'getgroups', 'getrlimit', 'getrusage', 'getcpu', 'clock_gettime', 'clock_getres', 'gettimeofday', 'time', 'nanosleep',
  'kill', 'rt_sigaction', 'rt_sigpending', 'rt_sigprocmask', 'sched_getaffinity', 'sched_yield', 'set_robust_list',
  'set_tid_address', 'uname', 'alarm', 'exit', 'exit_group',
] as const;

/** Hobbes (designs/hobbes.ts): every number an ASSUMPTION (docs/designs/hobbes.md). */
export const HOBBES_DEFAULTS: HobbesConfig = {
  analyticsThreads: 8, // ASSUMPTION: an analytics program of 8 single-threaded ranks
  outputEvery: 10, // ASSUMPTION: an output step every 10 iterations
  outputBytes: 64 * 1024 * 1024, // ASSUMPTION: 64 MiB per output step
  buffers: 2, // ASSUMPTION: double buffering
  analysisNsPerByte: 0.25, // ASSUMPTION: the analytics reads ~4 GB/s per core
  pollNs: 20 * US, // ASSUMPTION: the analytics looks at the output flag every 20 µs
  attachNs: 10 * US, // ASSUMPTION: xemem_get and the attach command (no published latency found)
  pageNs: 20, // ASSUMPTION: one page-frame entry built (owner) or mapped (attacher)
};

/** Hobbes: Kitten's local calls; host file calls over the Pisces channel; no OS nodes (the host is a PFS client). */
export const HOBBES_SYSCALLS: SyscallConfig = {
  ...DEFAULT_SYSCALLS,
  mechanism: 'hobbes',
  localCalls: KITTEN_LOCAL,
  osNodeShipper: 'none',
  aggregation: { ...DEFAULT_SYSCALLS.aggregation, enabled: false },
  hobbes: HOBBES_DEFAULTS,
};

/** Argo NodeOS (designs/argo.ts): one Linux kernel, calls served where they are made. */
export const ARGO_SYSCALLS: SyscallConfig = { ...NATIVE_SYSCALLS, mechanism: 'argo' };

/** FFMK (designs/ffmk.ts). */
export const FFMK_DEFAULTS: FfmkConfig = {
  ipcNs: 1_000, // ASSUMPTION: Fiasco.OC exception IPC path on one core, without the IPI (no published figure found)
};

/** FFMK: the microkernel implements no Linux call; everything but the barrier's futex goes to L4Linux. */
export const FFMK_SYSCALLS: SyscallConfig = {
  ...DEFAULT_SYSCALLS,
  mechanism: 'ffmk',
  localCalls: [],
  osNodeShipper: 'none',
  aggregation: { ...DEFAULT_SYSCALLS.aggregation, enabled: false },
  ffmk: FFMK_DEFAULTS,
};

/** CAKE (designs/cake.ts): the seed's slide is the only source; every value an ASSUMPTION. */
export const CAKE_DEFAULTS: CakeConfig = {
  prefix: '/home/app/', // ASSUMPTION: the BSP mini-app's log directory, so that its log files are the agent's
  calls: [],
  agentThreads: 1, // ASSUMPTION: one agent thread, as a FUSE daemon run single-threaded
  serviceNs: 2 * US, // ASSUMPTION: the agent's own work per request
};

/** CAKE: the paper's function shipping for everything the agent does not take. */
export const CAKE_SYSCALLS: SyscallConfig = { ...DEFAULT_SYSCALLS, mechanism: 'cake', cake: CAKE_DEFAULTS };
