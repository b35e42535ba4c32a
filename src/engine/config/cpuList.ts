/**
 * Linux cpulist syntax (`1-13,20,22-23`), as in the kernel's `cpulist_parse` and the
 * `%*pbl` format: comma-separated CPU numbers and inclusive ranges.
 */
import { diag, emptyAt, type Diagnostic } from './diagnostic';

/** One element of a list: CPUs lo..hi (inclusive) written at text[start, end). */
export interface CpuListItem {
  readonly lo: number;
  readonly hi: number;
  readonly start: number;
  readonly end: number;
}

export interface CpuListParse {
  readonly items: readonly CpuListItem[];
  readonly errors: readonly Diagnostic[];
}

const NUMBER = /^\d+$/;

/** Parse a non-negative decimal integer, or undefined (also for unsafe sizes). */
export function parseCount(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * Parse `text` (which sits at `offset` in the whole input, for diagnostics). Ranges are not
 * expanded here, so `0-999999999` costs nothing; the caller checks them against the topology.
 */
export function parseCpuList(text: string, offset: number): CpuListParse {
  const items: CpuListItem[] = [];
  const errors: Diagnostic[] = [];
  if (text.length === 0) {
    // Underline the separator just before the missing list.
    errors.push(diag('empty CPU list: expected CPU numbers or ranges such as 1-13,20', Math.max(0, offset - 1), offset));
    return { items, errors };
  }
  let pos = 0;
  for (const part of text.split(',')) {
    const start = offset + pos;
    const end = start + part.length;
    pos += part.length + 1;
    if (part.length === 0) {
      errors.push(emptyAt('empty element in CPU list (two commas in a row, or a comma at an end)', start, offset, offset + text.length));
      continue;
    }
    const dash = part.indexOf('-');
    const loText = dash < 0 ? part : part.slice(0, dash);
    const hiText = dash < 0 ? part : part.slice(dash + 1);
    const lo = parseCount(loText);
    const hi = parseCount(hiText);
    if (lo === undefined || hi === undefined) {
      errors.push(diag(`cannot read '${part}' as a CPU number or a range like 1-13`, start, end));
      continue;
    }
    if (hi < lo) {
      errors.push(diag(`range ${part} is backwards: write ${hi}-${lo}`, start, end));
      continue;
    }
    items.push({ lo, hi, start, end });
  }
  return { items, errors };
}

/** Compress CPU numbers into the canonical list: ascending, runs of two or more as ranges. */
export function formatCpuList(cpus: Iterable<number>): string {
  const sorted = [...new Set(cpus)].sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return parts.join(',');
}
