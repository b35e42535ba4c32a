/**
 * Syscall classes the triage policies and the strace replay need. Names are x86_64 names
 * (src/engine/syscalls/x86_64Table.ts); a name not listed is in no class.
 */

/** What an fd refers to, as far as strace -y/-yy (or the simulation) can tell. */
export const FD_KINDS = ['unknown', 'file', 'device', 'tty', 'pipe', 'socket', 'anon'] as const;
export type FdKind = (typeof FD_KINDS)[number];

/** Served by the vDSO on Linux: no kernel entry at all (tens of ns). */
const VDSO = new Set(['clock_gettime', 'gettimeofday', 'time', 'getcpu']);

/** Wait for something outside the caller whatever the fd: a peer, a child, a timer, a signal. */
const ALWAYS_BLOCKING = new Set([
  'poll', 'ppoll', 'select', 'pselect6', 'epoll_wait', 'epoll_pwait', 'epoll_pwait2',
  'wait4', 'waitid', 'nanosleep', 'clock_nanosleep', 'pause', 'rt_sigsuspend', 'rt_sigtimedwait',
  'futex_waitv',
]);

/** Block only when the fd is fed from outside (a pipe, a socket, a terminal); a regular file does not. */
const BLOCKING_ON_FD = new Set(['read', 'readv', 'recvfrom', 'recvmsg', 'recvmmsg', 'accept', 'accept4']);
const EXTERNAL_FD_KINDS: ReadonlySet<FdKind> = new Set<FdKind>(['pipe', 'socket', 'tty']);

/** Data or metadata I/O whose first argument is an fd. */
const FD_IO = new Set([
  'read', 'write', 'pread64', 'pwrite64', 'readv', 'writev', 'preadv', 'pwritev', 'preadv2', 'pwritev2',
  'lseek', 'fsync', 'fdatasync', 'ftruncate', 'fallocate', 'fadvise64', 'sync_file_range', 'fstat',
  'fstatfs', 'getdents', 'getdents64', 'ioctl', 'fcntl', 'flock', 'fchmod', 'fchown', 'fchdir',
  'fgetxattr', 'fsetxattr', 'flistxattr', 'fremovexattr', 'sendfile', 'copy_file_range', 'splice', 'tee',
  'sendto', 'recvfrom', 'sendmsg', 'recvmsg', 'sendmmsg', 'recvmmsg', 'readahead',
]);

/** Read/write family: bytes moved are the return value (or the requested length, argument 2). */
const READ_FAMILY = new Set(['read', 'pread64', 'readv', 'preadv', 'preadv2', 'recvfrom', 'recvmsg', 'recvmmsg']);
const WRITE_FAMILY = new Set(['write', 'pwrite64', 'writev', 'pwritev', 'pwritev2', 'sendto', 'sendmsg', 'sendmmsg', 'sendfile']);

/** Index of the path argument of path-taking calls (the *at calls have the dirfd first). */
const PATH_ARG: ReadonlyMap<string, number> = new Map([
  ['open', 0], ['creat', 0], ['stat', 0], ['lstat', 0], ['access', 0], ['execve', 0], ['readlink', 0],
  ['unlink', 0], ['mkdir', 0], ['rmdir', 0], ['rename', 0], ['chdir', 0], ['chmod', 0], ['chown', 0],
  ['lchown', 0], ['truncate', 0], ['link', 0], ['symlink', 1], ['statfs', 0], ['mknod', 0], ['utime', 0],
  ['utimes', 0], ['getxattr', 0], ['lgetxattr', 0], ['setxattr', 0], ['lsetxattr', 0], ['listxattr', 0],
  ['llistxattr', 0], ['removexattr', 0], ['lremovexattr', 0], ['chroot', 0], ['acct', 0], ['swapon', 0],
  ['openat', 1], ['openat2', 1], ['newfstatat', 1], ['statx', 1], ['faccessat', 1], ['faccessat2', 1],
  ['execveat', 1], ['readlinkat', 1], ['unlinkat', 1], ['mkdirat', 1], ['renameat', 1], ['renameat2', 1],
  ['fchmodat', 1], ['fchownat', 1], ['linkat', 1], ['symlinkat', 2], ['mknodat', 1], ['utimensat', 1],
  ['futimesat', 1], ['name_to_handle_at', 1], ['inotify_add_watch', 1], ['open_tree', 1],
]);

/** Calls that return a new fd (or fill an array of fds: pipe, pipe2, socketpair). */
const CREATES_FD = new Set([
  'open', 'openat', 'openat2', 'creat', 'dup', 'dup2', 'dup3', 'pipe', 'pipe2', 'socket', 'socketpair',
  'accept', 'accept4', 'epoll_create', 'epoll_create1', 'eventfd', 'eventfd2', 'signalfd', 'signalfd4',
  'timerfd_create', 'inotify_init', 'inotify_init1', 'memfd_create', 'userfaultfd', 'perf_event_open',
  'pidfd_open', 'open_by_handle_at', 'fanotify_init',
]);
const CLOSES_FD = new Set(['close', 'close_range']);

export function isVdso(name: string): boolean {
  return VDSO.has(name);
}

/**
 * Whether the call waits on something outside the calling thread. `futexOp` is the op argument
 * as strace prints it (e.g. "FUTEX_WAIT_PRIVATE"); futex blocks only for the wait/lock ops.
 */
export function isBlockingOnExternal(name: string, fdKind: FdKind = 'unknown', futexOp?: string): boolean {
  if (ALWAYS_BLOCKING.has(name)) return true;
  if (name === 'futex') return futexOp === undefined ? true : /WAIT|LOCK_PI/.test(futexOp);
  return BLOCKING_ON_FD.has(name) && EXTERNAL_FD_KINDS.has(fdKind);
}

/** Data or metadata I/O on an fd given as the first argument. */
export function isFdIo(name: string): boolean {
  return FD_IO.has(name);
}

/** 'read' or 'write' for the calls that move a byte count, otherwise undefined. */
export function transferDirection(name: string): 'read' | 'write' | undefined {
  if (READ_FAMILY.has(name)) return 'read';
  if (WRITE_FAMILY.has(name)) return 'write';
  return undefined;
}

/** Index of the path argument, or -1 if the call takes no path. */
export function pathArgIndex(name: string): number {
  return PATH_ARG.get(name) ?? -1;
}

export function takesPath(name: string): boolean {
  return PATH_ARG.has(name);
}

/** What the call does to the fd table: creates an fd, closes one, or neither. */
export function fdEffect(name: string): 'create' | 'close' | 'none' {
  if (CREATES_FD.has(name)) return 'create';
  if (CLOSES_FD.has(name)) return 'close';
  return 'none';
}
