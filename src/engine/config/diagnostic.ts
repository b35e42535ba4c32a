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
