/**
 * Chrome Trace Event JSON (opens in Perfetto UI and chrome://tracing) of a run. The live run's
 * trace ring is bounded, but a run is a pure function of (config, seed, command log): the export
 * re-runs it up to `untilNs`, draining the trace every few thousand events.
 *
 * Kernels are processes (pid 1 Linux, pid 2 LWK), CPUs are their threads (tid = CPU number,
 * named by metadata events). Syscall handling, proxy service, migrated threads, interruptions
 * (IPI handlers included) and FWQ quanta are complete events ('X'); a forwarded call's span on
 * the caller's CPU is bound to its service span on Linux by a flow (bind_id, flow_out/flow_in);
 * IPIs and launch steps are instant events ('i'); channel queue depths are counters ('C').
 * Times are microseconds with nanosecond precision (ns / 1000).
 */
import type { NodeConfig } from '../config/nodeConfig';
import type { LoggedCommand } from '../kernel/simulation';
import type { TraceBatch } from '../kernel/trace';
import { createNodeSimulation } from '../node/model';
import { CAUSE_NAMES, Role } from '../node/kinds';
import { IPI_KIND_NAMES, LAUNCH_STEPS, Tr } from '../node/events';
import { decodeBatch } from '../trace/decode';
import { cpuLabel } from '../node/describe';
import { syscallName } from '../syscalls/table';
import { ROUTES } from '../descriptors';

export const LINUX_PID = 1;
export const LWK_PID = 2;
/** Default bound on exported events (the rest of the run is left out, and metadata says so). */
export const CHROME_TRACE_MAX_EVENTS = 2_000_000;
const SLICE_EVENTS = 2048;

export interface ChromeTraceEvent {
  name: string;
  ph: 'X' | 'i' | 'C' | 'M';
  pid: number;
  tid: number;
  ts: number;
  cat?: string;
  dur?: number;
  s?: 't' | 'p' | 'g';
  args?: Record<string, string | number | boolean>;
  bind_id?: number;
  flow_in?: boolean;
  flow_out?: boolean;
}

export interface ChromeTraceOptions {
  readonly maxEvents?: number;
}

export interface ChromeTrace {
  readonly traceEvents: ChromeTraceEvent[];
  readonly displayTimeUnit: 'ns';
  readonly metadata: Record<string, string | number | boolean>;
}

const us = (ns: number): number => ns / 1000;

/** Kinds the export uses: the others (most records are Activity) are skipped before decoding. */
const EXPORTED = new Set<number>([
  Tr.IntrBegin, Tr.SyscallIssue, Tr.SyscallRoute, Tr.SyscallDone, Tr.ChannelInsert, Tr.HandlerGetList, Tr.ProxyStart, Tr.ReplyReady,
  Tr.Migrate, Tr.IpiSend, Tr.Quantum, Tr.Launch, Tr.OsNodeSubmit,
]);

interface OpenCall { readonly ts: number; readonly cpu: number; readonly pid: number; readonly name: string; route: number; flow: number; }
interface OpenSpan { readonly ts: number; readonly cpu: number; readonly id: number; }

/** Turns trace records into events; call ids are reused, so spans are keyed by the id in flight. */
class Converter {
  readonly events: ChromeTraceEvent[] = [];
  private readonly busyUntil: Float64Array;
  private readonly calls = new Map<number, OpenCall>();
  private readonly proxies = new Map<number, OpenSpan>();
  private readonly lastIssued: Int32Array;
  private readonly migrated = new Map<number, OpenSpan>();
  /** Per application CPU running FWQ: the end of its last recorded quantum (where the next one starts). */
  private readonly quantumEnd: Float64Array;
  private nextFlow = 1;

  constructor(private readonly config: NodeConfig) {
    this.busyUntil = new Float64Array(config.cpuCount);
    this.lastIssued = new Int32Array(config.cpuCount).fill(-1);
    this.quantumEnd = new Float64Array(config.cpuCount);
  }

