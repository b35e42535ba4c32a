/**
 * Fuzzing with mutated real logs (every recorded fixture: -f, -t/-tt/-ttt/-r, -T, -y/-yy, -i, -n,
 * -k and -ff files): truncations, byte flips, inserted garbage, huge numbers, very long lines.
 * Each input either parses with its bad lines named (line number and reason) or is rejected as
 * not strace with a message; nothing throws or takes long; what parses replays to completion
 * under an event cap. Few runs and small inputs with fixed seeds, so that the suite stays quick
 * and repeatable; explore further with e.g. FUZZ_SCALE=50 FUZZ_SEED=123 npx vitest run tests/property/strace.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStraceBytes, parseStraceFiles, pidFromFileName, type StraceResult } from '../../../src/engine/strace';
import { replayStrace } from '../../../src/engine/strace/replay';

const DIR = join(__dirname, '../../fixtures/strace');
const LOGS = readdirSync(DIR).filter((f) => f.endsWith('.log')).map((f) => readFileSync(join(DIR, f)));
const FF_SETS = ['ff-pipe', 'ff-bg', 'ff-threads'].map((d) =>
  readdirSync(join(DIR, d)).filter((n) => pidFromFileName(n) > 0).map((n) => ({ name: n, pid: pidFromFileName(n), bytes: readFileSync(join(DIR, d, n)) })),
);
/** Inputs are cut to this many bytes of their source (small inputs keep the runs quick). */
const MAX_SOURCE_BYTES = 6_000;
const MAX_LINE = 4_096;
const REPLAY_EVENTS = 100_000;
/** Generous wall-clock bounds (a shared, busy machine): a hang or a quadratic path exceeds them by far. */
const PARSE_SECONDS = 2;
const REPLAY_SECONDS = 10;

/** Multiplies the number of runs; FUZZ_SEED replaces the fixed seeds (exploration outside the suite). */
const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1) || 1);
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : undefined;
const runs = (n: number, seed: number) => ({ numRuns: n * SCALE, seed: SEED ?? seed });

const HUGE = ['10000000000000', '18446744073709551615', '9'.repeat(40), '9'.repeat(400), '-9223372036854775808', '4194305', '0x' + 'f'.repeat(30), '1e308'];
const GARBAGE = ['\u0000\u0001\u0002', '\ufffd\ufffd', '(((((', ')))', '"', '<unfinished ...>', '<... read resumed>', ' > ', '[  59]', '[00007f0000000000]', '+++ ', '--- ', ' = ', 'é', '\r', '\t'];

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'number'; nth: number; value: string }
  | { kind: 'longLine'; at: number; length: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...GARBAGE), fc.string({ maxLength: 12 }), fc.constantFrom('\n', '\n\n')) }),
  fc.record({ kind: fc.constant('number' as const), nth: fc.nat(), value: fc.constantFrom(...HUGE) }),
  fc.record({ kind: fc.constant('longLine' as const), at: fc.nat(), length: fc.integer({ min: MAX_LINE - 2, max: 3 * MAX_LINE }) }),
);

const enc = new TextEncoder();

/** The first whole lines of a source, up to MAX_SOURCE_BYTES. */
function head(source: Uint8Array): Uint8Array {
  if (source.length <= MAX_SOURCE_BYTES) return source;
  return source.subarray(0, source.lastIndexOf(10, MAX_SOURCE_BYTES - 1) + 1);
}

function mutate(source: Uint8Array, muts: readonly Mutation[]): Uint8Array {
  let b = head(source);
  for (const m of muts) {
    const at = m.kind === 'number' ? 0 : m.at % (b.length + 1);
    if (m.kind === 'truncate') b = b.subarray(0, at);
    else if (m.kind === 'flip') {
      if (b.length === 0) continue;
      const c = Uint8Array.from(b);
      c[at % c.length] ^= 1 << m.bit;
      b = c;
    } else if (m.kind === 'insert' || m.kind === 'longLine') {
      const text = m.kind === 'insert' ? enc.encode(m.text) : enc.encode('\n' + 'x('.repeat(m.length >> 1) + '\n');
      const c = new Uint8Array(b.length + text.length);
      c.set(b.subarray(0, at));
      c.set(text, at);
      c.set(b.subarray(at), at + text.length);
      b = c;
    } else {
      // Replaces the nth run of digits with a huge number.
      const s = new TextDecoder().decode(b);
      const runs = [...s.matchAll(/\d+/g)];
      if (runs.length === 0) continue;
      const r = runs[m.nth % runs.length];
      b = enc.encode(s.slice(0, r.index) + m.value + s.slice(r.index + r[0].length));
    }
  }
  return b;
}

