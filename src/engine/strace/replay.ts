/**
 * Replays a parsed strace log under a configuration and reports where each call went (glibc,
 * LWK, Linux, OS node) and its simulated cost next to the traced one. Traced durations come
 * from strace -T and include strace's own overhead (ptrace stops on entry and exit), so they
 * are upper bounds of what the call cost untraced.
 */
import type { NodeConfig } from '../config/nodeConfig';
import { PRESET_NAMES } from '../config/presets';
import { presetByName } from '../config/presetByName';
import type { NodeSim } from '../node/cpu';
import { createNodeSimulation } from '../node/model';
import { TState } from '../node/state';
import { ROUTES } from '../descriptors';
import type { SkippedLine, StraceResult } from './parser';
import { summarizeStrace } from './summary';
import { straceToWorkload } from './toWorkload';
import { ReplayCollector, type ReplayCallColumns } from './replayCollector';

export const TRACED_DURATION_NOTE = "traced durations (strace -T) include strace's own overhead";
/** Default bound on simulated events (a safety net: a replay normally ends when its threads exit). */
export const REPLAY_MAX_EVENTS = 50_000_000;
/** Events per slice: the trace ring (65536 records) is drained after each. */
const SLICE_EVENTS = 2048;

/** A route's key (ROUTES). */
export type RouteName = string;
export type RouteCounts = Record<RouteName, number>;

export interface LatencySummary {
  readonly count: number;
  readonly meanNs: number;
  readonly p50Ns: number;
  readonly maxNs: number;
}

export interface ReplayNameStats {
  readonly count: number;
  readonly routes: RouteCounts;
  readonly simulated: LatencySummary;
  /** From -T; null without it. Includes strace's overhead. */
  readonly traced: LatencySummary | null;
  /** Calls of this name replayed as external waits. */
  readonly blocking: number;
}

export interface ReplayReport {
  readonly preset: string;
  readonly seed: number;
  readonly calls: { readonly total: number; readonly byName: Readonly<Record<string, number>> };
  readonly pids: number;
  readonly processes: number;
  readonly threads: number;
  readonly routes: RouteCounts;
  readonly byName: Readonly<Record<string, ReplayNameStats>>;
  readonly skippedLines: readonly ReportedLine[];
  readonly skippedLineCount: number;
  /** Lines whose values were capped to a physical bound (e.g. bytes above MAX_RW_COUNT). */
  readonly warnings: readonly ReportedLine[];
  readonly warningCount: number;
  /** The -ff files merged, with the pid taken from each name; absent for a single log. */
  readonly files?: readonly { readonly name: string; readonly pid: number }[];
  readonly tracedDurations: boolean;
  readonly tracedNote: string;
  readonly blockingCalls: number;
  /** Writes issued by the glibc shim to flush aggregated small writes (not rows of the log). */
  readonly aggregationFlushes: number;
  /** Rows issued but not completed when the run stopped (only if the event bound was hit). */
  readonly notCompleted: number;
  readonly simulatedEndNs: number;
  readonly events: number;
  /** The event bound stopped the run before every thread exited. */
  readonly truncated: boolean;
  /** Per row of the log (same order as result.calls). */
  readonly perCall: ReplayCallColumns;
}

/** A line named in the report: its number (in `file` when several -ff files were merged), why, and its text. */
export interface ReportedLine {
  readonly line: number;
  readonly reason: string;
  readonly text: string;
  readonly file?: string;
}

function reported(l: SkippedLine): ReportedLine {
  return { line: l.lineNumber, reason: l.reason, text: l.line, ...(l.file !== undefined ? { file: l.file } : {}) };
}

export interface ReplayOptions {
  readonly maxEvents?: number;
  /** Replay under this configuration instead of the preset's (the app's current settings). */
  readonly base?: NodeConfig;
}

function emptyRoutes(): RouteCounts {
  return Object.fromEntries(ROUTES.map((r) => [r.key, 0]));
}

export function summarizeLatencies(values: number[]): LatencySummary {
  const v = values.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (v.length === 0) return { count: 0, meanNs: 0, p50Ns: 0, maxNs: 0 };
  const sum = v.reduce((a, b) => a + b, 0);
  return { count: v.length, meanNs: sum / v.length, p50Ns: v[Math.floor((v.length - 1) / 2)], maxNs: v[v.length - 1] };
}

