/**
 * Options as getopt_long(3) and bash's getopts read them: `-c VALUE`, `-cVALUE`, clustered flags
 * (`-tO`), `--name VALUE`, `--name=VALUE`, unique prefixes of long names (`--mpol-thr`), `--` to
 * end the options; reading stops at the first word that is not an option (the program), as the
 * real tools ask with a leading '+'. Each command describes its options in a table; an option the
 * model does not use is still accepted, with a warning that names it.
 */
import { closeMatch } from '../closeMatch';
import type { Diagnostic } from '../diagnostic';
import { diagIn, slice, type Word } from './shell';

export interface OptionSpec {
  /** What the command's parser calls it. */
  readonly key: string;
  /** The short letter, without the dash. */
  readonly short?: string;
  /** Long names, without the dashes (the first is the one printed). */
  readonly long?: readonly string[];
  readonly arg: 'none' | 'required';
  /** What the value is, for messages: "a CPU list such as 2-15,18-31". */
  readonly hint?: string;
  /** Accepted but not modelled: what it does, for the warning. */
  readonly ignored?: string;
  /** May be given several times, each one counting (yod -o). Otherwise the last one counts. */
  readonly repeat?: boolean;
}

export interface OptionUse {
  readonly spec: OptionSpec;
  /** As written: "-c" or "--cpus". */
  readonly written: string;
  readonly value?: Word;
  /** The option's own characters (its name). */
  readonly nameStart: number;
  readonly nameEnd: number;
  /** The name and its value. */
  readonly end: number;
}

export interface GetoptResult {
  readonly uses: readonly OptionUse[];
  /** The words after the options: the program and its arguments (or a tool's own operands). */
  readonly operands: readonly Word[];
}

const shortName = (s: OptionSpec): string => `-${s.short}`;
const longNames = (s: OptionSpec): string[] => (s.long ?? []).map((l) => `--${l}`);

/** How an option is usually written in messages: its long name if it has one. */
export function optionName(s: OptionSpec): string {
  return s.long ? `--${s.long[0]}` : shortName(s);
}

function allNames(specs: readonly OptionSpec[]): string[] {
  return specs.flatMap((s) => [...(s.short ? [shortName(s)] : []), ...longNames(s)]);
}

function unknownShort(command: string, letter: string, specs: readonly OptionSpec[]): string {
  const other = specs.find((s) => s.short !== undefined && s.short.toLowerCase() === letter.toLowerCase());
  if (other) return `unknown ${command} option '-${letter}': did you mean -${other.short}${other.long ? ` (--${other.long[0]})` : ''}?`;
  const known = specs.filter((s) => s.short).map(shortName);
  return `unknown ${command} option '-${letter}' (its short options: ${known.join(', ')})`;
}

function unknownLong(command: string, name: string, specs: readonly OptionSpec[]): string {
  const near = closeMatch(name, specs.flatMap(longNames));
  if (near) return `unknown ${command} option '${name}': did you mean ${near}?`;
  const near2 = closeMatch(name, allNames(specs));
  return `unknown ${command} option '${name}'${near2 ? `: did you mean ${near2}?` : ` (its options: ${allNames(specs).join(', ')})`}`;
}

function findLong(name: string, specs: readonly OptionSpec[]): { spec?: OptionSpec; ambiguous?: string[] } {
  const exact = specs.find((s) => s.long?.includes(name));
  if (exact) return { spec: exact };
  const prefixed = specs.filter((s) => s.long?.some((l) => l.startsWith(name)));
  if (name.length > 0 && prefixed.length === 1) return { spec: prefixed[0] };
  if (name.length > 0 && prefixed.length > 1) return { ambiguous: prefixed.map(optionName) };
  return {};
}

