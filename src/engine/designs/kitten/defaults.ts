/**
 * The settings the Kitten designs bring (plain data, no rules: the presets import this without
 * registering a design). Sources: HobbesOSR/kitten — kernel/linux_syscalls/ (Kitten's own
 * implementations), kernel/hio/hio.c and hio_syscalls/ (the calls HIO can forward, the 128-entry
 * ring), kernel/kfs.c (kfs_init_stdio: fds 0-2 are Kitten's console), kernel/sched.c (sched_hz).
 */
import type { LwkConfig, SyscallConfig, VmConfig } from '../../config/nodeConfig';
import { DEFAULT_LWK, DEFAULT_SYSCALLS } from '../../config/defaults';
import { MS } from '../../kernel/time';

/** Kitten's own implementations of Linux calls (kernel/linux_syscalls/*.c; geteuid/getegid map to getuid/getgid). */
export const KITTEN_LOCAL = [
  'access', 'alarm', 'brk', 'clock_getres', 'clock_gettime', 'clone', 'close', 'connect', 'dup', 'dup2', 'dup3', 'eventfd2',
  'exit', 'exit_group', 'fcntl', 'fork', 'fstat', 'futex', 'getcpu', 'getcwd', 'getdents', 'getdents64', 'getgid', 'getegid',
  'getgroups', 'getpid', 'getrlimit', 'getrusage', 'gettid', 'gettimeofday', 'getuid', 'geteuid', 'ioctl', 'kill', 'lseek',
  'madvise', 'mkdir', 'mkdirat', 'mknod', 'mknodat', 'mmap', 'mprotect', 'mremap', 'munmap', 'nanosleep', 'open', 'openat',
  'pipe', 'pipe2', 'poll', 'ppoll', 'read', 'readlink', 'readlinkat', 'readv', 'rmdir', 'rt_sigaction', 'rt_sigpending',
  'rt_sigprocmask', 'sched_getaffinity', 'sched_yield', 'sendto', 'set_robust_list', 'set_tid_address', 'socket',
  'socketpair', 'stat', 'time', 'uname', 'unlink', 'wait4', 'write', 'writev',
] as const;

/**
 * The HIO mask: calls forwarded to the Linux stub when they are not on a Kitten file (hio_* in
 * kernel/hio/hio_syscalls check `syscall_isset(nr, aspace->hio_syscall_mask)` and fdTableFile()).
 * ASSUMPTION: the launcher sets the file and socket calls of HIO's wrappers; the ids, uname,
 * set_tid_address, mmap/munmap and the shm* calls, which Kitten answers itself, stay out.
 */
export const KITTEN_FORWARDED = [
  'open', 'openat', 'close', 'read', 'write', 'readv', 'writev', 'lseek', 'stat', 'newfstatat', 'fstat', 'statfs',
  'faccessat', 'readlink', 'unlink', 'ftruncate', 'getdents', 'getdents64', 'fcntl', 'ioctl', 'poll', 'socket', 'connect',
  'accept', 'bind', 'listen', 'sendto', 'recvfrom', 'recvmsg', 'getsockopt', 'setsockopt', 'getsockname',
] as const;

export const KITTEN_SYSCALLS: SyscallConfig = {
  ...DEFAULT_SYSCALLS,
  mechanism: 'kitten',
  localCalls: KITTEN_LOCAL,
  forwardedCalls: KITTEN_FORWARDED,
  // hio_wait_syscall: wait_event_interruptible, the caller sleeps until the stub's answer.
  wait: 'block',
  // MAX_OUTSTANDING_SYSCALLS in kernel/hio/hio.c: one ring for the whole Kitten instance.
  channelCapacity: 128,
  // The Linux enclave is the node's PFS client (the stub does the I/O as a Linux process).
  osNodeShipper: 'none',
  aggregation: { ...DEFAULT_SYSCALLS.aggregation, enabled: false },
};

/**
 * Kitten preempts user tasks round-robin sched_hz times a second, 10 by default (kernel/sched.c:
 * `unsigned int sched_hz = 10`; the LAPIC timer is set to it, lapic_set_timer_freq(sched_hz)).
 */
export const KITTEN_LWK: LwkConfig = { ...DEFAULT_LWK, rrQuantumNs: 100 * MS };

/** One Linux group for the whole LWK: the ring is one per Kitten instance, its notifications go to CPU 0. */
export const KITTEN_PARTITION = 'lwkcpus=0.1-15,17-31,33-47,49-63 lwkmem=0:88G,1:88G';

/**
 * The VM of kitten-palacios. exitNs: ASSUMPTION, an exit and the entry back cost about a
 * microsecond with the VMM's dispatch (hardware round trips are some hundreds of ns). guestHz:
 * the guest is the untuned Linux of the baselines (CONFIG_HZ=1000). guestPageBytes: 4 KiB, no THP
 * in the guest (as the untuned baseline). hostPageBytes: ASSUMPTION, Palacios maps the guest's
 * memory, which Kitten gives it physically contiguous, with 2 MiB nested pages.
 */
export const PALACIOS_VM: VmConfig = { exitNs: 1_000, guestHz: 1_000, guestPageBytes: 4096, hostPageBytes: 2 * 1024 * 1024 };

export const KITTEN_PALACIOS_SYSCALLS: SyscallConfig = {
  ...KITTEN_SYSCALLS,
  mechanism: 'kitten-palacios',
  // The guest Linux serves every call that needs no device; the rest leave the VM.
  localCalls: [],
  // ASSUMPTION: the calls that reach the guest's devices are the file and socket calls of Kitten's
  // mask, and fsync (which the guest's file system must send to its device; Kitten has none).
  forwardedCalls: [...KITTEN_FORWARDED, 'fsync', 'fdatasync'],
  vm: PALACIOS_VM,
};
