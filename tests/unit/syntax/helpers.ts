/** Shared by the syntax tests: diagnostics as [message, underlined text] pairs. */
import { expect } from 'vitest';
import '../../../src/engine/designs';
import type { DesignSyntax } from '../../../src/engine/designs/registry';
import { topologyByName } from '../../../src/engine/node/topologies';

export const TWO_SOCKET = topologyByName('two-socket')!;
export const KNL = topologyByName('xeon-phi-7250-snc4-flat')!;

type Pair = [message: string, underlined: string];

/** The errors of a text that must fail, each with the text it underlines. */
export function errorsOf(syntax: DesignSyntax, text: string, topology = TWO_SOCKET): Pair[] {
  const r = syntax.parse(text, topology);
  if (r.ok) throw new Error(`expected errors for: ${text}`);
  for (const e of r.errors) {
    expect(e.start).toBeGreaterThanOrEqual(0);
    expect(e.end).toBeLessThanOrEqual(text.length);
    expect(e.end).toBeGreaterThan(e.start);
  }
  return r.errors.map((e) => [e.message, text.slice(e.start, e.end)]);
}

/** The overrides and warnings of a text that must parse. */
export function parsed(syntax: DesignSyntax, text: string, topology = TWO_SOCKET): { overrides: Record<string, unknown>; warnings: Pair[] } {
  const r = syntax.parse(text, topology);
  if (!r.ok) throw new Error(`unexpected errors for ${text}:\n${r.errors.map((e) => `${e.message} [${text.slice(e.start, e.end)}]`).join('\n')}`);
  return { overrides: r.overrides as Record<string, unknown>, warnings: r.warnings.map((w) => [w.message, text.slice(w.start, w.end)]) };
}
