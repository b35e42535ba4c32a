/**
 * Hand-written scanners over `s[i..end)`: no regular expressions on the hot path (no backtracking,
 * no per-line allocation). Each returns the index just past what it consumed.
 */
import { FD_KINDS, type FdKind } from '../syscalls/classes';

export const CH_SPACE = 32;
export const CH_TAB = 9;
export const CH_QUOTE = 34;
export const CH_BACKSLASH = 92;
export const CH_LT = 60;
export const CH_GT = 62;
export const CH_0 = 48;
export const CH_9 = 57;

export function isDigit(c: number): boolean {
  return c >= CH_0 && c <= CH_9;
}

/** Lowercase letters, digits and '_': the characters of a syscall name. */
export function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || isDigit(c) || c === 95;
}

export function skipSpaces(s: string, i: number, end: number): number {
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c !== CH_SPACE && c !== CH_TAB) break;
    i++;
  }
  return i;
}

/** `i` is at an opening '"'; returns the index after the closing quote, or `end` if unterminated. */
export function skipQuoted(s: string, i: number, end: number): number {
  i++;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c === CH_BACKSLASH) i += 2;
    else if (c === CH_QUOTE) return i + 1;
    else i++;
  }
  return end;
}

/**
 * `i` is at a '<' of an -y/-yy decoration (`3</etc/passwd>`, `1</dev/null<char 1:3>>`);
 * returns the index after the matching '>', or -1 if there is none.
 */
export function skipDecoration(s: string, i: number, end: number): number {
  let depth = 0;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c === CH_LT) depth++;
    // '->' joins socket endpoints under -yy (`TCP:[1.2.3.4:5->6.7.8.9:10]`): not a closing bracket.
    else if (c === CH_GT && s.charCodeAt(i - 1) !== 45 && --depth === 0) return i + 1;
    i++;
  }
  return -1;
}

/** Scratch output of the number readers (one parser runs at a time on a thread). */
export const num = { value: 0 };

/** Reads `-?[0-9]+` or `0x[0-9a-f]+` at i into num.value; returns i unchanged if there is none. */
export function readInteger(s: string, i: number, end: number): number {
  let j = i;
  let neg = false;
  if (j < end && s.charCodeAt(j) === 45) {
    neg = true;
    j++;
  }
  if (j + 2 < end && s.charCodeAt(j) === CH_0 && s.charCodeAt(j + 1) === 120) {
    let v = 0;
    let k = j + 2;
    for (; k < end; k++) {
      const c = s.charCodeAt(k) | 32;
      const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
      if (d < 0) break;
      v = v * 16 + d;
    }
    if (k === j + 2) return i;
    num.value = neg ? -v : v;
    return k;
  }
  let v = 0;
  let k = j;
  for (; k < end; k++) {
    const c = s.charCodeAt(k);
    if (c < CH_0 || c > CH_9) break;
    v = v * 10 + (c - CH_0);
  }
  if (k === j) return i;
  num.value = neg ? -v : v;
  return k;
}

/**
 * Reads `.ddd` (any number of digits, nanoseconds kept) at i into num.value as nanoseconds.
 * Returns i unchanged when there is no '.' followed by a digit.
 */
export function readFractionNs(s: string, i: number, end: number): number {
  if (i + 1 >= end || s.charCodeAt(i) !== 46 || !isDigit(s.charCodeAt(i + 1))) return i;
  let v = 0;
  let scale = 1e9;
  let k = i + 1;
  for (; k < end; k++) {
    const c = s.charCodeAt(k);
    if (c < CH_0 || c > CH_9) break;
    if (scale > 1) {
      scale /= 10;
      v += (c - CH_0) * scale;
    }
  }
  num.value = Math.round(v);
  return k;
}

const SOCKET_PREFIXES = ['socket:', 'TCP', 'UDP', 'UNIX', 'NETLINK', 'RAW', 'PACKET', 'SCTP', 'L2TP', 'ICMP'];

/** Classifies the content of a decoration `<...>` (without the angle brackets). */
export function fdKindOf(content: string): FdKind {
  if (content.startsWith('pipe:')) return 'pipe';
  if (content.startsWith('anon_inode:')) return 'anon';
  if (content.startsWith('/dev/pts/') || content.startsWith('/dev/tty') || content.startsWith('/dev/console')) return 'tty';
  if (content.startsWith('/dev/') || content.includes('<char ') || content.includes('<block ')) return 'device';
  if (content.charCodeAt(0) === 47) return 'file';
  for (const p of SOCKET_PREFIXES) if (content.startsWith(p)) return 'socket';
  return 'unknown';
}

export function fdKindCode(kind: FdKind): number {
  return FD_KINDS.indexOf(kind);
}

/** The path shown by a decoration: the content up to a nested -yy `<char ...>` part. */
export function decorationPath(s: string, start: number, end: number): string {
  const inner = s.indexOf('<', start);
  return s.slice(start, inner >= 0 && inner < end ? inner : end);
}

/** What a bracketed prefix after the timestamp held (scratch output of readBracketPrefix). */
export const bracket = { kind: 0, nr: -1 };
/** `-n`: `[  59]`, the syscall number right-aligned in 4 columns. */
export const BRACKET_NR = 1;
/** `-i`: `[00007f4e39b64bd3]`, the instruction pointer (8 or 16 hex digits, or as many '?' when unknown). */
export const BRACKET_IP = 2;

/** `i` is at '['; reads an -n or -i prefix into `bracket`. Returns the index after ']', or -1. */
export function readBracketPrefix(s: string, i: number, end: number): number {
  let j = i + 1;
  const limit = Math.min(end, i + 18);
  while (j < limit && s.charCodeAt(j) !== 93) j++;
  if (j >= limit) return -1;
  const len = j - i - 1;
  const k = skipSpaces(s, i + 1, j);
  if (k < j && len <= 5 && readInteger(s, k, j) === j && s.charCodeAt(k) !== 45) {
    bracket.kind = BRACKET_NR;
    bracket.nr = num.value;
    return j + 1;
  }
  if (len !== 8 && len !== 16) return -1;
  const unknown = s.charCodeAt(i + 1) === 63;
  for (let p = i + 1; p < j; p++) {
    const c = s.charCodeAt(p);
    if (unknown ? c !== 63 : !isHexDigit(c)) return -1;
  }
  bracket.kind = BRACKET_IP;
  bracket.nr = -1;
  return j + 1;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}
