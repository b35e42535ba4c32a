/**
 * Reads a replay run's trace and attributes each issued call to its row of the strace log:
 * SyscallIssue happens on the issuing thread's CPU (the thread last dispatched there), and each
 * replay thread issues its rows in order; aggregation flushes (issued by the glibc shim right
 * after an AggFlush record) are not rows. SyscallRoute and SyscallDone complete the row by call
 * id; a blocking row's external wait (from the thread's Block to its next Dispatch) is added to
 * its simulated latency.
 */
import type { TraceBatch } from '../kernel/trace';
import type { NodeSim } from '../node/cpu';
import { Tr } from '../node/events';
import { REPLAY_STRIDE, type ReplayWorkload } from '../config/nodeConfig';
import { F_ROW, F_WAIT, isTimedSleep } from '../workloads/replay';

export interface ReplayCallColumns {
  /** Per row of the strace log: route (0 glibc, 1 lwk, 2 linux, 3 osnode), -1 if never issued. */
  readonly route: Int8Array;
  /** Simulated latency (ns), including the external wait of a blocking call; NaN if not completed. */
  readonly simulatedNs: Float64Array;
  /** The external wait part of simulatedNs (ns), 0 for non-blocking calls. */
  readonly waitNs: Float64Array;
}

export class ReplayCollector {
  readonly columns: ReplayCallColumns;
  flushes = 0;
  lost = 0;
  /** Replay threads that have exited (ThreadExit records), so that the run's end is known in O(1). */
  exited = 0;
  /** Replay threads in the run. */
  readonly replayThreads: number;
  private readonly current: Int32Array;
  private readonly flushPending: Uint8Array;
  /** Engine tid -> replay thread index, -1 for proxies. */
  private readonly replayThreadOf: Int32Array;
  private readonly nextCall: Int32Array;
  /** Call id -> row (-1: an internal flush). Call ids are reused only after the call is done. */
  private readonly inflight = new Map<number, number>();
  private readonly threadOfCall = new Map<number, number>();
  /** Per engine tid: the blocking row whose external wait comes next, and when it began. */
  private readonly waitRow: Int32Array;
  private readonly waitStart: Float64Array;

  constructor(
    sim: NodeSim,
    private readonly workload: ReplayWorkload,
    rows: number,
  ) {
    this.columns = { route: new Int8Array(rows).fill(-1), simulatedNs: new Float64Array(rows).fill(NaN), waitNs: new Float64Array(rows) };
    this.current = new Int32Array(sim.config.cpuCount).fill(-1);
    this.flushPending = new Uint8Array(sim.config.cpuCount);
    const threads = sim.state.threads;
    this.replayThreadOf = new Int32Array(threads.length).fill(-1);
    let replayThreads = 0;
    for (const t of threads) {
      if (t.prog.kind !== 'replay') continue;
      this.replayThreadOf[t.tid] = t.prog.thread;
      replayThreads++;
    }
    this.replayThreads = replayThreads;
    this.nextCall = new Int32Array(workload.threads.length);
    this.waitRow = new Int32Array(threads.length).fill(-1);
    this.waitStart = new Float64Array(threads.length).fill(NaN);
  }

  private rowOfNextCall(tid: number): number {
    const k = this.replayThreadOf[tid];
    if (k < 0) return -1;
    const calls = this.workload.threads[k].calls;
    const at = this.nextCall[k]++ * REPLAY_STRIDE;
    return at < calls.length ? calls[at + F_ROW] : -1;
  }

  private blockingWait(tid: number, row: number): boolean {
    const k = this.replayThreadOf[tid];
    if (k < 0) return false;
    const calls = this.workload.threads[k].calls;
    const at = (this.nextCall[k] - 1) * REPLAY_STRIDE;
    if (calls[at + F_ROW] !== row || !(calls[at + F_WAIT] > 0)) return false;
    return !isTimedSleep(this.workload.names[calls[at + 1]] ?? '');
  }

  consume(b: TraceBatch): void {
    this.lost += b.lost;
    const n = b.time.length;
    const col = this.columns;
    for (let i = 0; i < n; i++) {
      const kind = b.kind[i];
      const cpu = b.cpu[i];
      switch (kind) {
        case Tr.Dispatch: {
          const tid = b.a[i];
          this.current[cpu] = tid;
          const row = this.waitRow[tid];
          if (row >= 0 && !Number.isNaN(this.waitStart[tid])) {
            const w = b.time[i] - this.waitStart[tid];
            col.waitNs[row] += w;
            col.simulatedNs[row] += w;
            this.waitRow[tid] = -1;
            this.waitStart[tid] = NaN;
          }
          break;
        }
        case Tr.Block: {
          const tid = b.a[i];
          if (this.waitRow[tid] >= 0 && Number.isNaN(this.waitStart[tid])) this.waitStart[tid] = b.time[i];
          break;
        }
        case Tr.ThreadExit:
          if (this.replayThreadOf[b.a[i]] >= 0) this.exited++;
          break;
        case Tr.AggFlush:
          this.flushPending[cpu] = 1;
          break;
        case Tr.SyscallIssue: {
          const id = b.a[i];
          const tid = this.current[cpu];
          if (this.flushPending[cpu]) {
            this.flushPending[cpu] = 0;
            this.flushes++;
            this.inflight.set(id, -1);
          } else {
            this.inflight.set(id, tid >= 0 ? this.rowOfNextCall(tid) : -1);
          }
          this.threadOfCall.set(id, tid);
          break;
        }
        case Tr.SyscallRoute: {
          const row = this.inflight.get(b.a[i]) ?? -1;
          if (row >= 0) col.route[row] = b.b[i];
          break;
        }
        case Tr.SyscallDone: {
          const id = b.a[i];
          const row = this.inflight.get(id) ?? -1;
          const tid = this.threadOfCall.get(id) ?? -1;
          this.inflight.delete(id);
          this.threadOfCall.delete(id);
          if (row < 0) break;
          col.simulatedNs[row] = b.b[i];
          if (tid >= 0 && this.blockingWait(tid, row)) this.waitRow[tid] = row;
          break;
        }
        default:
          break;
      }
    }
  }
}
