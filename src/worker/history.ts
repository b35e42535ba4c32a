/**
 * The worker keeps the run's history so the page never has to: every CPU's activity as spans
 * (from the trace's Activity records) and the forwarded calls as flows. Recent history is kept
 * exactly in a ring; older history as 10 ms bins of the dominant activity, so hours of simulated
 * time stay small. Views ask for a window and get at most a few spans per pixel.
 */
import type { TraceBatch } from '../engine/kernel/trace';
import { Tr } from '../engine/node/events';
import { Activity } from '../engine/node/kinds';
import type { TimelineReply } from './protocol';
import { decodeBatch } from '../engine/trace/decode';
import { FLOW, SPAN } from './frameLayout';

const RING = 1 << 20;
const FLOW_RING = 1 << 16;
export const COARSE_NS = 10_000_000;
const ACTIVITIES = 12;

export class ActivityHistory {
  private readonly cpuCount: number;
  // Open span per CPU.
  private readonly openStart: Float64Array;
  private readonly openAct: Uint8Array;
  private readonly openPid: Int32Array;
  // Finished spans, in order of their end.
  private readonly start = new Float64Array(RING);
  private readonly end = new Float64Array(RING);
  private readonly act = new Uint8Array(RING);
  private readonly pid = new Int32Array(RING);
  private readonly cpu = new Uint16Array(RING);
  private written = 0;
  // Coarse bins: per CPU, the dominant activity of each 10 ms, and the accumulators of the current bin.
  private readonly coarse: number[][];
  private readonly acc: Float64Array;
  // Flows of forwarded calls (FLOW records).
  private readonly flows = new Float64Array(FLOW_RING * FLOW.stride);
  private flowsWritten = 0;
  private readonly issued = new Map<number, { cpu: number; time: number }>();
  /**
   * Time travel: the latest time ingested. After a seek back, the run goes over history already
   * held: records before this are skipped (those at it are applied again, which changes nothing).
   */
  private horizon = 0;

  constructor(cpuCount: number) {
    this.cpuCount = cpuCount;
    this.openStart = new Float64Array(cpuCount);
    this.openAct = new Uint8Array(cpuCount);
    this.openPid = new Int32Array(cpuCount).fill(-1);
    this.coarse = Array.from({ length: cpuCount }, () => []);
    this.acc = new Float64Array(cpuCount * ACTIVITIES);
  }

  ingest(b: TraceBatch): void {
    for (let i = 0; i < b.kind.length; i++) {
      const kind = b.kind[i];
      if (b.time[i] < this.horizon) continue;
      this.horizon = b.time[i];
      // Only the kinds the history keeps are decoded (the rest is most of the trace).
      if (kind !== Tr.Activity && kind !== Tr.SyscallIssue && kind !== Tr.ProxyStart && kind !== Tr.Migrate && kind !== Tr.SyscallDone) continue;
      const e = decodeBatch(b, i);
      switch (e.type) {
        case 'activity':
          this.change(e.cpu, e.time, e.activity, e.pid);
          break;
        case 'syscallIssue':
          this.issued.set(e.call, { cpu: e.cpu, time: e.time });
          break;
        case 'proxyStart': {
          // From where the call was issued to the proxy serving it.
          const from = this.issued.get(e.call);
          if (from) this.flow(from.cpu, from.time, e.cpu, e.time, e.pid);
          break;
        }
        case 'migrate':
          // mOS as built: the thread itself goes to the syscall CPU.
          if (!e.back) this.flow(e.from, e.time, e.to, e.time, e.pid);
          break;
        case 'syscallDone':
          this.issued.delete(e.call);
          break;
        default:
      }
    }
  }

  private flow(fromCpu: number, fromTime: number, serverCpu: number, time: number, pid: number): void {
    const k = (this.flowsWritten++ % FLOW_RING) * FLOW.stride, F = FLOW.field;
    this.flows[k + F.callerCpu] = fromCpu;
    this.flows[k + F.issueTime] = fromTime;
    this.flows[k + F.serverCpu] = serverCpu;
    this.flows[k + F.serveTime] = time;
    this.flows[k + F.pid] = pid;
  }

