/**
 * Parses one strace output line into the columnar tables. Grammar (strace 6):
 *   [PID | "[pid N]"] [TIMESTAMP] ["[" NR "]" (-n)] ["[" ADDRESS "]" (-i)] BODY   |   " > " FRAME (-k)
 *   BODY = NAME(ARGS) = RET [ERRNO (text)] [(comment)] [<secs.micro>]
 *        | NAME(ARGS <unfinished ...>      | <... NAME resumed>ARGS) = RET ...
 *        | NAME(ARGS <detached ...>        | --- SIGNAL ... ---  | +++ exited/killed ... +++
 * A call split over an unfinished/resumed pair is one row, reserved at the start line. -k frame
 * lines follow the line that completes a call (for exit_group, its +++ exited line) and belong to it.
 */
import { CALL_COMPLETE, CALL_DETACHED, CALL_ORPHAN_RESUMED, CALL_UNFINISHED, CallTable, StringTable } from './columns';
import { CLONE_FLAGS, CLONE_NONE, isExternalKind, NameTable, type NameMeta } from './callMeta';
import { FrameTable } from './frames';
import {
  BRACKET_NR, bracket, CH_GT, CH_LT, CH_QUOTE, CH_SPACE, isDigit, isNameChar, num,
  readBracketPrefix, readInteger, skipDecoration, skipQuoted, skipSpaces,
} from './scan';
import { MAX_RW_COUNT, MAX_SECONDS, PID_MAX_LIMIT } from './limits';
import { ThreadState, ThreadTracker } from './threads';
import { Timestamps } from './timestamps';
import { CallFields } from './callFields';

const UNFINISHED = '<unfinished ...>';
const DETACHED = '<detached ...>';
const RESUMED_HEAD = '<... ';
const RESUMED_TAIL = ' resumed>';

// Outcomes of an argument scan.
const ARGS_CLOSED = 0;
const ARGS_UNFINISHED = 1;
const ARGS_DETACHED = 2;
const ARGS_UNTERMINATED = 3;
const ARGS_UNBALANCED = 4;

// Character classes of the argument scanner; 0 = nothing to do.
const C_QUOTE = 1;
const C_OPEN = 2;
const C_CLOSE = 3;
const C_COMMA = 4;
const C_LT = 5;
const CHAR_CLASS = new Uint8Array(128);
CHAR_CLASS[CH_QUOTE] = C_QUOTE;
for (const c of '([{') CHAR_CLASS[c.charCodeAt(0)] = C_OPEN;
for (const c of ')]}') CHAR_CLASS[c.charCodeAt(0)] = C_CLOSE;
CHAR_CLASS[44] = C_COMMA;
CHAR_CLASS[CH_LT] = C_LT;

/** An argument index no call uses: argument extraction is off for resumed lines without a start. */
const NO_ARGS = 1 << 30;

// Where -k frame lines go (frameOwner): a call row (>= 0), nowhere, or nothing was read yet.
const FRAMES_UNATTACHED = -1;
const FRAMES_NO_LINE_YET = -2;

export class LineParser {
  readonly calls = new CallTable();
  readonly names = new NameTable();
  readonly errnos = new StringTable();
  readonly paths = new StringTable();
  readonly threads = new ThreadTracker();
  readonly time = new Timestamps();
  readonly frames = new FrameTable();
  /** Some line had a pid column (strace -f), or the lines came from -ff files with their pid. */
  pidColumn = false;
  /** Some line had -n's syscall number, -i's instruction pointer. */
  syscallNumbers = false;
  instructionPointers = false;
  signals = 0;
  exits = 0;
  notes = 0;
  /** Why the last rejected line was rejected. */
  reason = '';
  /** What the last accepted line had changed (a value capped to a physical bound); '' if nothing. */
  get warning(): string {
    return this.fields.warning;
  }

  /** Fills the current call's row from its arguments and return value. */
  private readonly fields = new CallFields(this.calls, this.names, this.paths, this.errnos);
  /** State of the thread of the line being parsed when the log has no pid column. */
  private solo = new ThreadState(0);
  /** The pid of lines without a pid column (-ff files: taken from the file name); 0 = none. */
  private filePid = 0;
  /** The call row the next -k frame lines belong to. */
  private frameOwner = FRAMES_NO_LINE_YET;
  /** -n's syscall number of the current line, -1 without. */
  private prefixNr = -1;
  // Scratch of the current line (fields, not objects, so that parsing allocates nothing).
  private tid = 0;
  private hasPid = false;
  private depth = 1;
  private argStart = 0;