const inputArb = fc.record({ source: fc.nat({ max: LOGS.length - 1 }), muts: fc.array(mutationArb, { minLength: 1, maxLength: 4 }), chunk: fc.integer({ min: 1, max: 4096 }) });

function chunks(b: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < b.length; i += size) out.push(b.subarray(i, i + size));
  return out;
}

function timed<T>(f: () => T): { value: T; seconds: number } {
  const t0 = performance.now();
  const value = f();
  return { value, seconds: (performance.now() - t0) / 1000 };
}

/** The contract of a parse: every line accounted for, bad lines named, or a not-strace message. */
function checkParse(r: StraceResult): void {
  expect(r.parsedLines + r.skippedCount).toBe(r.lines);
  if (r.notStrace) {
    expect(r.message.length).toBeGreaterThan(20);
    return;
  }
  expect(r.message).toBe('');
  expect(r.skippedLines.length).toBe(Math.min(r.skippedCount, 1000));
  for (const l of r.skippedLines) {
    expect(l.lineNumber).toBeGreaterThanOrEqual(1);
    expect(l.lineNumber).toBeLessThanOrEqual(r.lines);
    expect(l.reason.length).toBeGreaterThan(5);
    expect(l.line.length).toBeLessThanOrEqual(201);
  }
  for (const w of r.warnings) expect(w.reason.length).toBeGreaterThan(5);
  const c = r.calls;
  for (let i = 0; i < c.length; i++) {
    expect(c.name[i]).toBeLessThan(r.names.length);
    expect(c.path[i]).toBeLessThan(r.paths.length);
    expect(c.tid[i]).toBeGreaterThanOrEqual(0);
    expect(c.bytes[i] <= 0x7ffff000 || Number.isNaN(c.bytes[i]) || r.names[c.name[i]] === 'mmap').toBe(true);
  }
}

describe('strace fuzzing (mutated real logs)', () => {
  it('every mutated log parses with its bad lines named, or is rejected as not strace; nothing throws or hangs', () => {
    fc.assert(
      fc.property(inputArb, ({ source, muts, chunk }) => {
        const bytes = mutate(LOGS[source], muts);
        const { value: r, seconds } = timed(() => parseStraceBytes(chunks(bytes, chunk), { maxLineLength: MAX_LINE }));
        expect(seconds).toBeLessThan(PARSE_SECONDS);
        checkParse(r);
      }),
      runs(150, 20_261_130),
    );
  });

  it('what parses replays to completion under an event cap', () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom('mos', 'linux', 'mckernel'), ({ source, muts, chunk }, preset) => {
        const r = parseStraceBytes(chunks(mutate(LOGS[source], muts), chunk), { maxLineLength: MAX_LINE });
        if (r.notStrace) return;
        const { value: report, seconds } = timed(() => replayStrace(r, preset, 1, { maxEvents: REPLAY_EVENTS }));
        expect(seconds).toBeLessThan(REPLAY_SECONDS);
        expect(report.calls.total).toBe(r.calls.length);
        expect(report.events).toBeLessThanOrEqual(REPLAY_EVENTS + 2048);
        if (!report.truncated) expect(report.notCompleted).toBe(0);
      }),
      runs(25, 7),
    );
  });

  it('a mutated file in a set of -ff files is named by file and line, the others still merge', () => {
    fc.assert(
      fc.property(fc.nat({ max: FF_SETS.length - 1 }), fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (set, pick, muts) => {
        const files = FF_SETS[set];
        const k = pick % files.length;
        const inputs = files.map((f, i) => ({ name: f.name, pid: f.pid, chunks: [i === k ? mutate(f.bytes, muts) : head(f.bytes)] }));
        const { value: r, seconds } = timed(() => parseStraceFiles(inputs, { maxLineLength: MAX_LINE }));
        expect(seconds).toBeLessThan(PARSE_SECONDS);
        checkParse(r);
        for (const l of r.skippedLines) expect(l.file).toBe(files[k].name);
        expect(r.files.map((f) => f.name)).toEqual(files.map((f) => f.name));
        const report = replayStrace(r, 'mos', 1, { maxEvents: REPLAY_EVENTS });
        expect(report.calls.total).toBe(r.calls.length);
      }),
      runs(15, 11),
    );
  });

  it('a line longer than the 1 MiB default is skipped and named, in bounded time', () => {
    const long = enc.encode('close(3) = 0\n' + 'read(3, "' + 'a'.repeat(1_500_000) + '", 10) = 10\nclose(4) = 0\n');
    const { value: r, seconds } = timed(() => parseStraceBytes(chunks(long, 65_536)));
    expect(seconds).toBeLessThan(PARSE_SECONDS);
    expect(r.calls.length).toBe(2);
    expect(r.skippedLines.map((l) => [l.lineNumber, l.reason])).toEqual([[2, 'line longer than 1048576 characters']]);
  });
});
