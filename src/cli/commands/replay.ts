/** `mos-explorer replay FILE`: replays an strace log under a configuration and shows where each call goes. */
import { parseFlags, rejectUnknownFlags, UsageError, type CliIO, type ExitCode } from '../io';
import { PRESET_NAMES } from '../../engine/config/presets';
import { presetByName } from '../../engine/config/presetByName';
import { framesOf, orderFfFiles, parseStraceBytes, parseStraceFiles, type StraceResult } from '../../engine/strace';
import { replayStrace, type LatencySummary, type ReplayReport, type ReportedLine } from '../../engine/strace/replay';
import { ROUTES } from '../../engine/descriptors';
import { formatDuration } from '../../engine/kernel/time';
import { parseSeed } from './run';

export const REPLAY_USAGE = `usage: mos-explorer replay FILE... [--preset NAME] [--seed N] [--json] [--calls]

  FILE            an strace log (strace -f, -t/-tt/-ttt/-r, -T, -y/-yy, -i, -n, -k are all understood);
                  several files: the per-thread files of strace -ff -o PREFIX (PREFIX.PID, e.g.
                  trace.7711 trace.7712), merged into one run with the pid taken from each name
  --preset NAME   the configuration to replay under (default mos): ${PRESET_NAMES.join(', ')}
  --seed N        the random seed (default 1)
  --json          print the report as JSON
  --calls         also list every call: name, route, simulated and traced latency

Traced durations (strace -T) include strace's own overhead.
Exit status 2 when FILE is not strace output.
`;

function where(l: ReportedLine): string {
  return l.file !== undefined ? `${l.file} line ${l.line}` : `line ${l.line}`;
}

const FLAGS = ['preset', 'seed', 'json', 'calls'];

function fmt(ns: number): string {
  return Number.isNaN(ns) ? '-' : formatDuration(Math.round(ns));
}