  /** Parses s[start, end) (no newline). Returns false, with `reason` set, for a line it cannot use. */
  parse(s: string, start: number, end: number): boolean {
    if (end > start && s.charCodeAt(end - 1) === 13) end--;
    this.fields.warning = '';
    let i = skipSpaces(s, start, end);
    if (i === end) return this.reject('empty line');
    if (s.charCodeAt(i) === CH_GT) return this.frameLine(s, i, end);
    this.frames.close();
    // Frames after a line that is not a call (or a skipped one) belong to no call.
    if (this.frameOwner !== FRAMES_NO_LINE_YET) this.frameOwner = FRAMES_UNATTACHED;
    i = this.readPrefix(s, i, end);
    if (i < 0) return false;
    const c = s.charCodeAt(i);
    if (c === 43 || c === 45) return this.eventLine(s, i, end, c === 43 ? '+++' : '---');
    if (c === CH_LT) return s.startsWith(RESUMED_HEAD, i) ? this.resumedLine(s, i, end) : this.bareMarker(s, i, end);
    if (c === 115 && s.startsWith('strace: ', i)) {
      this.notes++;
      this.frameOwner = FRAMES_UNATTACHED;
      return true;
    }
    return this.callLine(s, i, end);
  }

  /**
   * Lines that follow come from an -ff file of thread `pid` (no pid column): they get that tid.
   * 0 goes back to lines without a pid. Per-file state (pending calls, -k frames) starts afresh.
   */
  beginFile(pid: number): void {
    this.filePid = pid;
    this.solo = new ThreadState(0);
    this.frameOwner = FRAMES_NO_LINE_YET;
    this.frames.close();
    this.time.beginFile();
  }

  /** ` > /lib/x86_64-linux-gnu/libc.so.6(__close+0x10) [0xf89f0]`: a frame of the call above. */
  private frameLine(s: string, i: number, end: number): boolean {
    const a = skipSpaces(s, i + 1, end);
    if (a === i + 1 || a === end) return this.reject('malformed stack frame line (expected " > frame" from strace -k)');
    if (this.frameOwner === FRAMES_NO_LINE_YET) return this.reject('stack frame line (strace -k) with no call before it');
    let b = end;
    while (b > a && (s.charCodeAt(b - 1) === CH_SPACE || s.charCodeAt(b - 1) === 9)) b--;
    this.frames.add(this.frameOwner, s, a, b);
    return true;
  }

  /** The state of a thread, or undefined if it has not been seen (no creation for lines that may fail). */
  private peekThread(): ThreadState | undefined {
    return this.hasPid ? this.threads.peek(this.tid) : this.solo;
  }

  private commitThread(): ThreadState {
    if (!this.hasPid) return this.solo;
    this.pidColumn = true;
    return this.threads.get(this.tid);
  }

  /** Reads -n's `[  59]` and -i's `[00007f...]` (in that order, each at most once); returns the body's index or -1. */
  private readBrackets(s: string, i: number, end: number): number {
    let seen = 0;
    while (i < end && s.charCodeAt(i) === 91) {
      const k = readBracketPrefix(s, i, end);
      if (k < 0 || (seen & bracket.kind) !== 0 || seen >= bracket.kind) return this.rejectAt('bad [...] prefix (expected -n\'s [ NR] or -i\'s [ADDRESS] before the call)');
      seen |= bracket.kind;
      if (bracket.kind === BRACKET_NR) {
        this.prefixNr = bracket.nr;
        this.syscallNumbers = true;
      } else {
        this.instructionPointers = true;
      }
      i = skipSpaces(s, k, end);
    }
    if (i >= end) return this.rejectAt('no body after the prefix');
    return i;
  }

  /** Reads the pid column and the timestamp; returns the body's index or -1. */
  private readPrefix(s: string, i: number, end: number): number {
    this.tid = this.filePid;
    this.hasPid = this.filePid > 0;
    this.prefixNr = -1;
    if (s.startsWith('[pid ', i)) {
      const j = readInteger(s, skipSpaces(s, i + 5, end), end);
      if (j === i || s.charCodeAt(j) !== 93 || num.value <= 0) return this.rejectAt('bad [pid N] prefix');
      if (num.value > PID_MAX_LIMIT) return this.rejectAt(pidRange(s.slice(i + 5, j).trim()));
      this.tid = num.value | 0; // small integers stay Smis: Map lookups by tid stay fast
      this.hasPid = true;
      i = skipSpaces(s, j + 1, end);
    } else if (isDigit(s.charCodeAt(i))) {
      const j = readInteger(s, i, end);
      const after = s.charCodeAt(j);
      if (j > i && (after === CH_SPACE || after === 9) && s.charCodeAt(i + 1) !== 120) {
        if (num.value < 1 || num.value > PID_MAX_LIMIT) return this.rejectAt(pidRange(s.slice(i, j)));
        this.tid = num.value | 0;
        this.hasPid = true;
        i = skipSpaces(s, j, end);
      }
    }
    if (i < end && isDigit(s.charCodeAt(i))) {
      const k = this.time.read(s, i, end);
      if (k < 0 && this.time.outOfRange) return this.rejectAt(`timestamp out of range (more than ${MAX_SECONDS} s)`);
      if (k < 0 || (k < end && s.charCodeAt(k) !== CH_SPACE)) return this.rejectAt('bad pid or timestamp');
      i = skipSpaces(s, k, end);
    } else {
      this.time.none();
    }
    if (i >= end) return this.rejectAt('no body after pid/timestamp');
    return s.charCodeAt(i) === 91 ? this.readBrackets(s, i, end) : i;
  }

