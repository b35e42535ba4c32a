/** `mos-explorer compare`: the same seed and duration on several presets (and values of one setting), side by side. */
import { parseFlags, rejectUnknownFlags, UsageError, type CliIO, type ExitCode } from '../io';
import { PRESET_NAMES } from '../../engine/config/presets';
import { parseSeed } from './run';
import { parseDurationFlag } from '../duration';
import { parseSet, parseVary, showAssignment } from '../compare/settings';
import { planRuns } from '../compare/plan';
import { executeRuns } from '../compare/execute';
import { formatCompareTable } from '../compare/table';

export const DEFAULT_COMPARE_PRESETS = ['mos-bsp', 'linux-bsp', 'mckernel', 'mos-as-built'];

export const COMPARE_USAGE = `usage: mos-explorer compare [--presets A,B,...] [--until T] [--seed N] [--set key=value ...] [--vary key=v1,v2,...] [--json]

  --presets A,B,...   presets to run (default ${DEFAULT_COMPARE_PRESETS.join(',')}); one of: ${PRESET_NAMES.join(', ')}
  --until T           simulated time of every run, with a unit: 200ms, 1s, 500us (default 200ms)
  --seed N            the random seed of every run (default 1)
  --set key=value     a setting on top of every preset, by its dotted path (docs/parameters.md),
                      e.g. linux.hz=250, syscalls.proxyThreads=2; repeatable. Values are JSON
                      (numbers, true/false) or else text.
  --vary key=v1,v2    one run per preset and value: presets x values runs
  --json              print { runs: [{ preset, settings, traceHash, metrics }] }, metrics as run --json
`;

const FLAGS = ['presets', 'until', 'seed', 'set', 'vary', 'json'];

export async function compareCommand(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const { flags, positional, lists } = parseFlags(argv, ['json'], ['set'], FLAGS);
  rejectUnknownFlags(flags, FLAGS);
  if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"`);
  const presetsText = flags.get('presets') ?? DEFAULT_COMPARE_PRESETS.join(',');
  const presets = presetsText.split(',').map((p) => p.trim());
  if (presets.some((p) => p === '')) throw new UsageError(`--presets "${presetsText}": an empty name in the list`);
  const untilNs = parseDurationFlag('until', flags.get('until') ?? '200ms');
  const seed = flags.has('seed') ? parseSeed(flags.get('seed')!) : 1;
  const sets = (lists.get('set') ?? []).map(parseSet);
  const vary = flags.has('vary') ? parseVary(flags.get('vary')!) : null;

  const plan = planRuns({ presets, sets, vary });
  if (!plan.ok) throw new UsageError(plan.errors.join('\n'));
  for (const w of plan.warnings) io.err(`warning: ${w}\n`);
  const runs = executeRuns(plan.runs, seed, untilNs);

  if (flags.has('json')) {
    io.out(JSON.stringify({ runs: runs.map((r) => ({ preset: r.preset, settings: r.settings, traceHash: r.traceHash, metrics: r.metrics })) }, null, 2) + '\n');
    return 0;
  }
  const setText = sets.length > 0 ? `, ${sets.map(showAssignment).join(' ')}` : '';
  io.out(`seed ${seed}, ${flags.get('until') ?? '200ms'} simulated per run${setText}\n\n`);
  io.out(formatCompareTable(runs.map((r) => ({ header: r.varied ? [r.preset, showAssignment(r.varied)] : [r.preset], traceHash: r.traceHash, metrics: r.metrics }))));
  return 0;
}
