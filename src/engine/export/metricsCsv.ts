/**
 * The metrics table as CSV: the nested metrics object (`sim.snapshot().metrics`) flattened to
 * `metric,value` rows with dotted paths (array items by index), quoted per RFC 4180 (fields
 * with a comma, a quote or a line break are quoted, quotes doubled; lines end with CRLF).
 */

export type CsvValue = string | number | boolean | null;

/** Quotes one field if it needs it. */
export function csvField(v: CsvValue): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Flattens nested objects and arrays into [dotted path, leaf value] pairs, in key order. */
export function flattenMetrics(value: unknown, prefix = '', out: [string, CsvValue][] = []): [string, CsvValue][] {
  if (value === null || value === undefined) {
    if (prefix) out.push([prefix, null]);
  } else if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const items = Array.from(value as ArrayLike<unknown>);
    if (items.length === 0 && prefix) out.push([prefix, '']);
    items.forEach((v, i) => flattenMetrics(v, prefix ? `${prefix}.${i}` : String(i), out));
  } else if (typeof value === 'object') {
    const keys = Object.keys(value as object);
    if (keys.length === 0 && prefix) out.push([prefix, '']);
    for (const k of keys) flattenMetrics((value as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k, out);
  } else if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    out.push([prefix, value]);
  } else {
    out.push([prefix, String(value)]);
  }
  return out;
}

export function metricsToCsv(metrics: unknown): string {
  const rows = flattenMetrics(metrics).map(([k, v]) => `${csvField(k)},${csvField(v)}`);
  return ['metric,value', ...rows].join('\r\n') + '\r\n';
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF line ends) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