  /** `+++ exited with 0 +++`, `+++ killed by SIGKILL +++`, `--- SIGCHLD {...} ---`. */
  private eventLine(s: string, i: number, end: number, mark: string): boolean {
    if (!s.startsWith(mark + ' ', i) || end - i < 8 || !s.startsWith(' ' + mark, end - 4)) {
      return this.reject(mark === '+++' ? 'malformed +++ line' : 'malformed --- line');
    }
    const t = this.commitThread();
    if (mark === '---') {
      this.signals++;
      this.frameOwner = FRAMES_UNATTACHED; // -k: where the signal was delivered, not a call
    } else {
      this.exits++;
      t.pendingRow = -1; // a call still pending never returns
      // strace -k prints exit_group's frames after the +++ line.
      this.frameOwner = t.lastRow;
    }
    return true;
  }

  /** A line holding only `<detached ...>` (or `<unfinished ...>`) after the prefix. */
  private bareMarker(s: string, i: number, _end: number): boolean {
    if (!s.startsWith(DETACHED, i)) return this.reject('unexpected "<" at line start');
    const t = this.commitThread();
    if (t.pendingRow >= 0) this.calls.status[t.pendingRow] = CALL_DETACHED;
    t.pendingRow = -1;
    this.frameOwner = FRAMES_UNATTACHED;
    return true;
  }

  private readName(s: string, i: number, end: number): number {
    let j = i;
    while (j < end && isNameChar(s.charCodeAt(j))) j++;
    return j;
  }

  private callLine(s: string, i: number, end: number): boolean {
    const ne = this.readName(s, i, end);
    if (ne === i || isDigit(s.charCodeAt(i)) || s.charCodeAt(ne) !== 40) return this.reject('not a syscall line');
    const nameIdx = this.names.internRange(s, i, ne);
    const meta = this.names.meta[nameIdx];
    const t = this.peekThread();
    const row = this.calls.add(this.tid, nameIdx, meta.nr < 0 ? this.prefixNr : meta.nr, this.time.nowNs);
    this.begin(row, meta, 0, 1, false);
    const out = this.scanArgs(s, ne + 1, end);
    if (out === ARGS_UNTERMINATED || out === ARGS_UNBALANCED) return this.rollback(out);
    if (out === ARGS_CLOSED && !this.readReturn(s, this.argStart, end)) return this.rollback(out);
    if (t && t.pendingRow >= 0) t.pendingRow = -1; // a new call means the old one will not resume
    this.finish(out, this.commitThread());
    return true;
  }

  private resumedLine(s: string, i: number, end: number): boolean {
    const ns = i + RESUMED_HEAD.length;
    const ne = this.readName(s, ns, end);
    if (ne === ns || !s.startsWith(RESUMED_TAIL, ne)) return this.reject('malformed <... resumed> marker');
    const nameIdx = this.names.internRange(s, ns, ne);
    const meta = this.names.meta[nameIdx];
    const t = this.peekThread();
    const pending = t !== undefined && t.pendingRow >= 0 && this.calls.name[t.pendingRow] === nameIdx ? t : undefined;
    if (pending) this.begin(pending.pendingRow, meta, pending.pendingArg, pending.pendingDepth, pending.pendingCloneThread);
    else this.begin(this.calls.add(this.tid, nameIdx, meta.nr < 0 ? this.prefixNr : meta.nr, this.time.nowNs), meta, NO_ARGS, 1, false);
    const row = this.fields.row;
    const out = this.scanArgs(s, ne + RESUMED_TAIL.length, end);
    const ok = out !== ARGS_UNTERMINATED && out !== ARGS_UNBALANCED && (out !== ARGS_CLOSED || this.readReturn(s, this.argStart, end));
    if (!ok) return pending ? this.reject(out === ARGS_CLOSED ? this.reason : argsReason(out)) : this.rollback(out);
    if (t && t.pendingRow >= 0) t.pendingRow = -1;
    this.finish(out, this.commitThread());
    if (!pending && out === ARGS_CLOSED) this.calls.status[row] = CALL_ORPHAN_RESUMED;
    return true;
  }

