/**
 * Command lines as a POSIX shell splits them, enough for the option text of a design: commands
 * separated by `;`, `&&` or a new line; words separated by blanks; '…' and "…" quotes and
 * backslash escapes; `#` comments. Every character of a word keeps the place in the text it came
 * from, so a problem inside a quoted value (lwkctl -c '…') is underlined where it was written.
 * Pipes, redirections, variables and substitutions are refused with a clear message: the text is
 * read, never run.
 */
import { diag, type Diagnostic } from '../diagnostic';

/** One word after quote removal. `map[i]` is where its character i stands in the text. */
export interface Word {
  readonly text: string;
  readonly map: readonly number[];
  /** Where the word stands in the text, quotes included. */
  readonly start: number;
  readonly end: number;
}

export interface Command {
  readonly words: readonly Word[];
  readonly start: number;
  readonly end: number;
}

/**
 * The text range of characters [from, to) of a word; past its end, its last character; the
 * word's own range (quotes included) when it is empty.
 */
export function rangeOf(word: Pick<Word, 'map' | 'start' | 'end'>, from = 0, to = word.map.length): [number, number] {
  const m = word.map;
  if (m.length === 0) return [word.start, word.end];
  const a = Math.min(Math.max(0, from), m.length - 1);
  const b = Math.min(Math.max(to, a + 1), m.length);
  return [m[a], m[b - 1] + 1];
}

/** A diagnostic about characters [from, to) of a word. */
export function diagIn(message: string, word: Pick<Word, 'map' | 'start' | 'end'>, from = 0, to = word.map.length): Diagnostic {
  const [s, e] = rangeOf(word, from, to);
  return diag(message, s, e);
}

/** The part [from, to) of a word, still mapped to the text. */
export function slice(word: Word, from: number, to = word.text.length): Word {
  const map = word.map.slice(from, to);
  const [start, end] = map.length > 0 ? [map[0], map[map.length - 1] + 1] : rangeOf(word, from, from);
  return { text: word.text.slice(from, to), map, start, end };
}

/**
 * Diagnostics given in a word's own coordinates (as a parser of its text returns them, e.g.
 * parsePartition of lwkctl's quoted value) moved to where the characters stand in the text.
 */
export function placeIn(word: Word, d: Diagnostic): Diagnostic {
  return diagIn(d.message, word, d.start, d.end);
}

const UNSUPPORTED: Readonly<Record<string, string>> = {
  '|': "a pipe ('|') is not read here: separate commands with ';' or a new line",
  '>': "a redirection ('>') is not read here: give the command and its options only",
  '<': "a redirection ('<') is not read here: give the command and its options only",
  '&': "running in the background ('&') is not read here: separate commands with ';' or a new line",
  '(': "a subshell ('(') is not read here: give the commands one after the other",
  ')': "a subshell (')') is not read here: give the commands one after the other",
  '`': 'command substitution (`…`) is not read here: write the value itself',
  $: 'variables and substitutions ($…) are not expanded here: write the value itself',
};

/** Splits `text` into commands of words. Problems (an unclosed quote, a pipe, …) go to `errors`. */
export function splitCommands(text: string, errors: Diagnostic[]): Command[] {
  const commands: Command[] = [];
  let words: Word[] = [];
  let chars: string[] = [];
  let map: number[] = [];
  let wordStart = -1;
  let commandStart = -1;
  const n = text.length;

  const endWord = (end: number): void => {
    if (wordStart < 0) return;
    words.push({ text: chars.join(''), map, start: wordStart, end });
    chars = [];
    map = [];
    wordStart = -1;
  };
  const endCommand = (): void => {
    if (words.length > 0) commands.push({ words, start: commandStart, end: words[words.length - 1].end });
    words = [];
    commandStart = -1;
  };
  const begin = (i: number): void => {
    if (wordStart < 0) wordStart = i;
    if (commandStart < 0) commandStart = i;
  };
  const push = (c: string, at: number): void => {
    chars.push(c);
    map.push(at);
  };

  let i = 0;
  while (i < n) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord(i);
      i++;
    } else if (c === '\n' || c === ';') {
      endWord(i);
      endCommand();
      i++;
    } else if (c === '&' && text[i + 1] === '&') {
      endWord(i);
      endCommand();
      i += 2;
    } else if (c === '#' && wordStart < 0) {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '\\') {
      if (text[i + 1] === '\n') {
        i += 2; // a line continuation
        continue;
      }
      begin(i);
      if (i + 1 < n) push(text[i + 1], i + 1);
      i += 2;
    } else if (c === "'") {
      begin(i);
      const close = text.indexOf("'", i + 1);
      if (close < 0) {
        errors.push(diag("this ' quote is never closed: add the closing '", i, n));
        for (let k = i + 1; k < n; k++) push(text[k], k);
        i = n;
      } else {
        for (let k = i + 1; k < close; k++) push(text[k], k);
        i = close + 1;
      }
    } else if (c === '"') {
      begin(i);
      let k = i + 1;
      for (; k < n && text[k] !== '"'; k++) {
        if (text[k] === '\\' && k + 1 < n && '"\\$`'.includes(text[k + 1])) {
          push(text[k + 1], k + 1);
          k++;
        } else if (text[k] === '$' || text[k] === '`') {
          errors.push(diag(UNSUPPORTED[text[k]], k, k + 1));
          push(text[k], k);
        } else push(text[k], k);
      }
      if (k >= n) errors.push(diag('this " quote is never closed: add the closing "', i, n));
      i = k + 1;
    } else if (Object.hasOwn(UNSUPPORTED, c)) {
      begin(i);
      errors.push(diag(UNSUPPORTED[c], i, i + 1));
      push(c, i);
      i++;
    } else {
      begin(i);
      push(c, i);
      i++;
    }
  }
  endWord(n);
  endCommand();
  return commands;
}

/** Shell quoting for printing: bare when safe, else in single quotes. */
export function quote(word: string): string {
  if (word.length > 0 && /^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, "'\\''")}'`;
}
