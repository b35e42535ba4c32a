/**
 * Streaming strace log parser: push text in chunks cut anywhere (even mid-line or mid-character
 * pair is fine as long as the caller decoded UTF-8 with a streaming decoder), then end().
 * Memory: the columnar call table and the interned strings; no per-line objects are kept.
 */
import type { CallColumns } from './columns';
import { detach } from './columns';
import { LineParser } from './lineParser';
import type { StraceThread } from './threads';
import { TIMESTAMP_FORMATS, type TimestampFormat } from './timestamps';

export interface SkippedLine {
  /** 1-based line number in the input. */
  readonly lineNumber: number;
  /** The line, cut to SKIPPED_LINE_CHARS characters. */
  readonly line: string;
  readonly reason: string;
}

export interface StraceResult {
  readonly calls: CallColumns;
  /** Syscall names, indexed by calls.name. */
  readonly names: readonly string[];
  /** Errno names (ENOENT, ...), indexed by calls.errno. */
  readonly errnos: readonly string[];
  /** Paths (as printed, escapes kept), indexed by calls.path. */
  readonly paths: readonly string[];
  /** Threads of the pid column with their rebuilt process; empty without a pid column. */
  readonly threads: readonly StraceThread[];
  readonly pidColumn: boolean;
  /** Distinct ids in the pid column; 1 without a pid column (0 if nothing parsed). */
  readonly pids: number;
  /** Thread groups; 1 without a pid column (0 if nothing parsed). */
  readonly processes: number;
  /** Timestamp formats seen, in TIMESTAMP_FORMATS order ('none' when some line had no timestamp). */
  readonly timestampFormats: readonly TimestampFormat[];
  /** The first timestamp as printed (startNs is relative to it); '' without timestamps. */
  readonly timeOrigin: string;
  readonly lines: number;
  readonly parsedLines: number;
  readonly signals: number;
  readonly exits: number;
  /** The first MAX_SKIPPED_LISTED skipped lines; skippedCount counts all of them. */
  readonly skippedLines: readonly SkippedLine[];
  readonly skippedCount: number;
  /** No line at all looked like strace output. */
  readonly notStrace: boolean;
  /** Human explanation when notStrace; '' otherwise. */
  readonly message: string;
}

export interface StraceParser {
  push(chunk: string): void;
  end(): StraceResult;
}

export interface StraceParserOptions {
  /** Skipped lines listed in the result (all are counted). */
  readonly maxSkippedListed?: number;
  /** A longer line is skipped without being buffered (bounds memory on binary input). */
  readonly maxLineLength?: number;
}

export const MAX_SKIPPED_LISTED = 1000;
export const SKIPPED_LINE_CHARS = 200;
export const MAX_LINE_LENGTH = 1 << 20;

export function createStraceParser(options: StraceParserOptions = {}): StraceParser {
  const maxListed = options.maxSkippedListed ?? MAX_SKIPPED_LISTED;
  const maxLine = options.maxLineLength ?? MAX_LINE_LENGTH;
  const p = new LineParser();
  const skipped: SkippedLine[] = [];
  let skippedCount = 0;
  let lines = 0;
  let carry = '';
  let discarding = false;
  let ended = false;

  const skip = (line: string, reason: string): void => {
    skippedCount++;
    if (skipped.length < maxListed) {
      const cut = line.length > SKIPPED_LINE_CHARS ? line.slice(0, SKIPPED_LINE_CHARS) + '…' : line;
      skipped.push({ lineNumber: lines, line: detach(cut), reason });
    }
  };

  const parseLine = (s: string, start: number, end: number): void => {
    lines++;
    if (end - start > maxLine) skip(s.slice(start, start + SKIPPED_LINE_CHARS), `line longer than ${maxLine} characters`);
    else if (!p.parse(s, start, end)) skip(s.slice(start, end), p.reason);
  };

  /** Keeps the unfinished tail of the input, dropping it if it grows past maxLine. */
  const keep = (tail: string): void => {
    if (discarding) return;
    if (carry.length + tail.length > maxLine) {
      lines++;
      skip((carry + tail).slice(0, SKIPPED_LINE_CHARS), `line longer than ${maxLine} characters`);
      carry = '';
      discarding = true;
    } else {
      carry += tail;
    }
  };

  return {
    push(chunk: string): void {
      if (ended) throw new Error('strace parser: push() after end()');
      let pos = 0;
      if (carry.length > 0 || discarding) {
        const nl = chunk.indexOf('\n');
        if (nl < 0) {
          keep(chunk);
          return;
        }
        if (!discarding) {
          const line = carry + chunk.slice(0, nl);
          parseLine(line, 0, line.length);
        }
        carry = '';
        discarding = false;
        pos = nl + 1;
      }
      for (let nl = chunk.indexOf('\n', pos); nl >= 0; nl = chunk.indexOf('\n', pos)) {
        parseLine(chunk, pos, nl);
        pos = nl + 1;
      }
      if (pos < chunk.length) keep(chunk.slice(pos));
    },

    end(): StraceResult {
      if (ended) throw new Error('strace parser: end() called twice');
      ended = true;
      if (carry.length > 0) parseLine(carry, 0, carry.length);
      carry = '';
      return assemble(p, lines, skipped, skippedCount);
    },
  };
}

function assemble(p: LineParser, lines: number, skipped: SkippedLine[], skippedCount: number): StraceResult {
  const parsedLines = lines - skippedCount;
  const threads = p.pidColumn ? p.threads.resolve() : [];
  const one = parsedLines > 0 ? 1 : 0;
  const notStrace = parsedLines === 0;
  return {
    calls: p.calls.view(),
    names: p.names.strings.values,
    errnos: p.errnos.values,
    paths: p.paths.values,
    threads,
    pidColumn: p.pidColumn,
    pids: p.pidColumn ? threads.length : one,
    processes: p.pidColumn ? new Set(threads.map((t) => t.process)).size : one,
    timestampFormats: TIMESTAMP_FORMATS.filter((_f, i) => (p.time.seen & (1 << i)) !== 0),
    timeOrigin: p.time.originText,
    lines,
    parsedLines,
    signals: p.signals,
    exits: p.exits,
    skippedLines: skipped,
    skippedCount,
    notStrace,
    message: notStrace ? notStraceMessage(lines, skipped) : '',
  };
}

function notStraceMessage(lines: number, skipped: readonly SkippedLine[]): string {
  if (lines === 0) return 'The input is empty: no strace output to read.';
  const first = skipped[0]?.line ?? '';
  // NUL or the replacement character from undecodable bytes: a binary file (an image, an archive).
  const binary = /[\u0000\ufffd]/.test(first) ? ' It looks like binary data.' : '';
  return (
    `This is not strace output: none of its ${lines} line(s) looks like a traced system call ` +
    `(expected lines such as 'openat(AT_FDCWD, "/etc/hostname", O_RDONLY) = 3', optionally after a pid and a timestamp).` +
    binary
  );
}
