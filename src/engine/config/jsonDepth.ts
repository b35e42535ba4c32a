/**
 * Nesting depth of JSON text, found by a scan that does not recurse: JSON.parse accepts a
 * 200,000-deep array, but printing or walking it afterwards would overflow the stack.
 */

/** The character index where nesting first exceeds maxDepth, or -1 if it never does. */
export function tooDeepAt(text: string, maxDepth: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > maxDepth) return i;
    } else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return -1;
}
