/** Durations given on the command line: a number with a unit (a bare number is ambiguous and refused). */
import { parseDuration } from '../engine/kernel/time';
import { UsageError } from './io';

/** Parses `--flag` text such as 200ms, 1.5s, 250us; throws a UsageError naming the flag. */
export function parseDurationFlag(flag: string, text: string): number {
  if (/^\s*\d+(\.\d+)?\s*$/.test(text)) throw new UsageError(`--${flag} needs a unit: "${text}" could be ns, us, ms or s (e.g. ${text}ms)`);
  const d = parseDuration(text);
  if (!d.ok) throw new UsageError(`--${flag}: ${d.error}`);
  if (d.ns <= 0) throw new UsageError(`--${flag} must be longer than 0, got "${text}"`);
  return d.ns;
}
