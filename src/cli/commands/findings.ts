/** `mos-explorer findings`: regenerates docs/findings.md (the model's results next to the literature). */
import { parseFlags, rejectUnknownFlags, UsageError, type CliIO, type ExitCode } from '../io';
import { findingsDocument, FINDINGS_COMMAND } from '../findings/document';

export const FINDINGS_USAGE = `usage: mos-explorer findings [--write FILE]

  Runs the comparisons and sweeps behind docs/findings.md and prints the document.
  --write FILE   write it to FILE instead (the repository's copy: ${FINDINGS_COMMAND})
`;

export async function findingsCommand(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const { flags, positional } = parseFlags(argv, [], [], ['write']);
  rejectUnknownFlags(flags, ['write']);
  if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"`);
  const { text, runs } = findingsDocument();
  if (flags.has('write')) {
    await io.writeFile(flags.get('write')!, text);
    io.err(`wrote ${flags.get('write')} (${runs} runs)\n`);
  } else io.out(text);
  return 0;
}
