/** `mos-explorer run`: one headless run of a node configuration, summarised as text or JSON. */
import { parseFlags, rejectUnknownFlags, UsageError, type CliIO, type ExitCode } from '../io';
import { PRESET_NAMES } from '../../engine/config/presets';
import { presetByName } from '../../engine/config/presetByName';
import { parseConfigText } from '../../engine/config/parseConfig';
import { simulate, type Stop } from '../simulate';
import { formatDuration, MS } from '../../engine/kernel/time';
import { parseDurationFlag } from '../duration';
import type { NodeConfig } from '../../engine/config/nodeConfig';
import { streamChromeTrace } from '../../engine/export/chromeTrace';
import { metricsToCsv } from '../../engine/export/metricsCsv';
import { parseCommandLog } from '../../engine/inject';
import type { LoggedCommand } from '../../engine/kernel/simulation';

export const RUN_USAGE = `usage: mos-explorer run (--preset NAME | --config FILE) [--seed N] [--until 10ms | --events N] [--json] [--trace FILE] [--csv FILE] [--commands FILE]

  --preset NAME   one of: ${PRESET_NAMES.join(', ')}
  --config FILE   a JSON file on top of a preset, e.g. { "preset": "mos-bsp", "seed": 1,
                  "partition": "lwkcpus=0.1-15:16.17-31 lwkmem=0:16G,1:16G", "linux": { "hz": 250 },
                  "syscalls": { "mechanism": "mckernel", "wait": "spin" }, "workload": { "computeNs": 500000 } }
                  (docs/parameters.md lists every setting)
  --seed N        the random seed (default 1, or the config file's)
  --until T       simulated time to run, e.g. 10ms, 1s (default 100ms)
  --events N      run exactly N events instead
  --json          print the summary as JSON
  --trace FILE    also write the run as Chrome Trace Event JSON (opens in Perfetto UI)
  --csv FILE      also write the metrics table as CSV (metric,value)
  --commands FILE replay injections: a JSON list of { "time": ns, "atEvent": n, "command": {...} }
                  (the page's Injections, or a saved .mosx.json state); atEvent may be left out
`;

const FLAGS = ['preset', 'config', 'seed', 'until', 'events', 'json', 'trace', 'csv', 'commands'];

export function parseSeed(text: string): number {
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw new UsageError(`--seed must be a whole number >= 0, got "${text}"`);
  return Number(text);
}

export async function runCommand(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const { flags, positional } = parseFlags(argv, ['json'], [], FLAGS);
  rejectUnknownFlags(flags, FLAGS);
  if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"`);
  const presetName = flags.get('preset');
  const configPath = flags.get('config');
  if ((presetName === undefined) === (configPath === undefined)) throw new UsageError('give exactly one of --preset or --config');
  if (flags.has('until') && flags.has('events')) throw new UsageError('give --until or --events, not both');

  let config: NodeConfig;
  let seed = 1;
  if (presetName !== undefined) {
    const preset = presetByName(presetName);
    if (!preset) throw new UsageError(`unknown preset "${presetName}" (one of: ${PRESET_NAMES.join(', ')})`);
    config = preset;
  } else {
    let text: string;
    try {
      text = new TextDecoder().decode(await io.readFile(configPath!));
    } catch (e) {
      throw new UsageError(`cannot read --config ${configPath}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const parsed = parseConfigText(text, configPath);
    if (!parsed.ok) throw new UsageError(parsed.errors.join('\n'));
    for (const w of parsed.warnings) io.err(`warning: ${w}\n`);
    config = parsed.config;
    if (parsed.seed !== null) seed = parsed.seed;
  }
  if (flags.has('seed')) seed = parseSeed(flags.get('seed')!);

  let stop: Stop;
  if (flags.has('events')) {
    const text = flags.get('events')!;
    if (!/^\d+$/.test(text)) throw new UsageError(`--events must be a whole number, got "${text}"`);
    if (!Number.isSafeInteger(Number(text))) throw new UsageError(`--events must be at most ${Number.MAX_SAFE_INTEGER} (2^53 - 1), got ${text}`);
    stop = { events: Number(text) };
  } else {
    stop = { untilNs: flags.has('until') ? parseDurationFlag('until', flags.get('until')!) : 100 * MS };
  }
  let commands: LoggedCommand[] = [];
  if (flags.has('commands')) {
    const path = flags.get('commands')!;
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder().decode(await io.readFile(path)));
    } catch (e) {
      throw new UsageError(`cannot read --commands ${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const parsed = parseCommandLog(value, path);
    if (!parsed.ok) throw new UsageError(parsed.errors.join('\n'));
    commands = parsed.commands;
  }
  const { sim, snapshot: snap } = simulate(config, seed, stop, commands);
  for (const r of sim.rejected) io.err(`warning: the injection at ${formatDuration(r.command.time)} was not applied: ${r.error}\n`);
  // The export re-runs the same (config, seed, commands) deterministically up to the same time.
  if (flags.has('trace')) {
    // Streamed to the file as it is made: memory stays flat however long the run.
    const path = flags.get('trace')!;
    const parts: string[] = [];
    const file = io.openWrite ? await io.openWrite(path) : { write: (t: string) => Promise.resolve(void parts.push(t)), close: () => io.writeFile(path, parts.join('')) };
    try {
      await streamChromeTrace(config, seed, sim.commandLog, sim.now, file, { maxEvents: Number.MAX_SAFE_INTEGER });
    } finally {
      await file.close();
    }
  }
  if (flags.has('csv')) await io.writeFile(flags.get('csv')!, metricsToCsv(snap.metrics));
  if (flags.has('json')) {
    io.out(JSON.stringify({ ...snap, lastEvent: snap.lastEvent }, null, 2) + '\n');
  } else {
    io.out(
      [
        `preset        ${config.name} (seed ${seed})`,
        `simulated     ${formatDuration(snap.time)}`,
        `events        ${snap.eventCount}`,
        `traceHash     ${snap.traceHash}`,
        `last event    ${snap.lastEvent ? `${formatDuration(snap.lastEvent.time)}  ${snap.lastEvent.description}` : '(none)'}`,
        '',
        JSON.stringify(snap.metrics, null, 2),
        '',
      ].join('\n'),
    );
  }
  return 0;
}
