/**
 * The designs' option parsers (engine/designs/syntaxes.ts) are not in the page's first script:
 * the Configuration panel loads them with itself, and a configuration that carries `options`
 * (stored settings, a link, a state file, a lesson step) waits for them before it is resolved.
 */

/** Whether any of these edits (nested objects of a configuration) has design options. */
export function hasOptions(...edits: readonly (Readonly<Record<string, unknown>> | null | undefined)[]): boolean {
  return edits.some((e) => e !== null && e !== undefined && typeof e === 'object' && Object.hasOwn(e, 'options'));
}

/** Loads the parsers (once; later calls resolve at once). */
export function loadOptionSyntaxes(): Promise<unknown> {
  return import('../engine/designs/syntaxes');
}
