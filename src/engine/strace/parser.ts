/**
 * Streaming strace log parser: push text in chunks cut anywhere (even mid-line or mid-character
 * pair is fine as long as the caller decoded UTF-8 with a streaming decoder), then end().
 * Memory: the columnar call table and the interned strings; no per-line objects are kept.
 */
import type { CallColumns } from './columns';
import { detach } from './columns';
import type { StackFrames } from './frames';
import { LineParser } from './lineParser';
import type { StraceThread } from './threads';
import { TIMESTAMP_FORMATS, type TimestampFormat } from './timestamps';

export interface SkippedLine {
  /** 1-based line number in the input (in its file when several -ff files are merged). */
  readonly lineNumber: number;
  /** The line, cut to SKIPPED_LINE_CHARS characters. */
  readonly line: string;
  readonly reason: string;
  /** The file it is in, when several files were merged (beginFile); absent otherwise. */
  readonly file?: string;
}

/** One -ff file of a merged parse: its name, the pid taken from it, and its line counts. */
export interface StraceFile {
  readonly name: string;
  readonly pid: number;
  readonly lines: number;
  readonly parsedLines: number;
}

export interface StraceResult {
  readonly calls: CallColumns;
  /** Syscall names, indexed by calls.name. */
  readonly names: readonly string[];
  /** Errno names (ENOENT, ...), indexed by calls.errno. */
  readonly errnos: readonly string[];
  /** Paths (as printed, escapes kept), indexed by calls.path. */
  readonly paths: readonly string[];
  /** strace -k stack frames per call (framesOf(result.frames, row)); empty without -k. */
  readonly frames: StackFrames;
  /** Lines carried -n's syscall numbers, -i's instruction pointers. */
  readonly syscallNumbers: boolean;
  readonly instructionPointers: boolean;
  /** The -ff files merged (beginFile), in the order read; empty for a single log. */
  readonly files: readonly StraceFile[];
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
  /** Lines read with a value capped to a physical bound (at most MAX_SKIPPED_LISTED listed; warningCount counts all). */
  readonly warnings: readonly SkippedLine[];
  readonly warningCount: number;
  /** No line at all looked like strace output. */
  readonly notStrace: boolean;
  /** Human explanation when notStrace; '' otherwise. */
  readonly message: string;
}

export interface StraceParser {
  push(chunk: string): void;
  /**
   * The text pushed next is another file of the same run, written by `strace -ff -o PREFIX`
   * (named PREFIX.PID): its lines have no pid column and get `pid`. Line numbers restart at 1.
   */
  beginFile(name: string, pid: number): void;
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
  const warnings: SkippedLine[] = [];
  const files: { name: string; pid: number; lines: number; parsedLines: number }[] = [];
  let skippedCount = 0;
  let warningCount = 0;
  let lines = 0;
  /** Line number in the current file; the current file's entry (undefined for a single log). */
  let fileLine = 0;
  let file: { name: string; pid: number; lines: number; parsedLines: number } | undefined;
  let carry = '';
  let discarding = false;
  let ended = false;

  const listed = (line: string, reason: string): SkippedLine => {
    const cut = line.length > SKIPPED_LINE_CHARS ? line.slice(0, SKIPPED_LINE_CHARS) + '…' : line;
    return file ? { lineNumber: fileLine, line: detach(cut), reason, file: file.name } : { lineNumber: fileLine, line: detach(cut), reason };
  };

  const skip = (line: string, reason: string): void => {
    skippedCount++;
    if (skipped.length < maxListed) skipped.push(listed(line, reason));
  };

  const countLine = (): void => {
    lines++;
    fileLine++;
    if (file) file.lines++;
  };

  const parseLine = (s: string, start: number, end: number): void => {
    countLine();
    if (end - start > maxLine) skip(s.slice(start, start + SKIPPED_LINE_CHARS), `line longer than ${maxLine} characters`);
    else if (!p.parse(s, start, end)) skip(s.slice(start, Math.min(end, start + SKIPPED_LINE_CHARS + 1)), p.reason);
    else {
      if (file) file.parsedLines++;
      if (p.warning !== '') {
        warningCount++;
        if (warnings.length < maxListed) warnings.push(listed(s.slice(start, Math.min(end, start + SKIPPED_LINE_CHARS + 1)), p.warning));
      }
    }
  };

  /** The last line of the input (or of a file) may lack its newline. */
  const flush = (): void => {
    if (carry.length > 0) parseLine(carry, 0, carry.length);
    carry = '';
    discarding = false;
  };

  /** Keeps the unfinished tail of the input, dropping it if it grows past maxLine. */
  const keep = (tail: string): void => {
    if (discarding) return;
    if (carry.length + tail.length > maxLine) {
      countLine();
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

    beginFile(name: string, pid: number): void {
      if (ended) throw new Error('strace parser: beginFile() after end()');
      flush();
      fileLine = 0;
      file = { name, pid, lines: 0, parsedLines: 0 };
      files.push(file);
      p.beginFile(pid);
    },

    end(): StraceResult {
      if (ended) throw new Error('strace parser: end() called twice');
      ended = true;
      flush();
      return assemble(p, lines, { skipped, skippedCount, warnings, warningCount, files });
    },
  };
}

interface Notes {
  readonly skipped: SkippedLine[];
  readonly skippedCount: number;
  readonly warnings: SkippedLine[];
  readonly warningCount: number;
  readonly files: StraceFile[];
}

function assemble(p: LineParser, lines: number, notes: Notes): StraceResult {
  const { skipped, skippedCount } = notes;
  const parsedLines = lines - skippedCount;
  const threads = p.pidColumn ? p.threads.resolve() : [];
  const one = parsedLines > 0 ? 1 : 0;
  const notStrace = parsedLines === 0;
  const calls = p.calls.view();
  // Merged -ff files may start before the first line read: times count from the earliest one.
  const shift = p.time.minNs < 0 ? -p.time.minNs : 0;
  if (shift > 0) for (let i = 0; i < calls.length; i++) calls.startNs[i] += shift;
  return {
    calls,
    names: p.names.strings.values,
    errnos: p.errnos.values,
    paths: p.paths.values,
    frames: p.frames.view(calls.length),
    syscallNumbers: p.syscallNumbers,
    instructionPointers: p.instructionPointers,
    files: notes.files,
    threads,
    pidColumn: p.pidColumn,
    pids: p.pidColumn ? threads.length : one,
    processes: p.pidColumn ? new Set(threads.map((t) => t.process)).size : one,
    timestampFormats: TIMESTAMP_FORMATS.filter((_f, i) => (p.time.seen & (1 << i)) !== 0),
    timeOrigin: shift > 0 ? p.time.minText : p.time.originText,
    lines,
    parsedLines,
    signals: p.signals,
    exits: p.exits,
    skippedLines: skipped,
    skippedCount,
    warnings: notes.warnings,
    warningCount: notes.warningCount,
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
