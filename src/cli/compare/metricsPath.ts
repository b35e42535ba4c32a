/**
 * Reading run metrics (the JSON of `run --json`) by dotted path, tolerating missing keys: the
 * engine's metrics gain and move fields, and a table or a finding must say "not measured"
 * rather than fail.
 */
export type Metrics = Readonly<Record<string, unknown>>;

/** The value at a path of keys, or undefined when any step is missing. */
export function at(metrics: unknown, path: readonly string[]): unknown {
  let v: unknown = metrics;
  for (const key of path) {
    if (typeof v !== 'object' || v === null || !(key in v)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** A finite number at a dotted path ("progress.iterations"), or undefined. */
export function num(metrics: unknown, path: string | readonly string[]): number | undefined {
  const v = at(metrics, typeof path === 'string' ? path.split('.') : path);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** The first of several paths that holds a number (for keys that are being renamed). */
export function firstNum(metrics: unknown, paths: readonly (readonly string[])[]): number | undefined {
  for (const p of paths) {
    const v = num(metrics, p);
    if (v !== undefined) return v;
  }
  return undefined;
}
