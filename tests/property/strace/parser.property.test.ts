/**
 * Properties of the strace parser on mutated real lines: it never throws, accounts for every
 * line (parsed or skipped), and does not depend on where the input is cut into chunks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStraceParser, type StraceResult } from '../../../src/engine/strace';

const DIR = join(__dirname, '../../fixtures/strace');
const linesOf = (files: readonly string[]): string[] =>
  files.flatMap((f) => readFileSync(join(DIR, f), 'utf8').split('\n')).filter((l) => l.length > 0);
const RECORDED = linesOf(['threads-f-tt-T.log', 'fork-f-yy-tt-T.log', 'fork-f-r.log', 'single-none.log', 'sockets-f-yy-tt-T.log']);
const REAL_LINES = [...RECORDED, ...linesOf(['edge-cases.log'])];

/** Characters that matter to the grammar, plus a few that do not. */
const SPECIAL = [...'"\\()[]{}<>,=?.:+- \t\r\n0123456789xE', '<unfinished ...>', '<... read resumed>', ' = ', '+++ ', '--- ', 'é', '\u0000'];

type Mutation = { kind: 'insert' | 'replace'; at: number; text: string } | { kind: 'delete' | 'truncate'; at: number; len: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ maxLength: 4 })) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: fc.constantFrom(...SPECIAL) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), len: fc.constant(0) }),
);

function mutate(line: string, muts: readonly Mutation[]): string {
  let s = line;
  for (const m of muts) {
    const at = s.length === 0 ? 0 : m.at % (s.length + 1);
    if (m.kind === 'insert') s = s.slice(0, at) + m.text + s.slice(at);
    else if (m.kind === 'replace') s = s.slice(0, at) + m.text + s.slice(at + 1);
    else if (m.kind === 'delete') s = s.slice(0, at) + s.slice(at + m.len);
    else s = s.slice(0, at);
  }
  return s;
}

const logArb = fc
  .array(fc.record({ line: fc.constantFrom(...REAL_LINES), muts: fc.array(mutationArb, { maxLength: 3 }) }), { minLength: 1, maxLength: 40 })
  .map((rows) => rows.map((r) => mutate(r.line, r.muts)).join('\n') + '\n');

function parseChunks(chunks: readonly string[]): StraceResult {
  const p = createStraceParser();
  for (const c of chunks) p.push(c);
  return p.end();
}

/** Everything observable in a result, as plain data. */
function snapshot(r: StraceResult): unknown {
  const cols = Object.fromEntries(Object.entries(r.calls).map(([k, v]) => [k, typeof v === 'number' ? v : Array.from(v as ArrayLike<number>)]));
  return { ...r, calls: cols };
}

function splitAt(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(text.slice(prev, p));
    prev = p;
  }
  out.push(text.slice(prev));
  return out;
}

describe('strace parser properties', () => {
  it('never throws and accounts for every line', () => {
    fc.assert(
      fc.property(logArb, (text) => {
        const r = parseChunks([text]);
        const lines = text.split('\n').length - 1; // the text ends with '\n'
        expect(r.lines).toBe(lines);
        expect(r.parsedLines + r.skippedCount).toBe(lines);
        expect(r.skippedLines.length).toBe(Math.min(r.skippedCount, 1000));
        for (let i = 0; i < r.calls.length; i++) expect(r.calls.name[i]).toBeLessThan(r.names.length);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result for any chunking', () => {
    fc.assert(
      fc.property(logArb, fc.array(fc.nat(), { maxLength: 12 }), (text, cuts) => {
        expect(snapshot(parseChunks(splitAt(text, cuts)))).toEqual(snapshot(parseChunks([text])));
      }),
      { numRuns: 200 },
    );
  });

  it('parses every unmutated real line', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...RECORDED), { maxLength: 30 }), (lines) => {
        const r = parseChunks([lines.join('\n')]);
        expect(r.skippedCount).toBe(0);
        expect(r.parsedLines).toBe(lines.length);
      }),
      { numRuns: 100 },
    );
  });
});