  /**
   * No event produced from now on starts before this time: spans still open (calls, proxy
   * services, migrated threads, FWQ quanta) start at or after it, and everything else at `now`.
   * Events before it can be written out for good.
   */
  watermark(now: number): number {
    let w = now;
    for (const c of this.calls.values()) if (c.ts < w) w = c.ts;
    for (const s of this.proxies.values()) if (s.ts < w) w = s.ts;
    for (const s of this.migrated.values()) if (s.ts < w) w = s.ts;
    if (this.config.workload.kind === 'fwq') for (const cpu of this.config.appCpus) if (this.quantumEnd[cpu] < w) w = this.quantumEnd[cpu];
    return w;
  }

  pidOf(cpu: number): number {
    return this.config.roles[cpu] === Role.Lwk ? LWK_PID : LINUX_PID;
  }

  private x(name: string, cat: string, cpu: number, startNs: number, endNs: number, args?: ChromeTraceEvent['args']): ChromeTraceEvent {
    const e: ChromeTraceEvent = { name, cat, ph: 'X', pid: this.pidOf(cpu), tid: cpu, ts: us(startNs), dur: us(Math.max(0, endNs - startNs)) };
    if (args) e.args = args;
    this.events.push(e);
    return e;
  }

  private instant(name: string, cat: string, cpu: number, ns: number, args?: ChromeTraceEvent['args']): void {
    const e: ChromeTraceEvent = { name, cat, ph: 'i', s: 't', pid: this.pidOf(cpu), tid: cpu, ts: us(ns) };
    if (args) e.args = args;
    this.events.push(e);
  }

  private flowOf(call: OpenCall): number {
    if (call.flow === 0) call.flow = this.nextFlow++;
    return call.flow;
  }

  private callSpan(c: OpenCall, endNs: number, incomplete: boolean): void {
    const args: Record<string, string | number | boolean> = { pid: c.pid, route: ROUTES[c.route]?.key ?? 'unrouted', latencyNs: endNs - c.ts };
    if (incomplete) args.incomplete = true;
    const e = this.x(c.name, 'syscall', c.cpu, c.ts, endNs, args);
    if (c.flow > 0) {
      e.bind_id = c.flow;
      e.flow_out = true;
    }
  }

  private serviceSpan(name: string, s: OpenSpan, endNs: number, incomplete: boolean): void {
    const c = this.calls.get(s.id);
    const e = this.x(name.replace('%', c?.name ?? 'call'), 'forwarded', s.cpu, s.ts, endNs, incomplete ? { incomplete: true } : undefined);
    if (c) {
      e.bind_id = this.flowOf(c);
      e.flow_in = true;
    }
  }

