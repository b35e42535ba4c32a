/**
 * A parsed strace log as a replay workload (plain numbers and string tables, so it checkpoints
 * and crosses to the worker as is): one process per thread group, with its threads; per call
 * the compute gap before it, its name, fd, bytes, the path it targets, and its external wait.
 *
 * Times: `startNs` is already absolute (a -r log's deltas are summed by the parser, across all
 * threads). A thread's gap before a call is its start minus the end of the thread's previous
 * call (start + -T duration; without -T the previous call's start, so the gap includes that call).
 * A blocking call (waits, polls, futex waits, reads of pipes, sockets and terminals) waits for
 * its -T duration, or without -T until the thread's next call starts (0 for its last call).
 * Paths: a path-taking call's path argument, else the fd's -y decoration, else the path of the
 * open that returned that fd in the same process (earlier in time: merged -ff files are read in
 * start order), so the triage knows what the call targets.
 */
import { REPLAY_STRIDE, type ReplayThread, type ReplayWorkload } from '../config/nodeConfig';
import { fdEffect } from '../syscalls/classes';
import type { StraceResult } from './parser';

interface ThreadBuild {
  readonly tracedTid: number;
  readonly process: number;
  readonly rows: number[];
}

function groupThreads(result: StraceResult): { threads: ThreadBuild[]; processes: number; byTid: Map<number, ThreadBuild> } {
  const byTid = new Map<number, ThreadBuild>();
  const processIndex = new Map<number, number>();
  const threads: ThreadBuild[] = [];
  const listed = result.pidColumn ? result.threads : [{ tid: 0, process: 0, parent: -1 }];
  for (const t of listed) {
    let p = processIndex.get(t.process);
    if (p === undefined) processIndex.set(t.process, (p = processIndex.size));
    const b: ThreadBuild = { tracedTid: t.tid, process: p, rows: [] };
    threads.push(b);
    byTid.set(t.tid, b);
  }
  const { tid, length } = result.calls;
  for (let i = 0; i < length; i++) {
    let b = byTid.get(result.pidColumn ? tid[i] : 0);
    if (!b) {
      // A row whose thread the parser did not list (should not happen): its own process.
      b = { tracedTid: tid[i], process: processIndex.size, rows: [] };
      processIndex.set(-1 - i, b.process);
      threads.push(b);
      byTid.set(tid[i], b);
    }
    b.rows.push(i);
  }
  return { threads, processes: processIndex.size, byTid };
}

/** The external wait of a blocking row (ns), or -1 when it does not block. */
function waitOf(result: StraceResult, rows: readonly number[], k: number): number {
  const c = result.calls;
  const i = rows[k];
  if (c.blocking[i] !== 1) return -1;
  if (!Number.isNaN(c.durationNs[i])) return c.durationNs[i];
  const next = rows[k + 1];
  if (next === undefined || Number.isNaN(c.startNs[i]) || Number.isNaN(c.startNs[next])) return 0;
  return Math.max(0, c.startNs[next] - c.startNs[i]);
}

/**
 * Rows by start time, or null when they already are (one log: rows are in the order calls start).
 * Merged -ff files hold one file's rows after another's; without timestamps their order is kept.
 */
function startOrder(startNs: Float64Array): Int32Array | null {
  let sorted = true;
  for (let i = 0; i < startNs.length; i++) {
    if (Number.isNaN(startNs[i])) return null;
    if (i > 0 && startNs[i] < startNs[i - 1]) sorted = false;
  }
  if (sorted) return null;
  const order = Int32Array.from({ length: startNs.length }, (_, i) => i);
  return order.sort((a, b) => startNs[a] - startNs[b] || a - b);
}

export function straceToWorkload(result: StraceResult): ReplayWorkload {
  const c = result.calls;
  const { threads, processes } = groupThreads(result);
  // fd -> path index per process, from the opens seen so far (rows are in start order).
  const fdPaths = Array.from({ length: processes }, () => new Map<number, number>());
  const fdPathAt = new Int32Array(c.length).fill(-1);
  const processOfRow = new Int32Array(c.length);
  for (const t of threads) for (const i of t.rows) processOfRow[i] = t.process;
  // brk returns the new break: what it maps is the growth since the process's previous brk.
  const lastBrk = new Float64Array(Math.max(1, processes)).fill(NaN);
  const brkGrowth = new Float64Array(c.length);
  const order = startOrder(c.startNs);
  for (let k = 0; k < c.length; k++) {
    const i = order === null ? k : order[k];
    const map = fdPaths[processOfRow[i]];
    const name = result.names[c.name[i]];
    if (name === 'brk' && c.ret[i] > 0) {
      const last = lastBrk[processOfRow[i]];
      brkGrowth[i] = Number.isNaN(last) ? 0 : Math.max(0, c.ret[i] - last);
      lastBrk[processOfRow[i]] = c.ret[i];
    }
    const fd = c.fd[i];
    if (c.path[i] >= 0) fdPathAt[i] = c.path[i];
    else if (fd >= 0) fdPathAt[i] = map.get(fd) ?? -1;
    const effect = fdEffect(name);
    if (effect === 'create' && fd >= 0 && !(c.ret[i] < 0)) {
      if (fdPathAt[i] >= 0) map.set(fd, fdPathAt[i]);
      else map.delete(fd);
    } else if (effect === 'close' && fd >= 0) map.delete(fd);
  }
  const out: ReplayThread[] = threads.map((t) => {
    const calls = new Array<number>(t.rows.length * REPLAY_STRIDE);
    let prevEnd = NaN;
    t.rows.forEach((i, k) => {
      const start = c.startNs[i];
      const gap = Number.isNaN(start) || Number.isNaN(prevEnd) ? 0 : Math.max(0, Math.round(start - prevEnd));
      const wait = waitOf(result, t.rows, k);
      const at = k * REPLAY_STRIDE;
      calls[at] = gap;
      calls[at + 1] = c.name[i];
      calls[at + 2] = c.fd[i];
      calls[at + 3] = brkGrowth[i] > 0 ? brkGrowth[i] : Number.isNaN(c.bytes[i]) ? 0 : c.bytes[i];
      calls[at + 4] = fdPathAt[i];
      calls[at + 5] = wait < 0 ? -1 : Math.round(wait);
      calls[at + 6] = i;
      const duration = Number.isNaN(c.durationNs[i]) ? Math.max(0, wait) : c.durationNs[i];
      prevEnd = start + duration;
    });
    const first = t.rows[0];
    const startNs = first === undefined || Number.isNaN(c.startNs[first]) ? 0 : Math.round(c.startNs[first]);
    return { tracedTid: t.tracedTid, process: t.process, startNs, calls };
  });
  return { kind: 'replay', names: [...result.names], paths: [...result.paths], processes: Math.max(1, processes), threads: out };
}
