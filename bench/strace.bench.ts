/**
 * strace log parsing: throughput (MB/s of UTF-8 input, decoding included) and peak resident memory
 * of a fresh process parsing a 25 MB and a 100 MB log streamed in 1 MB chunks. The logs are made
 * by seeded resampling of real recorded lines (tests/fixtures/strace, read from the working
 * directory: run from the repository root). Target: >= 50 MB/s; memory must not grow with the
 * file beyond the columnar call table (about 60 bytes per call). Thread groups: a log of a
 * 50,000-thread chain of clones (each thread creating the next) parses at about the MB/s of a
 * plain log of the same size (target: within 2x; the quadratic resolve of old made it ~300x slower).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createStraceParser, type StraceResult } from '../src/engine/strace';
import { cloneChainLog } from '../tests/unit/strace/generate';
import { peakRssOfChild, registerChildTask } from './child';
import type { BenchFigure, BenchSuite } from './types';

const FIXTURES = ['threads-f-tt-T.log', 'fork-f-yy-tt-T.log'];
const CHUNK_BYTES = 1 << 20;
const MB = 1e6;
/** Bytes per call row in the columnar table (see src/engine/strace/columns.ts). */
const ROW_BYTES = 4 * 6 + 8 * 4 + 3;

function realLines(): string[] {
  const dir = join(process.cwd(), 'tests/fixtures/strace');
  return FIXTURES.flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n')).filter((l) => l.length > 0);
}

/** Yields `totalBytes` of log as ~1 MB UTF-8 chunks, lines drawn by a seeded LCG (never held whole). */
function* logChunks(totalBytes: number, seed = 1): Generator<Uint8Array> {
  const lines = realLines();
  const encoder = new TextEncoder();
  let state = seed >>> 0;
  let produced = 0;
  while (produced < totalBytes) {
    const parts: string[] = [];
    let size = 0;
    while (size < CHUNK_BYTES && produced + size < totalBytes) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      const line = lines[state % lines.length];
      parts.push(line);
      size += line.length + 1;
    }
    const bytes = encoder.encode(parts.join('\n') + '\n');
    produced += bytes.length;
    yield bytes;
  }
}

/** Peak bytes of the columnar table for `rows` calls: capacity doubles from 1024, and a growth step holds old and new arrays. */
function columnPeakMiB(rows: number): number {
  let cap = 1024;
  while (cap < rows) cap *= 2;
  return ((cap + (cap > 1024 ? cap / 2 : 0)) * ROW_BYTES) / 2 ** 20;
}

/** Decodes and parses byte chunks; returns the result and the seconds it took. */
function parseChunks(chunks: Iterable<Uint8Array>): { result: StraceResult; seconds: number } {
  const t0 = performance.now();
  const decoder = new TextDecoder('utf-8');
  const parser = createStraceParser();
  for (const chunk of chunks) parser.push(decoder.decode(chunk, { stream: true }));
  parser.push(decoder.decode());
  const result = parser.end();
  return { result, seconds: (performance.now() - t0) / 1000 };
}

/** Splits text into ~1 MB UTF-8 chunks at line ends. */
function textChunks(text: string): Uint8Array[] {
  const encoder = new TextEncoder();
  const out: Uint8Array[] = [];
  for (let i = 0; i < text.length; ) {
    const nl = text.indexOf('\n', i + CHUNK_BYTES);
    const end = nl < 0 ? text.length : nl + 1;
    out.push(encoder.encode(text.slice(i, end)));
    i = end;
  }
  return out;
}

/** MB/s of the best of `runs` parses (the least disturbed by other work on the machine). */
function bestRate(chunks: readonly Uint8Array[], runs: number): { rate: number; result: StraceResult } {
  const bytes = chunks.reduce((n, c) => n + c.length, 0);
  let best = 0;
  let result: StraceResult | undefined;
  for (let i = 0; i < runs; i++) {
    const r = parseChunks(chunks);
    best = Math.max(best, bytes / MB / r.seconds);
    result = r.result;
  }
  return { rate: best, result: result! };
}