  consume(b: TraceBatch): void {
    const n = b.time.length;
    for (let i = 0; i < n; i++) {
      if (!EXPORTED.has(b.kind[i])) continue;
      const e = decodeBatch(b, i);
      const t = e.time;
      switch (e.type) {
        case 'intrBegin': {
          const start = Math.max(t, this.busyUntil[e.cpu]);
          this.busyUntil[e.cpu] = start + e.durationNs;
          this.x(CAUSE_NAMES[e.cause] ?? 'interruption', 'interrupt', e.cpu, start, start + e.durationNs);
          break;
        }
        case 'syscallIssue':
          this.calls.set(e.call, { ts: t, cpu: e.cpu, pid: e.pid, name: syscallName(e.syscall) ?? 'syscall', route: -1, flow: 0 });
          this.lastIssued[e.cpu] = e.call;
          break;
        case 'syscallRoute': {
          const c = this.calls.get(e.call);
          if (c) c.route = e.route;
          break;
        }
        case 'syscallDone': {
          const c = this.calls.get(e.call);
          if (c) this.callSpan(c, t, false);
          this.calls.delete(e.call);
          break;
        }
        case 'channelInsert': {
          // The record is the sender's; the counter belongs to its group's syscall CPU.
          const syscallCpu = this.config.syscallCpuOf[e.senderCpu] ?? e.senderCpu;
          this.events.push({ name: `Linux channel of CPU ${syscallCpu}`, cat: 'queue', ph: 'C', pid: LINUX_PID, tid: syscallCpu, ts: us(t), args: { depth: e.depth } });
          break;
        }
        case 'handlerGetList':
          this.events.push({ name: `Linux channel of CPU ${e.cpu}`, cat: 'queue', ph: 'C', pid: LINUX_PID, tid: e.cpu, ts: us(t), args: { depth: 0 } });
          break;
        case 'proxyStart':
          this.proxies.set(e.call, { ts: t, cpu: e.cpu, id: e.call });
          break;
        case 'replyReady': {
          const s = this.proxies.get(e.call);
          if (s) this.serviceSpan('proxy: %', s, t, false);
          this.proxies.delete(e.call);
          break;
        }
        case 'migrate': {
          if (!e.back) {
            const id = this.lastIssued[e.from];
            // Keyed by the LWK CPU the thread leaves (one migrated thread per LWK CPU at a time).
            if (id >= 0 && this.calls.has(id)) this.migrated.set(e.from, { ts: t + this.config.syscalls.costs.migrateNs, cpu: e.to, id });
          } else {
            // Back from Linux CPU `from` to LWK CPU `to`: the migrated span on the Linux CPU ends.
            const s = this.migrated.get(e.to);
            if (s && s.cpu === e.from) {
              this.serviceSpan('% (migrated thread)', s, t, false);
              this.migrated.delete(e.to);
            }
          }
          break;
        }
        case 'ipiSend':
          if (e.from >= 0) this.instant(`IPI: ${IPI_KIND_NAMES[e.purpose] ?? 'IPI'} → CPU ${e.to}`, 'ipi', e.from, t, { to: e.to });
          break;
        case 'quantum':
          this.x('FWQ quantum', 'app', e.cpu, t - e.elapsedNs, t, { quantumNs: e.workNs, elapsedNs: e.elapsedNs });
          this.quantumEnd[e.cpu] = t;
          break;
        case 'launch':
          if (e.cpu >= 0) this.instant(`launch: ${LAUNCH_STEPS[e.step] ?? `step ${e.step}`}`, 'launch', e.cpu, t);
          break;
        case 'osNodeSubmit':
          if (e.cpu >= 0) this.instant(e.osNode >= 0 ? `shipped to OS node ${e.osNode}` : 'sent to the parallel filesystem', 'osnode', e.cpu, t);
          break;
        default:
          break;
      }
    }
  }

  /** Spans still open at the end of the export are cut there and marked incomplete. */
  finish(endNs: number): void {
    for (const s of this.proxies.values()) this.serviceSpan('proxy: %', s, endNs, true);
    for (const s of this.migrated.values()) this.serviceSpan('% (migrated thread)', s, endNs, true);
    for (const c of this.calls.values()) this.callSpan(c, endNs, true);
  }
}

function metadataEvents(config: NodeConfig): ChromeTraceEvent[] {
  const out: ChromeTraceEvent[] = [];
  const pids = new Set<number>();
  for (let cpu = 0; cpu < config.cpuCount; cpu++) pids.add(config.roles[cpu] === Role.Lwk ? LWK_PID : LINUX_PID);
  for (const pid of [...pids].sort()) {
    out.push({ name: 'process_name', ph: 'M', pid, tid: 0, ts: 0, args: { name: pid === LWK_PID ? 'LWK' : 'Linux (FWK)' } });
    out.push({ name: 'process_sort_index', ph: 'M', pid, tid: 0, ts: 0, args: { sort_index: pid } });
  }
  for (let cpu = 0; cpu < config.cpuCount; cpu++) {
    const pid = config.roles[cpu] === Role.Lwk ? LWK_PID : LINUX_PID;
    out.push({ name: 'thread_name', ph: 'M', pid, tid: cpu, ts: 0, args: { name: cpuLabel(config, cpu) } });
    out.push({ name: 'thread_sort_index', ph: 'M', pid, tid: cpu, ts: 0, args: { sort_index: cpu } });
  }
  return out;
}

