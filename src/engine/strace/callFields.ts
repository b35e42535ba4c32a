/**
 * What one call's line says about the call, written into its row of the call table: the
 * arguments it needs (fd, path, length, futex operation, clone flags), fd decorations (-y/-yy),
 * the return value, errno and -T duration, with lengths capped to what Linux can move. The line
 * parser (lineParser.ts) finds the arguments' boundaries and hands each one here.
 */
import { CLONE_FLAGS, type NameMeta, type NameTable } from './callMeta';
import type { CallTable, StringTable } from './columns';
import { StringTable as Strings } from './columns';
import { CH_GT, CH_LT, CH_QUOTE, CH_SPACE, decorationPath, fdKindCode, fdKindOf, isDigit, num, readFractionNs, readInteger, skipDecoration, skipQuoted, skipSpaces } from './scan';
import { MAX_FD, MAX_RW_COUNT, MAX_SECONDS } from './limits';

export class CallFields {
  /** The row being filled, its call's metadata, and the number of the argument being read. */
  row = -1;
  meta: NameMeta | undefined;
  index = 0;
  /** A clone() line's flags include CLONE_THREAD. */
  cloneThread = false;
  /** Why readReturn refused the line. */
  reason = '';
  /** What the line had changed (a value capped to a physical bound); '' if nothing. */
  warning = '';

  /** Distinct decoration texts, with their fd kind code and path index (computed once each). */
  private readonly decorations = new Strings();
  private readonly decorationKind: number[] = [];
  private readonly decorationPath: number[] = [];

  constructor(
    private readonly calls: CallTable,
    private readonly names: NameTable,
    private readonly paths: StringTable,
    private readonly errnos: StringTable,
  ) {}

  /** Starts (or resumes, at argument `index`) filling `row`. */
  begin(row: number, meta: NameMeta, index: number, cloneThread: boolean): void {
    this.row = row;
    this.meta = meta;
    this.index = index;
    this.cloneThread = cloneThread;
  }

  /** Extracts what the call needs from argument number `this.index`, s[a, b). */
  arg(s: string, a: number, b: number): void {
    const meta = this.meta as NameMeta;
    const k = this.index;
    a = skipSpaces(s, a, b);
    if (a >= b) return;
    const row = this.row;
    if (k === 0 && meta.fdFirst) {
      const j = readInteger(s, a, b);
      if (j > a && num.value >= 0 && num.value <= MAX_FD) {
        this.calls.fd[row] = num.value;
        if (s.charCodeAt(j) === CH_LT) this.decoration(s, j, b);
      }
    }
    if (k === meta.pathArg && s.charCodeAt(a) === CH_QUOTE) {
      const q = skipQuoted(s, a, b);
      this.calls.path[row] = this.paths.internRange(s, a + 1, Math.max(a + 1, q - 1));
    }
    if (k === 2 && meta.lengthArg2 && readInteger(s, a, b) > a) this.calls.bytes[row] = num.value;
    if (k === meta.memLengthArg && readInteger(s, a, b) > a) this.calls.bytes[row] = num.value;
    if (k === 1 && meta.futex) this.calls.blocking[row] = within(s, 'WAIT', a, b) || within(s, 'LOCK_PI', a, b) ? 1 : 0;
    if (meta.clone === CLONE_FLAGS && within(s, 'CLONE_THREAD', a, b)) this.cloneThread = true;
  }

  /** Records the path and fd kind of a decoration starting at i ('<'); returns the index after it. */
  private decoration(s: string, i: number, end: number): number {
    const k = skipDecoration(s, i, end);
    if (k < 0) return i;
    const d = this.decorations.internRange(s, i + 1, k - 1);
    if (d === this.decorationPath.length) {
      const content = this.decorations.values[d];
      this.decorationKind.push(fdKindCode(fdKindOf(content)));
      this.decorationPath.push(this.paths.intern(decorationPath(content, 0, content.length)));
    }
    this.calls.fdKind[this.row] = this.decorationKind[d];
    if (this.calls.path[this.row] < 0) this.calls.path[this.row] = this.decorationPath[d];
    return k;
  }

  /** Reads ` = RET [decoration] [ERRNO ...] ... [<duration>]` from i (after the closing ')'). */
  readReturn(s: string, i: number, end: number): boolean {
    i = skipSpaces(s, i, end);
    if (s.charCodeAt(i) !== 61) return this.fail('no "= return value" after the arguments');
    i = skipSpaces(s, i + 1, end);
    const row = this.row;
    const calls = this.calls;
    const meta = this.meta as NameMeta;
    if (s.charCodeAt(i) === 63) {
      i++;
    } else {
      const j = readInteger(s, i, end);
      if (j === i) return this.fail('bad return value');
      const ret = num.value;
      calls.ret[row] = ret;
      i = j;
      if (meta.retIsFd && ret >= 0 && ret <= MAX_FD) calls.fd[row] = ret;
      if (s.charCodeAt(i) === CH_LT) i = this.decoration(s, i, end);
      if (meta.transfer && ret >= 0) calls.bytes[row] = ret;
    }
    i = skipSpaces(s, i, end);
    if (s.charCodeAt(i) === 69) {
      let j = i + 1;
      while (j < end && isErrnoChar(s.charCodeAt(j))) j++;
      calls.errno[row] = this.errnos.internRange(s, i, j);
    }
    if (s.charCodeAt(end - 1) === CH_GT) {
      const lt = s.lastIndexOf('<', end - 1);
      if (lt >= i && s.charCodeAt(lt - 1) === CH_SPACE) {
        const j = readInteger(s, lt + 1, end);
        const secs = num.value;
        const k = j > lt + 1 ? readFractionNs(s, j, end) : j;
        if (k > j && k === end - 1) {
          if (secs <= MAX_SECONDS) calls.durationNs[row] = secs * 1e9 + num.value;
          else this.warning = `-T duration of ${s.slice(lt + 1, k)} s is not plausible: ignored`;
        }
      }
    }
    return true;
  }

  /**
   * Linux moves at most MAX_RW_COUNT bytes in one read/write-family call: a larger count (a
   * corrupted line, or a failed call's requested length such as size_t -1) is capped, with a
   * warning, so that the replay's copy and I/O times stay physical.
   */
  capBytes(row: number, meta: NameMeta): void {
    const bytes = this.calls.bytes[row];
    if (!(meta.transfer || meta.lengthArg2)) return;
    this.calls.bytes[row] = MAX_RW_COUNT;
    const name = this.names.strings.values[this.calls.name[row]];
    this.warning = `${name} of ${bytes} bytes: Linux moves at most ${MAX_RW_COUNT} (MAX_RW_COUNT) in one call; replayed as ${MAX_RW_COUNT}`;
  }

  private fail(reason: string): boolean {
    this.reason = reason;
    return false;
  }
}

function isErrnoChar(c: number): boolean {
  return (c >= 65 && c <= 90) || isDigit(c) || c === 95;
}

function within(s: string, needle: string, a: number, b: number): boolean {
  const first = needle.charCodeAt(0);
  for (let k = a, last = b - needle.length; k <= last; k++) {
    if (s.charCodeAt(k) === first && s.startsWith(needle, k)) return true;
  }
  return false;
}
