/**
 * A problem found in user text, with the character range [start, end) it concerns so that an
 * editor can underline it. Messages name the problem and what would be valid.
 */
export interface Diagnostic {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

export function diag(message: string, start: number, end: number): Diagnostic {
  return { message, start, end };
}

/**
 * A range to underline for something missing at `pos` inside a value ending at `limit`: the
 * separator after it, or, at the very end, the one before it (so the range stays in the text).
 */
export function emptyAt(message: string, pos: number, valueStart: number, limit: number): Diagnostic {
  if (pos < limit) return diag(message, pos, pos + 1);
  return pos > valueStart ? diag(message, pos - 1, pos) : diag(message, pos, pos);
}
