import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStraceText, type StraceResult } from '../../../src/engine/strace';

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