/** Order of the output: by time; at equal times the longer span first, so that spans nest. */
function byTime(p: ChromeTraceEvent, q: ChromeTraceEvent): number {
  return p.ts - q.ts || (q.dur ?? 0) - (p.dur ?? 0);
}

/** Where the exported text goes, piece by piece (a file, or pieces gathered into one string). */
export interface TraceSink {
  write(text: string): void | Promise<void>;
}

/**
 * Re-runs (config, seed, commands) up to untilNs and writes the trace to `sink` as it goes:
 * events are written once no later event can start before them (the converter's watermark), so
 * memory holds only the spans still open and the last few milliseconds, however long the run.
 * A flow's two ends are both inside that window (a call is open until its service has ended).
 * The metadata comes last, once the counts are known.
 */
export async function streamChromeTrace(
  config: NodeConfig,
  seed: number,
  commands: readonly LoggedCommand[],
  untilNs: number,
  sink: TraceSink,
  options: ChromeTraceOptions = {},
): Promise<ChromeTrace['metadata']> {
  const max = options.maxEvents ?? CHROME_TRACE_MAX_EVENTS;
  const sim = createNodeSimulation(config, seed, { commands });
  const conv = new Converter(config);
  let first = true;
  let written = 0;
  let flows = 0;
  const emit = async (events: ChromeTraceEvent[], counted: boolean): Promise<void> => {
    if (events.length === 0) return;
    for (const e of events) if (e.flow_out) flows++;
    if (counted) written += events.length;
    await sink.write((first ? '' : ',\n') + events.map((e) => JSON.stringify(e)).join(',\n'));
    first = false;
  };
  await sink.write('{"displayTimeUnit":"ns","traceEvents":[\n');
  await emit(metadataEvents(config), false);
  let truncatedAt = -1;
  let lost = 0;
  let heldMax = 0;
  while (sim.now < untilNs) {
    sim.runUntil(untilNs, SLICE_EVENTS);
    const batch = sim.drainTrace();
    lost += batch.lost;
    conv.consume(batch);
    // Write out what is final; keep the rest, to be sorted with what is still to come.
    const w = conv.watermark(sim.now);
    const ready: ChromeTraceEvent[] = [];
    const keep: ChromeTraceEvent[] = [];
    for (const e of conv.events) (e.ts * 1000 < w ? ready : keep).push(e);
    conv.events.length = 0;
    for (const e of keep) conv.events.push(e);
    if (keep.length > heldMax) heldMax = keep.length;
    await emit(ready.sort(byTime), true);
    if (written + conv.events.length >= max && sim.now < untilNs) {
      truncatedAt = sim.now;
      break;
    }
  }
  const endNs = truncatedAt >= 0 ? truncatedAt : untilNs;
  conv.finish(endNs);
  await emit(conv.events.sort(byTime), true);
  const metadata: ChromeTrace['metadata'] = {
    source: 'mos-explorer',
    preset: config.name,
    seed,
    commands: commands.length,
    untilNs: endNs,
    events: written,
    flows,
    /** The most events held back at once (spans still open and the last moments): flat in the run's length. */
    heldMax,
    truncated: truncatedAt >= 0,
    ...(truncatedAt >= 0 ? { note: `stopped at ${max} events, at ${endNs} ns of the ${untilNs} ns asked for` } : {}),
    ...(lost > 0 ? { lostRecords: lost } : {}),
    timeUnit: 'ts and dur in microseconds, with nanosecond precision',
  };
  await sink.write(`\n],"metadata":${JSON.stringify(metadata)}}\n`);
  return metadata;
}

/** The whole trace as JSON text, one event per line (the page's export: bounded by maxEvents). */
export async function exportChromeTrace(config: NodeConfig, seed: number, commands: readonly LoggedCommand[], untilNs: number, options?: ChromeTraceOptions): Promise<string> {
  const parts: string[] = [];
  await streamChromeTrace(config, seed, commands, untilNs, { write: (t) => void parts.push(t) }, options);
  return parts.join('');
}
