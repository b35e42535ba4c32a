/**
 * The Advanced costs section's fields, generated from the parameter spec table: every numeric
 * parameter not already in the panel's main fields, grouped by section, with the checker's
 * bounds. Drafts are the text typed in each field; edits carry only what differs from the preset.
 */
import type { NodeConfig } from '../../engine/config/nodeConfig';
import { PARAM_SPECS, valueAt } from '../../engine/config/paramSpecs';
import { numberProblem } from '../../engine/config/checkParam';
import { rangeText, type NumberRule } from '../../engine/config/paramRules';
import { unitText } from '../../engine/config/paramText';
import { groupTitle, paramLabel } from './paramLabels';

export interface AdvancedField {
  readonly path: string;
  readonly label: string;
  readonly unit: string;
  readonly rule: NumberRule;
}

export interface AdvancedGroup {
  readonly key: string;
  readonly title: string;
  readonly fields: readonly AdvancedField[];
}

/** Parameters the panel's main fields already show. */
const MAIN_FIELDS: ReadonlySet<string> = new Set(['linux.hz', 'syscalls.channelCapacity', 'syscalls.proxyThreads', 'lwk.rrQuantumNs', 'interference.perBusyCpu']);
/** Sections shown by subsection (syscalls: costs, aggregation). */
const SPLIT: ReadonlySet<string> = new Set(['syscalls']);
/** Groups shown first; any other section follows in the order of the spec table. */
const FIRST = ['syscalls.costs', 'memory', 'osnode', 'linux', 'lwk'];

const groupOf = (path: string): string => {
  const parts = path.split('.');
  return SPLIT.has(parts[0]) && parts.length > 2 ? parts.slice(0, 2).join('.') : parts[0];
};

function buildGroups(): AdvancedGroup[] {
  const byKey = new Map<string, AdvancedField[]>();
  for (const spec of PARAM_SPECS) {
    // Workload settings depend on the workload kind, chosen above; they stay in config files.
    if (!spec.number || MAIN_FIELDS.has(spec.path) || spec.path.startsWith('workload.')) continue;
    const key = groupOf(spec.path);
    const fields = byKey.get(key) ?? byKey.set(key, []).get(key)!;
    fields.push({ path: spec.path, label: paramLabel(spec.path, key), unit: unitText(spec), rule: spec.number });
  }
  const keys = [...FIRST.filter((k) => byKey.has(k)), ...[...byKey.keys()].filter((k) => !FIRST.includes(k))];
  return keys.map((key) => ({ key, title: groupTitle(key), fields: byKey.get(key)! }));
}

export const ADVANCED_GROUPS: readonly AdvancedGroup[] = buildGroups();
export const ADVANCED_FIELDS: readonly AdvancedField[] = ADVANCED_GROUPS.flatMap((g) => g.fields);

/** The text typed in each field, by path. */
export type AdvancedDraft = Readonly<Record<string, string>>;

/** The fields a configuration has (a design's own settings exist only under that design), as text. */
export function advancedDraftOf(config: NodeConfig): AdvancedDraft {
  return Object.fromEntries(
    ADVANCED_FIELDS.flatMap((f) => {
      const v = valueAt(config, f.path);
      return v === undefined ? [] : [[f.path, String(v)]];
    }),
  );
}

/** Whether the draft shows a field (its configuration has that setting). */
export const inDraft = (draft: AdvancedDraft, path: string): boolean => Object.hasOwn(draft, path);

const numberOf = (text: string): number => (text.trim() === '' ? NaN : Number(text));

/** What is wrong with a field's text, in the words of its label ("IPI latency (one way) must be 0 to … ns"), or null. */
export function advancedFieldError(field: AdvancedField, text: string): string | null {
  if (numberProblem(field.rule, numberOf(text)) === null) return null;
  return `${field.label} must be ${field.rule.kind === 'whole' ? 'a whole number from ' : ''}${rangeText(field.rule)}`;
}

/** The fields whose text is not a valid value, with their messages. */
export function advancedErrors(draft: AdvancedDraft): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of ADVANCED_FIELDS) {
    if (!inDraft(draft, f.path)) continue;
    const e = advancedFieldError(f, draft[f.path] ?? '');
    if (e) out.set(f.path, e);
  }
  return out;
}

function setIn(o: Record<string, unknown>, parts: readonly string[], value: unknown): void {
  const [head, ...rest] = parts;
  if (rest.length === 0) {
    o[head] = value;
    return;
  }
  const inner = o[head];
  const next: Record<string, unknown> = typeof inner === 'object' && inner !== null ? { ...(inner as Record<string, unknown>) } : {};
  o[head] = next;
  setIn(next, rest, value);
}

/** Adds to `edits` (nested as a config file) every valid field that differs from the preset. */
export function withAdvancedEdits(edits: Readonly<Record<string, unknown>>, draft: AdvancedDraft, preset: NodeConfig): Record<string, unknown> {
  const out: Record<string, unknown> = { ...edits };
  for (const f of ADVANCED_FIELDS) {
    if (!Object.hasOwn(draft, f.path)) continue;
    const text = draft[f.path] ?? '';
    if (!inDraft(draft, f.path) || advancedFieldError(f, text) !== null) continue;
    const n = numberOf(text);
    if (n !== valueAt(preset, f.path)) setIn(out, f.path.split('.'), n);
  }
  return out;
}
