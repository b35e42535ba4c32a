/** Command dispatch, separate from main.ts so tests can run commands in-process. */
// The designs' option parsers (config key `options`): the CLI reads options at once.
import '../engine/designs/syntaxes';
import { UsageError, type CliIO, type ExitCode } from './io';
import { runCommand, RUN_USAGE } from './commands/run';
import { replayCommand, REPLAY_USAGE } from './commands/replay';
import { scaleCommand, SCALE_USAGE } from './commands/scale';
import { paramsCommand, PARAMS_USAGE } from './commands/params';
import { compareCommand, COMPARE_USAGE } from './commands/compare';
import { findingsCommand, FINDINGS_USAGE } from './commands/findings';
import { exerciseCommand, EXERCISE_USAGE } from './commands/exercise';

interface Command {
  readonly usage: string;
  run(argv: readonly string[], io: CliIO): Promise<ExitCode>;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  run: { usage: RUN_USAGE, run: runCommand },
  replay: { usage: REPLAY_USAGE, run: replayCommand },
  scale: { usage: SCALE_USAGE, run: scaleCommand },
  params: { usage: PARAMS_USAGE, run: paramsCommand },
  compare: { usage: COMPARE_USAGE, run: compareCommand },
  findings: { usage: FINDINGS_USAGE, run: findingsCommand },
  exercise: { usage: EXERCISE_USAGE, run: exerciseCommand },
};

export const USAGE = `usage: mos-explorer <command> [options]

commands:
${Object.values(COMMANDS).map((c) => '  ' + c.usage.split('\n')[0].replace(/^usage: mos-explorer /, '')).join('\n')}

Run "mos-explorer <command> --help" for a command's options.
`;

export async function runCli(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`mos-explorer: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`mos-explorer ${name}: ${e.message}\n\n${command.usage}`);
      return 2;
    }
    io.err(`mos-explorer ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
