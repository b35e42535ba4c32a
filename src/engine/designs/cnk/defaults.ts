/**
 * The settings the CNK design brings and the machine of its preset (plain data, no rules: the
 * presets import this without registering the design). Sources: IBM's Blue Gene/Q CNK source as
 * released in jedbrown/bgq-driver (cnk/src/syscalls/*.cc, cnk/src/fs/sysioFS.cc, stdioFS.cc), the
 * Blue Gene/Q Redbooks (SG24-7948 ch. 2-3) and Giampapa et al., SC 2010 (CNK on Blue Gene/P).
 */
import type { LinuxConfig, NetworkConfig, SyscallConfig } from '../../config/nodeConfig';
import { DEFAULT_NETWORK, DEFAULT_SYSCALLS, UNTUNED_LINUX } from '../../config/defaults';
import { DEFAULT_OSNODE_PARAMS, type OsNodeParams } from '../../osnode';

/**
 * Calls CNK serves on the compute node itself (bgq-driver cnk/src/syscalls: clone, futex, mmap,
 * the ids, rlimits, time, scheduling, signals, uname...). File and socket calls are not here: they
 * go through CNK's virtual file system to sysiod (or stdiod) on the I/O node.
 */
export const CNK_LOCAL = [
  'brk', 'mmap', 'munmap', 'mremap', 'mprotect', 'madvise', 'clone', 'exit', 'exit_group', 'futex', 'set_tid_address',
  'getpid', 'gettid', 'getppid', 'getuid', 'geteuid', 'getgid', 'getegid', 'getgroups', 'getrlimit', 'setrlimit', 'getrusage',
  'gettimeofday', 'clock_gettime', 'time', 'times', 'nanosleep', 'uname', 'umask', 'prctl', 'dup', 'dup2',
  'sched_yield', 'sched_getaffinity', 'sched_setaffinity', 'sched_getparam', 'sched_setparam', 'sched_getscheduler',
  'sched_setscheduler', 'sched_get_priority_max', 'sched_get_priority_min', 'rt_sigaction', 'rt_sigprocmask',
  'rt_sigreturn', 'sigaltstack', 'kill', 'tgkill', 'setitimer', 'getitimer',
] as const;

export const CNK_SYSCALLS: SyscallConfig = {
  ...DEFAULT_SYSCALLS,
  mechanism: 'cnk',
  localCalls: CNK_LOCAL,
  // sysioFS::exchangeMessages posts the request and polls the completion queue for the reply
  // on the calling hardware thread (cnv_poll_cq_for_single_recv): the caller spins.
  wait: 'spin',
  // CNK itself ships the calls to the I/O node (no Linux on the node).
  osNodeShipper: 'lwk',
  // No glibc shim in CNK's library: every small write is shipped.
  aggregation: { ...DEFAULT_SYSCALLS.aggregation, enabled: false },
};

/**
 * There is no Linux on a CNK compute node: the `linux` section has nothing to run. Daemons and
 * device interrupts have no CPU to land on (the configuration checks refuse them on such a node).
 */
export const CNK_NO_LINUX: LinuxConfig = { ...UNTUNED_LINUX, daemons: [], nicIrqPerSec: 0 };

/**
 * ASSUMPTION: the messaging unit's completions are polled by the MPI library (PAMI); no Linux
 * CPU exists to take an interrupt.
 */
export const CNK_NETWORK: NetworkConfig = { ...DEFAULT_NETWORK, irqPerMessage: 0 };

/**
 * 128 compute nodes per I/O node, as on Blue Gene/Q (Sequoia: 98,304 compute and 768 I/O nodes;
 * one I/O node per 128 compute nodes at the Hartree Centre and ALCF): N = 1024, K = 8.
 */
export const CNK_IO_NODES: OsNodeParams = { ...DEFAULT_OSNODE_PARAMS, osNodes: 8, computeNodes: 1024, mode: 'osnode' };

/** Compute nodes per I/O node on Blue Gene/Q (runjob's machine) and on Blue Gene/P Intrepid (mpirun's). */
export const BGQ_NODES_PER_IO_NODE = 128;
export const BGP_NODES_PER_IO_NODE = 64;
