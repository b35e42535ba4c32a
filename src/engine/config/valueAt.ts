/** The value at a dotted path of a configuration or of config-file input (own properties only), or undefined. */
export function valueAt(config: object, path: string): unknown {
  let v: unknown = config;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.hasOwn(v, part)) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}
