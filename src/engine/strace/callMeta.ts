/** Per-name facts the line parser needs, computed once per distinct syscall name. */
import { FD_KINDS, fdEffect, isBlockingOnExternal, isFdIo, pathArgIndex, transferDirection } from '../syscalls/classes';
import { syscallNumber } from '../syscalls/table';
import { StringTable } from './columns';

/** Calls whose first argument is an fd, beyond the fd I/O class. */
const FD_FIRST = new Set([
  'close', 'dup', 'dup2', 'dup3', 'accept', 'accept4', 'connect', 'bind', 'listen', 'shutdown',
  'getsockname', 'getpeername', 'setsockopt', 'getsockopt', 'epoll_ctl', 'epoll_wait', 'epoll_pwait',
  'epoll_pwait2', 'syncfs', 'fstatfs', 'inotify_add_watch', 'timerfd_settime', 'timerfd_gettime',
]);
const ARRAY_FDS = new Set(['pipe', 'pipe2', 'socketpair']);
/** Read/write calls whose argument 2 is the requested byte count. */
const LENGTH_ARG2 = new Set(['read', 'write', 'pread64', 'pwrite64', 'recvfrom', 'sendto']);

export const CLONE_NONE = 0;
/** clone/clone3: a thread or a process depending on CLONE_THREAD. */
export const CLONE_FLAGS = 1;
/** fork/vfork: always a new process. */
export const CLONE_PROCESS = 2;

export interface NameMeta {
  readonly nr: number;
  readonly fdFirst: boolean;
  readonly createsFd: boolean;
  /** The return value is the new fd (not pipe/pipe2/socketpair, which fill an array and return 0). */
  readonly retIsFd: boolean;
  readonly pathArg: number;
  readonly transfer: boolean;
  readonly lengthArg2: boolean;
  /** Index of the argument giving the bytes a memory call maps (mmap's length), or -1. */
  readonly memLengthArg: number;
  readonly clone: number;
  readonly futex: boolean;
  /** Blocks whatever the fd (isBlockingOnExternal with an unknown fd). */
  readonly blocks: boolean;
  /** Blocks when the fd is fed from outside (a pipe, a socket, a terminal). */
  readonly blocksOnFd: boolean;
}

/** Fd kind codes for which a read-like call waits on the outside world. */
const EXTERNAL = FD_KINDS.map((k) => isBlockingOnExternal('read', k));

export function isExternalKind(code: number): boolean {
  return EXTERNAL[code] === true;
}

export class NameTable {
  readonly strings = new StringTable();
  readonly meta: NameMeta[] = [];

  /** Index of the name s[a, b), computing its facts on first sight. */
  internRange(s: string, a: number, b: number): number {
    const i = this.strings.internRange(s, a, b);
    if (i === this.meta.length) this.meta.push(metaOf(this.strings.values[i]));
    return i;
  }
}

function metaOf(name: string): NameMeta {
  return {
    nr: numberOf(name),
    fdFirst: isFdIo(name) || FD_FIRST.has(name),
    createsFd: fdEffect(name) === 'create',
    retIsFd: fdEffect(name) === 'create' && !ARRAY_FDS.has(name),
    pathArg: pathArgIndex(name),
    transfer: transferDirection(name) !== undefined,
    lengthArg2: LENGTH_ARG2.has(name),
    memLengthArg: name === 'mmap' ? 1 : -1,
    clone: name === 'clone' || name === 'clone3' ? CLONE_FLAGS : name === 'fork' || name === 'vfork' ? CLONE_PROCESS : CLONE_NONE,
    futex: name === 'futex',
    blocks: isBlockingOnExternal(name, 'unknown'),
    blocksOnFd: !isBlockingOnExternal(name, 'unknown') && isBlockingOnExternal(name, 'pipe'),
  };
}

/** strace prints calls it cannot name as `syscall_0x1c8`. */
function numberOf(name: string): number {
  const nr = syscallNumber(name);
  if (nr !== undefined) return nr;
  if (name.startsWith('syscall_0x')) {
    const v = Number.parseInt(name.slice(10), 16);
    if (Number.isFinite(v)) return v;
  }
  return -1;
}
