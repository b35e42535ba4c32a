/** What a CLI command may touch: its arguments, output streams and files. Injected so commands are testable in-process. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  /** A file written piece by piece (large exports), closed by the caller; without it, pieces are gathered for writeFile. */
  openWrite?(path: string): Promise<{ write(text: string): Promise<void>; close(): Promise<void> }>;
}

/** Exit status of a command: 0 ok, 1 run failed, 2 bad usage or bad input. */
export type ExitCode = 0 | 1 | 2;

/** A bad argument: printed with the usage text, exit status 2. */
export class UsageError extends Error {}

/**
 * Splits `--flag value`, `--flag=value` and bare `--switch` arguments. Unknown flags are the
 * caller's to reject. A flag named in `repeatable` may be given many times: its values, in
 * order, are in `lists` (and the last one in `flags`).
 */
export function parseFlags(
  argv: readonly string[],
  switches: readonly string[],
  repeatable: readonly string[] = [],
  known?: readonly string[],
): { flags: Map<string, string>; positional: string[]; lists: Map<string, string[]> } {
  const flags = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    // An unknown flag is named as such, even at the end where it would lack a value.
    if (known !== undefined && !known.includes(name)) throw new UsageError(`unknown option --${name}`);
    const many = repeatable.includes(name);
    if (flags.has(name) && !many) throw new UsageError(`--${name} is given twice`);
    let value: string;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (switches.includes(name)) value = 'true';
    else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      value = next;
      i++;
    }
    flags.set(name, value);
    if (many) lists.set(name, [...(lists.get(name) ?? []), value]);
  }
  return { flags, positional, lists };
}

/** Rejects flags a command does not know, naming the first one. */
export function rejectUnknownFlags(flags: Map<string, string>, known: readonly string[]): void {
  for (const name of flags.keys()) if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
}