  private change(cpu: number, time: number, act: number, pid: number): void {
    if (cpu < 0 || cpu >= this.cpuCount) return;
    const s = this.openStart[cpu];
    if (time > s) this.close(cpu, s, time, this.openAct[cpu], this.openPid[cpu]);
    this.openStart[cpu] = time;
    this.openAct[cpu] = act;
    this.openPid[cpu] = pid;
  }

  private close(cpu: number, s: number, e: number, act: number, pid: number): void {
    const k = this.written++ % RING;
    this.start[k] = s;
    this.end[k] = e;
    this.act[k] = act;
    this.pid[k] = pid;
    this.cpu[k] = cpu;
    this.accumulate(cpu, s, e, act);
  }

  /** Adds [s, e) of `act` to the CPU's 10 ms bins, closing each bin as time passes it. */
  private accumulate(cpu: number, s: number, e: number, act: number): void {
    const bins = this.coarse[cpu];
    let t = s;
    while (t < e) {
      const bin = Math.floor(t / COARSE_NS);
      while (bins.length < bin) this.closeBin(cpu);
      const binEnd = (bin + 1) * COARSE_NS;
      const piece = Math.min(e, binEnd) - t;
      this.acc[cpu * ACTIVITIES + act] += piece;
      t += piece;
      if (t >= binEnd) this.closeBin(cpu);
    }
  }

  private closeBin(cpu: number): void {
    let best = Activity.Idle as number, bestNs = -1;
    for (let a = 0; a < ACTIVITIES; a++) {
      const v = this.acc[cpu * ACTIVITIES + a];
      // Anything but idle wins ties, so rare activity stays visible when zoomed out.
      if (v > bestNs || (v > 0 && v === bestNs && a !== Activity.Idle)) {
        best = a;
        bestNs = v;
      }
      this.acc[cpu * ACTIVITIES + a] = 0;
    }
    this.coarse[cpu].push(bestNs > 0 ? best : Activity.Idle);
  }

  /**
   * A fork at `time`: forgets every record from `time` on (spans, bins, flows), as if only the
   * earlier ones had been ingested; the run then ingests the new future, from `time` itself.
   */
  truncate(time: number): void {
    const lowest = Math.max(0, this.written - RING);
    while (this.written > lowest && this.end[(this.written - 1) % RING] >= time) {
      const k = --this.written % RING;
      // The span the forgotten record closed is that CPU's open span again.
      if (this.start[k] < time) {
        const cpu = this.cpu[k];
        this.openStart[cpu] = this.start[k];
        this.openAct[cpu] = this.act[k];
        this.openPid[cpu] = this.pid[k];
      }
    }
    const from = Math.floor(time / COARSE_NS) * COARSE_NS;
    for (let cpu = 0; cpu < this.cpuCount; cpu++) {
      const bins = this.coarse[cpu];
      if (bins.length > from / COARSE_NS) bins.length = from / COARSE_NS;
      for (let a = 0; a < ACTIVITIES; a++) this.acc[cpu * ACTIVITIES + a] = 0;
    }
    // The current bin again, from the exact spans that end in it.
    for (let i = this.written - 1; i >= lowest; i--) {
      const k = i % RING;
      if (this.end[k] <= from) break;
      this.acc[this.cpu[k] * ACTIVITIES + this.act[k]] += this.end[k] - Math.max(from, this.start[k]);
    }
    while (this.flowsWritten > 0 && this.flows[((this.flowsWritten - 1) % FLOW_RING) * FLOW.stride + FLOW.field.serveTime] >= time) this.flowsWritten--;
    for (const [call, issued] of this.issued) if (issued.time >= time) this.issued.delete(call);
    this.horizon = time;
  }

  /** Oldest time the exact ring still covers. */
  private exactStart(): number {
    if (this.written <= RING) return 0;
    return this.end[this.written % RING];
  }

  query(id: number, from: number, toAsked: number, bins: number, now: number): TimelineReply {
    // After a seek back the history runs ahead of the present: show none of that future.
    const to = Math.min(toAsked, now);
    const width = Math.max(1, (to - from) / Math.max(1, bins));
    const exactFrom = this.exactStart();
    const useCoarse = from < exactFrom || width >= COARSE_NS;
    const spans = useCoarse ? this.coarseSpans(from, to, width, now) : this.exactSpans(from, to, width, now);
    return { id, from, to: toAsked, spans, flows: this.flowsIn(from, to), historyStart: 0, binned: useCoarse || spans.some((s) => s.length / SPAN.stride > bins) };
  }