/** The configuration a replay runs under: a preset with the log as its workload. */
export function replayConfig(result: StraceResult, presetName: string, baseConfig?: NodeConfig): NodeConfig {
  const base = baseConfig ?? presetByName(presetName);
  if (!base) throw new Error(`unknown preset "${presetName}" (one of: ${PRESET_NAMES.join(', ')})`);
  return { ...base, workload: straceToWorkload(result) };
}

export function replayStrace(result: StraceResult, presetName: string, seed: number, options: ReplayOptions = {}): ReplayReport {
  if (result.notStrace) throw new Error(result.message || 'not strace output');
  const config = replayConfig(result, presetName, options.base);
  const workload = config.workload;
  if (workload.kind !== 'replay') throw new Error('replay workload expected');
  const sim = createNodeSimulation(config, seed);
  const collector = new ReplayCollector(sim, workload, result.calls.length);
  const maxEvents = options.maxEvents ?? REPLAY_MAX_EVENTS;
  let truncated = false;
  for (;;) {
    const n = sim.runUntil(Number.MAX_SAFE_INTEGER, SLICE_EVENTS);
    collector.consume(sim.drainTrace());
    // Exits are counted from ThreadExit records: checking every thread after each slice would be
    // quadratic in threads (if records were lost, every slice checks all the same).
    if ((collector.exited >= collector.replayThreads || collector.lost > 0) && allDone(sim)) break;
    if (n < SLICE_EVENTS) break;
    if (sim.eventCount >= maxEvents) {
      truncated = true;
      break;
    }
  }
  return buildReport(result, presetName, seed, collector, sim.now, sim.eventCount, truncated, workload.threads.length);
}

function allDone(sim: NodeSim): boolean {
  return sim.state.threads.every((t) => t.kind !== 'app' || t.state === TState.Done);
}

function buildReport(
  result: StraceResult, preset: string, seed: number, collector: ReplayCollector, endNs: number, events: number, truncated: boolean, threads: number,
): ReplayReport {
  const summary = summarizeStrace(result);
  const c = result.calls;
  const col = collector.columns;
  const routes = emptyRoutes();
  const perName = new Map<string, { routes: RouteCounts; sim: number[]; traced: number[]; blocking: number }>();
  let notCompleted = 0;
  let blockingCalls = 0;
  let tracedDurations = false;
  for (let i = 0; i < c.length; i++) {
    const name = result.names[c.name[i]];
    let s = perName.get(name);
    if (!s) perName.set(name, (s = { routes: emptyRoutes(), sim: [], traced: [], blocking: 0 }));
    const r = col.route[i];
    if (r >= 0) {
      routes[ROUTES[r].key]++;
      s.routes[ROUTES[r].key]++;
    }
    if (r >= 0 && Number.isNaN(col.simulatedNs[i])) notCompleted++;
    s.sim.push(col.simulatedNs[i]);
    if (!Number.isNaN(c.durationNs[i])) {
      tracedDurations = true;
      s.traced.push(c.durationNs[i]);
    }
    if (c.blocking[i] === 1) {
      blockingCalls++;
      s.blocking++;
    }
  }
  const byName: Record<string, ReplayNameStats> = {};
  for (const name of Object.keys(summary.calls.byName)) {
    const s = perName.get(name)!;
    byName[name] = {
      count: summary.calls.byName[name],
      routes: s.routes,
      simulated: summarizeLatencies(s.sim),
      traced: s.traced.length > 0 ? summarizeLatencies(s.traced) : null,
      blocking: s.blocking,
    };
  }
  return {
    preset, seed,
    calls: summary.calls,
    pids: summary.pids,
    processes: summary.processes,
    threads,
    routes,
    byName,
    skippedLines: result.skippedLines.map(reported),
    skippedLineCount: result.skippedCount,
    warnings: result.warnings.map(reported),
    warningCount: result.warningCount,
    ...(summary.files ? { files: summary.files } : {}),
    tracedDurations,
    tracedNote: TRACED_DURATION_NOTE,
    blockingCalls,
    aggregationFlushes: collector.flushes,
    notCompleted,
    simulatedEndNs: endNs,
    events,
    truncated,
    perCall: col,
  };
}