function lat(s: LatencySummary | null): string {
  if (!s || s.count === 0) return '-';
  return `${fmt(s.meanNs)} / ${fmt(s.p50Ns)} / ${fmt(s.maxNs)}`;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function textReport(file: string, r: ReplayReport): string {
  const out: string[] = [];
  out.push(`replay of ${file} under ${r.preset} (seed ${r.seed})`);
  if (r.files) out.push(`${r.files.length} strace -ff files merged: ${r.files.map((f) => `${f.name} (pid ${f.pid})`).join(', ')}`);
  out.push(`calls ${r.calls.total}   pids ${r.pids}   processes ${r.processes}   threads ${r.threads}   blocking (replayed as external waits) ${r.blockingCalls}`);
  out.push(`routes  ${ROUTES.map(({ key }) => `${key} ${r.routes[key]}`).join('   ')}`);
  out.push(`simulated until ${formatDuration(r.simulatedEndNs)} (${r.events} events)${r.truncated ? '  STOPPED at the event bound: some calls were not replayed' : ''}`);
  out.push('');
  const header = [pad('call', 18), pad('count', 6), pad('glibc', 6), pad('lwk', 6), pad('linux', 6), pad('osnode', 7), pad('simulated mean / p50 / max', 36), `traced mean / p50 / max${r.tracedDurations ? ' (-T, includes strace overhead)' : ''}`];
  out.push(header.join(' '));
  for (const [name, s] of Object.entries(r.byName)) {
    out.push([pad(name, 18), pad(String(s.count), 6), pad(String(s.routes.glibc), 6), pad(String(s.routes.lwk), 6), pad(String(s.routes.linux), 6), pad(String(s.routes.osnode), 7), pad(lat(s.simulated), 36), lat(s.traced)].join(' '));
  }
  if (!r.tracedDurations) out.push('', '(no -T durations in the log: only simulated latencies are shown)');
  else out.push('', `note: ${r.tracedNote}.`);
  if (r.aggregationFlushes > 0) out.push(`glibc aggregation flushed small writes in ${r.aggregationFlushes} write(s) of its own.`);
  if (r.warningCount > 0) {
    out.push('', `${r.warningCount} line(s) with values capped:`);
    for (const l of r.warnings.slice(0, 20)) out.push(`  ${where(l)}: ${l.reason}`);
    if (r.warningCount > 20) out.push(`  ... (${r.warningCount - 20} more; --json lists up to ${r.warnings.length})`);
  }
  if (r.skippedLineCount > 0) {
    out.push('', `${r.skippedLineCount} line(s) skipped:`);
    for (const l of r.skippedLines.slice(0, 20)) out.push(`  ${where(l)}: ${l.reason}`);
    if (r.skippedLineCount > 20) out.push(`  ... (${r.skippedLineCount - 20} more; --json lists up to ${r.skippedLines.length})`);
  }
  return out.join('\n') + '\n';
}

function perCallRows(r: ReplayReport, result: StraceResult) {
  const { name: nameOf, durationNs: traced, tid } = result.calls;
  const rows = [];
  for (let i = 0; i < nameOf.length; i++) {
    const route = r.perCall.route[i];
    const frames = framesOf(result.frames, i);
    rows.push({
      row: i,
      tid: tid[i],
      name: result.names[nameOf[i]],
      route: route >= 0 ? (ROUTES[route]?.key ?? null) : null,
      simulatedNs: Number.isNaN(r.perCall.simulatedNs[i]) ? null : r.perCall.simulatedNs[i],
      externalWaitNs: r.perCall.waitNs[i],
      tracedNs: Number.isNaN(traced[i]) ? null : traced[i],
      ...(frames.length > 0 ? { frames } : {}),
    });
  }
  return rows;
}

/** Reads the files; several must be the -ff files of one run. A message (exit 2) on failure. */
async function readLog(paths: readonly string[], io: CliIO): Promise<{ result: StraceResult } | { message: string }> {
  const read = async (path: string): Promise<Uint8Array | string> => {
    try {
      return await io.readFile(path);
    } catch (e) {
      return `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`;
    }
  };
  if (paths.length === 1) {
    const bytes = await read(paths[0]);
    if (typeof bytes === 'string') return { message: bytes };
    const result = parseStraceBytes([bytes]);
    return result.notStrace ? { message: `${paths[0]}: ${result.message}` } : { result };
  }
  const ordered = orderFfFiles(paths, (p) => p);
  if (!ordered.ok) throw new UsageError(ordered.message);
  const inputs = [];
  for (const f of ordered.files) {
    const bytes = await read(f.name);
    if (typeof bytes === 'string') return { message: bytes };
    inputs.push({ name: f.name, pid: f.pid, chunks: [bytes] });
  }
  const result = parseStraceFiles(inputs);
  const bad = result.files.find((f) => f.lines > 0 && f.parsedLines === 0);
  if (bad) return { message: `${bad.name}: none of its ${bad.lines} line(s) is strace output: not a file of strace -ff` };
  return result.notStrace ? { message: `${paths.join(' ')}: ${result.message}` } : { result };
}

export async function replayCommand(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const { flags, positional } = parseFlags(argv, ['json', 'calls']);
  rejectUnknownFlags(flags, FLAGS);
  if (positional.length === 0) throw new UsageError('give the strace log to replay');
  const file = positional.join(' ');
  const preset = flags.get('preset') ?? 'mos';
  if (!presetByName(preset)) throw new UsageError(`unknown preset "${preset}" (one of: ${PRESET_NAMES.join(', ')})`);
  const seed = flags.has('seed') ? parseSeed(flags.get('seed')!) : 1;
  const log = await readLog(positional, io);
  if ('message' in log) {
    io.err(`mos-explorer replay: ${log.message}\n`);
    return 2;
  }
  const { result } = log;
  const report = replayStrace(result, preset, seed);
  if (flags.has('json')) {
    const { perCall, ...rest } = report;
    void perCall;
    const json = { file, ...rest, ...(flags.has('calls') ? { perCall: perCallRows(report, result) } : {}) };
    io.out(JSON.stringify(json, null, 2) + '\n');
  } else {
    io.out(textReport(file, report));
    if (flags.has('calls')) {
      io.out('\nrow   call               route    simulated    traced\n');
      for (const c of perCallRows(report, result)) {
        io.out(`${pad(String(c.row), 5)} ${pad(c.name, 18)} ${pad(c.route ?? '-', 8)} ${pad(c.simulatedNs === null ? '-' : fmt(c.simulatedNs), 12)} ${c.tracedNs === null ? '-' : fmt(c.tracedNs)}\n`);
      }
    }
  }
  return report.truncated ? 1 : 0;
}
