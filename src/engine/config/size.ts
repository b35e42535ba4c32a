/**
 * Memory sizes as the kernel's `memparse` reads them: a whole number with an optional K, M,
 * G or T suffix, binary (G = 2^30), case-insensitive. We also accept `GiB` and, with a
 * warning, `GB` (still binary, since that is what a boot line would mean).
 */
import { GiB, KiB, MiB } from '../node/hardware';

const TiB = 1024 * GiB;
const UNIT: Readonly<Record<string, number>> = { '': 1, k: KiB, m: MiB, g: GiB, t: TiB };

export type SizeParse =
  | { readonly ok: true; readonly bytes: number; readonly warning?: string }
  | { readonly ok: false; readonly message: string };

const SIZE = /^(\d+)(?:([kmgt])(ib|b)?|(b))?$/i;
const DECIMAL = /^\d*\.\d+([kmgt])?(i?b)?$/i;

export function parseSize(text: string): SizeParse {
  const m = SIZE.exec(text);
  if (m === null) {
    if (DECIMAL.test(text)) {
      return { ok: false, message: `size '${text}' is not a whole number: use a smaller unit (e.g. 1536M instead of 1.5G)` };
    }
    return { ok: false, message: `cannot read size '${text}': expected a whole number with an optional K, M, G or T suffix, e.g. 16G` };
  }
  const suffix = (m[2] ?? '').toLowerCase();
  const bytes = Number(m[1]) * UNIT[suffix];
  if (!Number.isSafeInteger(bytes)) return { ok: false, message: `size '${text}' is too large` };
  if (m[3] !== undefined && m[3].toLowerCase() === 'b') {
    const unit = suffix.toUpperCase();
    return { ok: true, bytes, warning: `'${text}' is read as ${m[1]} ${unit}iB (binary units, as the kernel reads ${m[1]}${unit})` };
  }
  return { ok: true, bytes };
}

/** Canonical boot-line spelling: the largest suffix that divides exactly (16G, 1536M, 4097). */
export function formatSize(bytes: number): string {
  for (const [suffix, unit] of [['T', TiB], ['G', GiB], ['M', MiB], ['K', KiB]] as const) {
    if (bytes >= unit && bytes % unit === 0) return `${bytes / unit}${suffix}`;
  }
  return `${bytes}`;
}

/** Human spelling for messages: "96 GiB", "1.5 GiB", "512 MiB". */
export function humanBytes(bytes: number): string {
  for (const [suffix, unit] of [['TiB', TiB], ['GiB', GiB], ['MiB', MiB], ['KiB', KiB]] as const) {
    if (bytes >= unit) {
      const v = bytes / unit;
      const text = Number.isInteger(v) ? `${v}` : v.toFixed(2).replace(/\.?0+$/, '');
      return `${text} ${suffix}`;
    }
  }
  return `${bytes} bytes`;
}
