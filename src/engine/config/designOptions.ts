/**
 * The config key `options`: text in the chosen design's own syntax (src/engine/designs:
 * DesignSyntax), expanded into ordinary config overrides before the rest is read. Keys given
 * explicitly in the config win over what the options say.
 */
import { DESIGNS } from './kindDefaults';
import { PRESETS } from './presets';
import { topologyByName } from '../node/topologies';
import type { NodeConfig } from './nodeConfig';
import { designSyntax } from '../designs/registry';

type Obj = Readonly<Record<string, unknown>>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `over` beneath `top`: nested objects merge, `top` wins on every leaf. Both are parsed JSON. */
function mergeUnder(over: Obj, top: Obj): Obj {
  const out: Record<string, unknown> = { ...over };
  for (const key of Object.keys(top)) {
    const a = Object.hasOwn(over, key) ? over[key] : undefined;
    const b = top[key];
    out[key] = isObject(a) && isObject(b) ? mergeUnder(a, b) : b;
  }
  return out;
}

export type OptionsResult = { readonly ok: true; readonly input: Obj; readonly warnings: readonly string[] } | { readonly ok: false; readonly errors: readonly string[] };

/** The input with its `options` text expanded (the input unchanged when it has none). */
export function expandOptions(input: Obj): OptionsResult {
  if (!Object.hasOwn(input, 'options')) return { ok: true, input, warnings: [] };
  const text = input.options;
  const presetName = Object.hasOwn(input, 'preset') ? input.preset : 'mos';
  const preset: NodeConfig | undefined = typeof presetName === 'string' && Object.hasOwn(PRESETS, presetName) ? PRESETS[presetName] : undefined;
  if (!preset) return { ok: true, input, warnings: [] }; // the preset's own error is reported by the caller
  const syscalls = Object.hasOwn(input, 'syscalls') && isObject(input.syscalls) ? input.syscalls : {};
  const mechanism = Object.hasOwn(syscalls, 'mechanism') ? syscalls.mechanism : preset.syscalls.mechanism;
  const design = typeof mechanism === 'string' ? DESIGNS.get(mechanism) : undefined;
  if (typeof text !== 'string' || text.length > 4096) return { ok: false, errors: ['options: expected the design\'s option text (at most 4,096 characters)'] };
  if (!design) return { ok: true, input, warnings: [] };
  if (!design.ownOptions) return { ok: false, errors: [`options: the design "${design.title}" has no option syntax of its own`] };
  // Its parser is registered by designs/syntaxes.ts: loaded by the CLI, by the page on demand.
  const syntax = designSyntax(design.id);
  if (!syntax) return { ok: false, errors: [`options: the parser of ${design.title}'s options is not loaded yet`] };
  const topologyName = Object.hasOwn(input, 'topology') ? input.topology : preset.topology;
  const topology = typeof topologyName === 'string' ? topologyByName(topologyName) : undefined;
  if (!topology) return { ok: true, input, warnings: [] };
  const parsed = syntax.parse(text, topology);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => `options: ${e.message} (characters ${e.start + 1}-${e.end}: "${text.slice(e.start, e.end)}")`) };
  const rest: Record<string, unknown> = { ...input };
  delete rest.options;
  return { ok: true, input: mergeUnder(parsed.overrides, rest), warnings: parsed.warnings.map((w) => `options: ${w.message}`) };
}