/** A 50,000-thread clone chain next to a plain log of the same size: MB/s of each and their ratio. */
function cloneChainFigures(quick: boolean): BenchFigure[] {
  const threads = 50_000;
  const chain = textChunks(cloneChainLog(threads));
  const chainBytes = chain.reduce((n, c) => n + c.length, 0);
  const plain = [...logChunks(chainBytes, 2)];
  const runs = quick ? 2 : 5;
  parseChunks(plain); // warm-up
  const p = bestRate(plain, runs);
  const c = bestRate(chain, runs);
  const ratio = c.rate / p.rate;
  return [
    { name: `parse throughput, plain log of ${(chainBytes / MB).toFixed(1)} MB (best of ${runs})`, value: p.rate, unit: 'MB/s' },
    {
      name: `parse throughput, ${threads.toLocaleString('en-US')}-thread clone chain (${(chainBytes / MB).toFixed(1)} MB; ${c.result.processes} process of ${c.result.pids} threads)`,
      value: c.rate,
      unit: 'MB/s',
    },
    { name: 'clone chain MB/s / plain log MB/s (thread groups resolved in linear time)', value: ratio, unit: 'x', target: '>= 0.5 (within 2x)', meets: ratio >= 0.5 && c.result.processes === 1 },
  ];
}

registerChildTask('strace-parse', (arg) => {
  // Generated while parsing: the whole log is never held in memory.
  const { result } = parseChunks(logChunks(Number(arg) * MB));
  // Keep the result alive until the peak is read.
  if (result.calls.length === 0) throw new Error('no calls parsed');
});

registerChildTask('strace-generate-only', (arg) => {
  let n = 0;
  for (const chunk of logChunks(Number(arg) * MB)) n += chunk.length;
  if (n === 0) throw new Error('nothing generated');
});

export const straceBench: BenchSuite = {
  name: 'strace log parser (src/engine/strace)',
  async run({ quick }) {
    const throughputMb = quick ? 10 : 100;
    const [smallMb, largeMb] = quick ? [5, 20] : [25, 100];
    // Children first: on Linux a child's maxRSS starts at its parent's RSS at fork time
    // (bench/child.ts reads ru_maxrss), so the parent must still be small here.
    const parentRss = process.memoryUsage().rss / 2 ** 20;
    const rssSmall = peakRssOfChild('strace-parse', String(smallMb));
    const rssLarge = peakRssOfChild('strace-parse', String(largeMb));
    const rssGen = peakRssOfChild('strace-generate-only', String(largeMb));
    // Throughput on pre-generated chunks, so that the generator's garbage is not collected on the clock.
    const chunks = [...logChunks(throughputMb * MB)];
    const bytes = chunks.reduce((n, c) => n + c.length, 0);
    parseChunks(chunks); // warm-up: the JIT takes tens of MB to settle on the line parser
    const runs = quick ? 1 : 3;
    const rates: number[] = [];
    let calls = 0;
    for (let i = 0; i < runs; i++) {
      const { result, seconds } = parseChunks(chunks);
      rates.push(bytes / MB / seconds);
      calls = result.calls.length;
    }
    rates.sort((a, b) => a - b);
    const rate = rates[Math.floor(rates.length / 2)];
    const perMb = calls / throughputMb;
    const colsSmall = columnPeakMiB(perMb * smallMb);
    const colsLarge = columnPeakMiB(perMb * largeMb);
    const beyondSmall = rssSmall - colsSmall;
    const beyondLarge = rssLarge - colsLarge;
    const figures: BenchFigure[] = [
      { name: `parse throughput, ${throughputMb} MB log (median of ${runs})`, value: rate, unit: 'MB/s', target: '>= 50 MB/s', meets: rate >= 50 },
      { name: `calls parsed in the ${throughputMb} MB log`, value: calls, unit: 'calls' },
      { name: 'parent RSS when the children were spawned (floor of their maxRSS)', value: parentRss, unit: 'MiB' },
      { name: `peak RSS parsing ${smallMb} MB (1 MB chunks)`, value: rssSmall, unit: 'MiB' },
      { name: `peak RSS parsing ${largeMb} MB (1 MB chunks)`, value: rssLarge, unit: 'MiB' },
      { name: `peak RSS generating ${largeMb} MB without parsing (baseline)`, value: rssGen, unit: 'MiB' },
      { name: `columnar table peak at ${smallMb} MB (doubling, old + new)`, value: colsSmall, unit: 'MiB' },
      { name: `columnar table peak at ${largeMb} MB (doubling, old + new)`, value: colsLarge, unit: 'MiB' },
      { name: `RSS beyond the columns at ${smallMb} MB`, value: beyondSmall, unit: 'MiB' },
      {
        name: `RSS beyond the columns at ${largeMb} MB`,
        value: beyondLarge,
        unit: 'MiB',
        target: `< ${smallMb} MB figure + 32 MiB (no growth with file size)`,
        meets: beyondLarge < beyondSmall + 32,
      },
    ];
    figures.push(...cloneChainFigures(quick));
    return figures;
  },
};
