/** `mos-explorer params`: every parameter with its defaults and sources (the text of docs/parameters.md). */
import { rejectUnknownFlags, parseFlags, UsageError, type CliIO, type ExitCode } from '../io';
import { PRESETS } from '../../engine/config/presets';
import { parametersMarkdown } from '../../engine/config/parameterDocs';

export const PARAMS_USAGE = `usage: mos-explorer params

Prints every parameter of the node model with its default in each preset and its source
(markdown: the text of docs/parameters.md).
`;

export const DOCUMENTED_PRESETS = ['mos', 'linux', 'linux-tuned', 'mos-bsp', 'mckernel', 'mos-as-built', 'xeon-phi'];

export async function paramsCommand(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const { flags, positional } = parseFlags(argv, []);
  rejectUnknownFlags(flags, []);
  if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"`);
  io.out(parametersMarkdown(PRESETS, DOCUMENTED_PRESETS));
  return 0;
}