/** Reads the options of `words` (the words after the command's name). */
export function getopt(command: string, words: readonly Word[], specs: readonly OptionSpec[], errors: Diagnostic[], warnings: Diagnostic[]): GetoptResult {
  const uses: OptionUse[] = [];
  let i = 0;
  const needsValue = (spec: OptionSpec, written: string, at: Word, from: number, to: number): void => {
    errors.push(diagIn(`${command} ${written} needs a value${spec.hint ? `: ${spec.hint}` : ''}`, at, from, to));
  };
  for (; i < words.length; i++) {
    const w = words[i];
    const t = w.text;
    if (t === '--') {
      i++;
      break;
    }
    if (!t.startsWith('-') || t === '-') break;
    if (t.startsWith('--')) {
      const eq = t.indexOf('=');
      const name = eq < 0 ? t.slice(2) : t.slice(2, eq);
      const found = findLong(name, specs);
      const nameEnd = eq < 0 ? t.length : eq;
      if (found.ambiguous) {
        errors.push(diagIn(`${command} option '--${name}' is ambiguous: it could be ${found.ambiguous.join(' or ')}`, w, 0, nameEnd));
        continue;
      }
      const spec = found.spec;
      if (!spec) {
        errors.push(diagIn(unknownLong(command, `--${name}`, specs), w, 0, nameEnd));
        continue;
      }
      const written = `--${spec.long!.find((l) => l === name) ?? spec.long!.find((l) => l.startsWith(name))!}`;
      const [nameStart, nameStop] = [w.map[0] ?? w.start, (w.map[nameEnd - 1] ?? w.end - 1) + 1];
      if (spec.arg === 'none') {
        if (eq >= 0) errors.push(diagIn(`${command} ${written} takes no value`, w, eq, t.length));
        else uses.push({ spec, written, nameStart, nameEnd: nameStop, end: nameStop });
        continue;
      }
      let value: Word | undefined;
      if (eq >= 0) value = slice(w, eq + 1);
      else if (i + 1 < words.length) value = words[++i];
      if (value === undefined) needsValue(spec, written, w, 0, t.length);
      else uses.push({ spec, written, value, nameStart, nameEnd: nameStop, end: Math.max(nameStop, value.end) });
      continue;
    }
    // Short options, possibly clustered: -tO, -c2-15, -c 2-15.
    for (let k = 1; k < t.length; k++) {
      const letter = t[k];
      const spec = specs.find((s) => s.short === letter);
      // The first letter is underlined with its dash; a clustered one alone.
      const from = k === 1 ? 0 : k;
      const nameStart = w.map[from];
      const nameStop = w.map[k] + 1;
      if (!spec) {
        errors.push(diagIn(unknownShort(command, letter, specs), w, from, k + 1));
        break;
      }
      const written = `-${letter}`;
      if (spec.arg === 'none') {
        uses.push({ spec, written, nameStart, nameEnd: nameStop, end: nameStop });
        continue;
      }
      let value: Word | undefined;
      if (k + 1 < t.length) value = slice(w, k + 1);
      else if (i + 1 < words.length) value = words[++i];
      if (value === undefined) needsValue(spec, written, w, from, k + 1);
      else uses.push({ spec, written, value, nameStart, nameEnd: nameStop, end: Math.max(nameStop, value.end) });
      break;
    }
  }
  const seen = new Map<string, OptionUse>();
  for (const u of uses) {
    const before = seen.get(u.spec.key);
    if (before && !u.spec.repeat) {
      warnings.push({ message: `${command} ${u.written} is given again: the last one counts, as ${command} reads it`, start: u.nameStart, end: u.end });
    }
    seen.set(u.spec.key, u);
    if (u.spec.ignored !== undefined) {
      warnings.push({ message: `${command} ${u.written} is accepted, has no effect in the model (${u.spec.ignored})`, start: u.nameStart, end: u.end });
    }
  }
  return { uses, operands: words.slice(i) };
}

/** The last use of an option (the one that counts), if any. */
export function lastUse(r: GetoptResult, key: string): OptionUse | undefined {
  for (let k = r.uses.length - 1; k >= 0; k--) if (r.uses[k].spec.key === key) return r.uses[k];
  return undefined;
}