  private begin(row: number, meta: NameMeta, arg: number, depth: number, cloneThread: boolean): void {
    this.fields.begin(row, meta, arg, cloneThread);
    this.depth = depth;
  }

  /** The return value and what follows it; a refusal's reason becomes the line's. */
  private readReturn(s: string, i: number, end: number): boolean {
    if (this.fields.readReturn(s, i, end)) return true;
    return this.reject(this.fields.reason);
  }

  /** Drops the row reserved by a line that turned out unusable (it is always the last one). */
  private rollback(out: number): boolean {
    if (this.fields.row === this.calls.length - 1) this.calls.length--;
    return this.reject(out === ARGS_CLOSED ? this.reason : argsReason(out));
  }

  private finish(out: number, t: ThreadState): void {
    const row = this.fields.row;
    const calls = this.calls;
    const meta = this.fields.meta as NameMeta;
    if (!meta.futex) calls.blocking[row] = meta.blocks || (meta.blocksOnFd && isExternalKind(calls.fdKind[row])) ? 1 : 0;
    if (calls.bytes[row] > MAX_RW_COUNT) this.fields.capBytes(row, meta);
    t.lastRow = row;
    this.frameOwner = row;
    if (out === ARGS_UNFINISHED) {
      calls.status[row] = CALL_UNFINISHED;
      t.pendingRow = row;
      t.pendingArg = this.fields.index;
      t.pendingDepth = this.depth;
      t.pendingCloneThread = this.fields.cloneThread;
      return;
    }
    calls.status[row] = out === ARGS_DETACHED ? CALL_DETACHED : CALL_COMPLETE;
    if (out === ARGS_CLOSED && meta.clone !== CLONE_NONE && this.hasPid && calls.ret[row] > 0 && calls.ret[row] <= PID_MAX_LIMIT) {
      this.threads.created(this.tid, calls.ret[row] | 0, meta.clone === CLONE_FLAGS && this.fields.cloneThread);
    }
  }

  /**
   * Scans arguments from i at the current depth, extracting the ones the call needs. Leaves
   * `argStart` at the index after the closing ')' when it returns ARGS_CLOSED.
   */
  private scanArgs(s: string, i: number, end: number): number {
    let depth = this.depth;
    this.argStart = i;
    while (i < end) {
      const c = s.charCodeAt(i);
      const cls = c < 128 ? CHAR_CLASS[c] : 0;
      if (cls === 0) {
        i++;
        continue;
      }
      if (cls === C_QUOTE) {
        i = skipQuoted(s, i, end);
        continue;
      }
      if (cls === C_OPEN) depth++;
      else if (cls === C_CLOSE) {
        if (--depth === 0) {
          if (c !== 41) return ARGS_UNBALANCED;
          this.fields.arg(s, this.argStart, i);
          this.argStart = i + 1;
          return ARGS_CLOSED;
        }
        if (depth < 0) return ARGS_UNBALANCED;
      } else if (cls === C_COMMA) {
        if (depth === 1) {
          this.fields.arg(s, this.argStart, i);
          this.fields.index++;
          this.argStart = i + 1;
        }
      } else {
        if (s.startsWith(UNFINISHED, i) || s.startsWith(DETACHED, i)) {
          this.fields.arg(s, this.argStart, i);
          this.depth = depth;
          return s.charCodeAt(i + 1) === 117 ? ARGS_UNFINISHED : ARGS_DETACHED;
        }
        // An fd decoration follows the fd number (or AT_FDCWD); its path may hold any bracket.
        const p = s.charCodeAt(i - 1);
        if (isDigit(p) || p === 68) {
          const k = skipDecoration(s, i, end);
          if (k > 0) {
            i = k;
            continue;
          }
        }
      }
      i++;
    }
    return ARGS_UNTERMINATED;
  }

  private reject(reason: string): boolean {
    this.reason = reason;
    return false;
  }

  private rejectAt(reason: string): number {
    this.reason = reason;
    return -1;
  }
}


/** Whether `needle` occurs inside s[a, b); bounded so that a long line is not rescanned per argument. */

function pidRange(text: string): string {
  return `pid ${text.length > 20 ? text.slice(0, 20) + '…' : text} is out of range (Linux ids are 1 to ${PID_MAX_LIMIT})`;
}

function argsReason(out: number): string {
  return out === ARGS_UNBALANCED ? 'unbalanced brackets in the arguments' : 'unterminated arguments (no ")" and no <unfinished ...>)';
}
