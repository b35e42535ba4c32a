/** `mos-explorer params`: every settable parameter with its kind, unit, bounds, defaults and source (the text of docs/parameters.md). */
import { rejectUnknownFlags, parseFlags, UsageError, type CliIO, type ExitCode } from '../io';
import { PRESETS } from '../../engine/config/presets';
import { parameterRows, parametersMarkdown } from '../../engine/config/parameterDocs';

export const PARAMS_USAGE = `usage: mos-explorer params [--json]

Prints every parameter of the node model: its path (the keys of a config file), kind, unit,
bounds, default in each preset and source (markdown: the text of docs/parameters.md).
  --json   the settable parameters as JSON: [{ path, kind, unit, bounds, defaults, source }]
`;

export const DOCUMENTED_PRESETS = ['mos', 'linux', 'linux-tuned', 'mos-bsp', 'mckernel', 'mos-as-built', 'xeon-phi', 'cnk', 'kitten', 'kitten-palacios'];

export async function paramsCommand(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const { flags, positional } = parseFlags(argv, ['json'], [], ['json']);
  rejectUnknownFlags(flags, ['json']);
  if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"`);
  if (flags.has('json')) io.out(JSON.stringify(parameterRows(PRESETS, DOCUMENTED_PRESETS), null, 2) + '\n');
  else io.out(parametersMarkdown(PRESETS, DOCUMENTED_PRESETS));
  return 0;
}
