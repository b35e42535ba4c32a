/**
 * Generated strace -f logs for scaling tests and the benchmark (bench/strace.bench.ts): lines in
 * the exact format strace 6.1 prints (copied from the recorded fixtures), numbers varied.
 */

/** The clone3 line of glibc's pthread_create (from threads-f-tt-T.log), with the child's tid. */
export function threadCloneLine(tid: number, child: number): string {
  return (
    `${tid}  clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|` +
    `CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, child_tid=0x7fa638a73990, parent_tid=0x7fa638a73990, exit_signal=0, ` +
    `stack=0x7fa638273000, stack_size=0x7fff80, tls=0x7fa638a736c0} => {parent_tid=[${child}]}, 88) = ${child}`
  );
}

/**
 * `n` threads created in a chain: thread 1000+k creates thread 1000+k+1 with CLONE_THREAD, so
 * every thread belongs to process 1000 through a chain of k parents. One process, n + 1 tids.
 */
export function cloneChainLog(n: number, first = 1000): string {
  const lines: string[] = [];
  for (let k = 0; k < n; k++) lines.push(threadCloneLine(first + k, first + k + 1));
  lines.push(`${first + n}  exit(0)                           = ?`);
  lines.push(`${first + n}  +++ exited with 0 +++`);
  return lines.join('\n') + '\n';
}

/** A plain log of `n` ordinary calls of one thread, lines about as long as the clone lines. */
export function plainLog(n: number, tid = 1000): string {
  const lines: string[] = [];
  for (let k = 0; k < n; k++) {
    lines.push(
      `${tid}  openat(AT_FDCWD, "/usr/lib/x86_64-linux-gnu/libc.so.6/${k}/a/rather/long/path/to/make/the/line/as/long/as/a/clone/line/of/glibc/pthread_create/in/the/chain/log", O_RDONLY|O_CLOEXEC) = 3`,
    );
  }
  return lines.join('\n') + '\n';
}

/** `n` separate single-threaded processes (pids first..first+n-1), each with a few calls. */
export function separatePidsLog(n: number, first = 1000): string {
  const lines: string[] = [];
  for (let k = 0; k < n; k++) {
    const pid = first + k;
    lines.push(`${pid}  getpid()                         = ${pid}`);
    lines.push(`${pid}  write(1, "x\\n", 2)               = 2`);
    lines.push(`${pid}  exit_group(0)                     = ?`);
    lines.push(`${pid}  +++ exited with 0 +++`);
  }
  return lines.join('\n') + '\n';
}
