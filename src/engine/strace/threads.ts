/**
 * Threads seen in the pid column and the thread groups (processes) rebuilt from
 * clone/clone3/fork/vfork: a child made with CLONE_THREAD joins its parent's group,
 * any other child starts a new process.
 */

const UNRESOLVED = -1;
const VISITING = -2;

/** Per-thread parse state, reused for the thread's whole life (no per-line allocation). */
export class ThreadState {
  /** Parent thread (the caller of the clone that returned this tid), -1 if unknown. */
  parent = -1;
  /** True when created with CLONE_THREAD: same process as the parent. */
  sameProcess = false;
  /** Row of the thread's last call, -1 before any. */
  lastRow = -1;
  /** Row of the call left `<unfinished ...>`, -1 when none. */
  pendingRow = -1;
  /** Top-level commas seen so far in the pending call's arguments (the next argument's index). */
  pendingArg = 0;
  /** Bracket depth at the cut. */
  pendingDepth = 1;
  /** CLONE_THREAD seen in the pending clone's arguments. */
  pendingCloneThread = false;
  /** Process (thread-group id) while resolving: UNRESOLVED, VISITING, or the leader's tid. */
  group = UNRESOLVED;

  constructor(readonly tid: number) {}
}

export interface StraceThread {
  readonly tid: number;
  /** Thread-group id: the tid of the thread that started the process (or the first seen). */
  readonly process: number;
  /** The thread that created this one, -1 if its creation is not in the log. */
  readonly parent: number;
}

export class ThreadTracker {
  private readonly threads = new Map<number, ThreadState>();
  /** Consecutive lines are often from the same thread: skip the map for them. */
  private last: ThreadState | undefined;

  get(tid: number): ThreadState {
    let t = this.peek(tid);
    if (!t) {
      t = new ThreadState(tid);
      this.threads.set(tid, t);
      this.last = t;
    }
    return t;
  }

  peek(tid: number): ThreadState | undefined {
    if (this.last !== undefined && this.last.tid === tid) return this.last;
    const t = this.threads.get(tid);
    if (t) this.last = t;
    return t;
  }

  get size(): number {
    return this.threads.size;
  }

  /** Records that `parent` created `child` (a clone/fork return value). */
  created(parent: number, child: number, sameProcess: boolean): void {
    if (child <= 0 || child === parent) return;
    const c = this.get(child);
    c.parent = parent;
    c.sameProcess = sameProcess;
  }

  all(): IterableIterator<ThreadState> {
    return this.threads.values();
  }

  /** Parent links followed by the last resolve() (at most one per thread: resolving is linear). */
  resolveSteps = 0;

  /**
   * Threads with their process, resolved through chains of CLONE_THREAD parents. Each chain is
   * walked once: every thread on a walked path gets its process, so later walks stop there.
   * A cycle (made by reused tids) is cut where it closes: that thread leads the group.
   */
  resolve(): StraceThread[] {
    this.resolveSteps = 0;
    for (const t of this.threads.values()) t.group = UNRESOLVED;
    const path: ThreadState[] = [];
    const out: StraceThread[] = [];
    for (const t of this.threads.values()) {
      let cur = t;
      let root: number;
      for (;;) {
        if (cur.group >= 0) {
          root = cur.group;
          break;
        }
        if (cur.group === VISITING) {
          root = cur.tid;
          break;
        }
        path.push(cur);
        if (!cur.sameProcess || cur.parent < 0) {
          root = cur.tid;
          break;
        }
        this.resolveSteps++;
        const up = this.threads.get(cur.parent);
        if (!up) {
          root = cur.parent;
          break;
        }
        cur.group = VISITING;
        cur = up;
      }
      for (const p of path) p.group = root;
      path.length = 0;
      out.push({ tid: t.tid, process: t.group, parent: t.parent });
    }
    return out.sort((a, b) => a.tid - b.tid);
  }
}
