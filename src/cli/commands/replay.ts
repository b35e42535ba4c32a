/** `mos-explorer replay FILE`: replays an strace log under a configuration and shows where each call goes. */
import { parseFlags, rejectUnknownFlags, UsageError, type CliIO, type ExitCode } from '../io';
import { PRESET_NAMES } from '../../engine/config/presets';
import { presetByName } from '../../engine/config/presetByName';
import { parseStraceBytes } from '../../engine/strace';
import { replayStrace, type LatencySummary, type ReplayReport } from '../../engine/strace/replay';
import { ROUTES } from '../../engine/descriptors';
import { formatDuration } from '../../engine/kernel/time';
import { parseSeed } from './run';

export const REPLAY_USAGE = `usage: mos-explorer replay FILE [--preset NAME] [--seed N] [--json] [--calls]

  FILE            an strace log (strace -f, -t/-tt/-ttt/-r, -T, -y/-yy are all understood)
  --preset NAME   the configuration to replay under (default mos): ${PRESET_NAMES.join(', ')}
  --seed N        the random seed (default 1)
  --json          print the report as JSON
  --calls         also list every call: name, route, simulated and traced latency

Traced durations (strace -T) include strace's own overhead.
Exit status 2 when FILE is not strace output.
`;

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
  if (r.skippedLineCount > 0) {
    out.push('', `${r.skippedLineCount} line(s) skipped:`);
    for (const l of r.skippedLines.slice(0, 20)) out.push(`  line ${l.line}: ${l.reason}`);
    if (r.skippedLineCount > 20) out.push(`  ... (${r.skippedLineCount - 20} more; --json lists up to ${r.skippedLines.length})`);
  }
  return out.join('\n') + '\n';
}

function perCallRows(r: ReplayReport, names: readonly string[], nameOf: Int32Array, traced: Float64Array) {
  const rows = [];
  for (let i = 0; i < nameOf.length; i++) {
    const route = r.perCall.route[i];
    rows.push({
      row: i,
      name: names[nameOf[i]],
      route: route >= 0 ? (ROUTES[route]?.key ?? null) : null,
      simulatedNs: Number.isNaN(r.perCall.simulatedNs[i]) ? null : r.perCall.simulatedNs[i],
      externalWaitNs: r.perCall.waitNs[i],
      tracedNs: Number.isNaN(traced[i]) ? null : traced[i],
    });
  }
  return rows;
}

export async function replayCommand(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const { flags, positional } = parseFlags(argv, ['json', 'calls']);
  rejectUnknownFlags(flags, FLAGS);
  if (positional.length !== 1) throw new UsageError(positional.length === 0 ? 'give the strace log to replay' : `unexpected argument "${positional[1]}"`);
  const file = positional[0];
  const preset = flags.get('preset') ?? 'mos';
  if (!presetByName(preset)) throw new UsageError(`unknown preset "${preset}" (one of: ${PRESET_NAMES.join(', ')})`);
  const seed = flags.has('seed') ? parseSeed(flags.get('seed')!) : 1;
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file);
  } catch (e) {
    io.err(`mos-explorer replay: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const result = parseStraceBytes([bytes]);
  if (result.notStrace) {
    io.err(`mos-explorer replay: ${file}: ${result.message}\n`);
    return 2;
  }
  const report = replayStrace(result, preset, seed);
  if (flags.has('json')) {
    const { perCall, ...rest } = report;
    void perCall;
    const json = { file, ...rest, ...(flags.has('calls') ? { perCall: perCallRows(report, result.names, result.calls.name, result.calls.durationNs) } : {}) };
    io.out(JSON.stringify(json, null, 2) + '\n');
  } else {
    io.out(textReport(file, report));
    if (flags.has('calls')) {
      io.out('\nrow   call               route    simulated    traced\n');
      for (const c of perCallRows(report, result.names, result.calls.name, result.calls.durationNs)) {
        io.out(`${pad(String(c.row), 5)} ${pad(c.name, 18)} ${pad(c.route ?? '-', 8)} ${pad(c.simulatedNs === null ? '-' : fmt(c.simulatedNs), 12)} ${c.tracedNs === null ? '-' : fmt(c.tracedNs)}\n`);
      }
    }
  }
  return report.truncated ? 1 : 0;
}
