import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStraceText, pidFromFileName, type StraceResult } from '../../../src/engine/strace';

export const FIXTURES = join(__dirname, '../../fixtures/strace');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Parses text and returns the row indices of the calls named `name`. */
export function rowsOf(r: StraceResult, name: string): number[] {
  const idx = r.names.indexOf(name);
  const out: number[] = [];
  for (let i = 0; i < r.calls.length; i++) if (r.calls.name[i] === idx) out.push(i);
  return out;
}

export function parse(text: string): StraceResult {
  return parseStraceText(text);
}

/** The strace -ff files (PREFIX.PID) of a fixture folder, leaving out anything else (its README). */
export function ffNames(dir: string): string[] {
  return readdirSync(join(FIXTURES, dir)).filter((n) => pidFromFileName(n) > 0).sort();
}