  private exactSpans(from: number, to: number, width: number, now: number): Float64Array[] {
    const per: number[][] = Array.from({ length: this.cpuCount }, () => []);
    // Spans are stored in order of their end: find the first ending after `from`.
    let lo = Math.max(0, this.written - RING), hi = this.written;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.end[mid % RING] < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.written; i++) {
      const k = i % RING;
      if (this.start[k] > to) continue;
      pushMerged(per[this.cpu[k]], Math.max(from, this.start[k]), Math.min(to, this.end[k]), this.act[k], this.pid[k], width);
    }
    for (let c = 0; c < this.cpuCount; c++) {
      if (this.openStart[c] <= to && now > this.openStart[c]) pushMerged(per[c], Math.max(from, this.openStart[c]), Math.min(to, now), this.openAct[c], this.openPid[c], width);
    }
    return per.map((xs) => Float64Array.from(xs));
  }

  /** The 10 ms bins in the window, merged (like exact spans) to about two spans per pixel of `width` ns. */
  private coarseSpans(from: number, to: number, width: number, now: number): Float64Array[] {
    return this.coarse.map((bins, cpu) => {
      const out: number[] = [];
      const first = Math.max(0, Math.floor(from / COARSE_NS));
      const last = Math.min(bins.length - 1, Math.floor(to / COARSE_NS));
      for (let b = first; b <= last; b++) pushMerged(out, Math.max(from, b * COARSE_NS), Math.min(to, (b + 1) * COARSE_NS), bins[b], -1, width);
      // The bins not closed yet, up to the present: the current one from its accumulators plus
      // the CPU's open span, the ones after it wholly the open span's activity.
      const end = Math.min(to, now);
      for (let b = Math.max(first, bins.length); b * COARSE_NS < end; b++) {
        const s0 = b * COARSE_NS, s1 = (b + 1) * COARSE_NS;
        let best = this.openAct[cpu] as number;
        if (b === bins.length) {
          let bestNs = -1;
          for (let a = 0; a < ACTIVITIES; a++) {
            const open = a === this.openAct[cpu] ? Math.max(0, Math.min(s1, now) - Math.max(s0, this.openStart[cpu])) : 0;
            const v = this.acc[cpu * ACTIVITIES + a] + open;
            if (v > bestNs || (v > 0 && v === bestNs && a !== Activity.Idle)) {
              best = a;
              bestNs = v;
            }
          }
        }
        pushMerged(out, Math.max(from, s0), Math.min(end, s1), best, -1, width);
      }
      return Float64Array.from(out);
    });
  }

  private flowsIn(from: number, to: number): Float64Array {
    const out: number[] = [];
    const n = Math.min(this.flowsWritten, FLOW_RING);
    for (let i = this.flowsWritten - n; i < this.flowsWritten && out.length < FLOW.stride * 4000; i++) {
      const k = (i % FLOW_RING) * FLOW.stride;
      const serve = this.flows[k + FLOW.field.serveTime];
      if (serve >= from && serve <= to && this.flows[k + FLOW.field.issueTime] <= to) for (let j = 0; j < FLOW.stride; j++) out.push(this.flows[k + j]);
    }
    return Float64Array.from(out);
  }
}

/**
 * Appends a span, merging it into the previous one when they touch with the same activity, or
 * when both are thinner than `minWidth` (then the longer activity wins: it dominates the pixel).
 */
function pushMerged(out: number[], s: number, e: number, act: number, pid: number, minWidth: number): void {
  if (e < s) return;
  const F = SPAN.field, p = out.length - SPAN.stride;
  if (p >= 0) {
    const ps = out[p + F.start], pe = out[p + F.end];
    const sameAct = out[p + F.activity] === act && out[p + F.pid] === pid && s - pe <= minWidth;
    const tiny = minWidth > 0 && e - ps < minWidth;
    if (sameAct || tiny) {
      if (tiny && !sameAct && e - s > pe - ps) {
        out[p + F.activity] = act;
        out[p + F.pid] = pid;
      }
      out[p + F.end] = Math.max(pe, e);
      return;
    }
  }
  // SPAN order.
  out.push(s, e, act, pid);
}
