/**
 * Every user-settable parameter of a NodeConfig, found by walking the presets (and the defaults a
 * mechanism or workload change brings), so a parameter added to NodeConfig is picked up without
 * editing a list. Each leaf gets a kind and physical bounds (paramRules.ts); the checker
 * (checkParam.ts), `mos-explorer params`, docs/parameters.md and the app's panel use this table.
 */
import { PRESETS } from './presets';
import { MECHANISM_DEFAULTS, WORKLOAD_DEFAULTS } from './kindDefaults';
import { numberRuleFor, type NumberRule } from './paramRules';
import { allSyscalls } from '../syscalls/table';

export type ParamKind = 'number' | 'whole' | 'boolean' | 'enum' | 'text' | 'names' | 'records';

export interface ParamSpec {
  /** Dotted path, e.g. "syscalls.costs.ipiNs"; a record's field is "linux.daemons[].medianNs". */
  readonly path: string;
  readonly kind: ParamKind;
  /** Numbers: their bounds and unit (for other kinds, an empty unit and the 0..0 range). */
  readonly number: NumberRule | null;
  /** Enums and name lists: the allowed values (null: any name). */
  readonly values: readonly string[] | null;
  /** How to call the values when there are too many to list ("an x86_64 syscall name"). */
  readonly valuesLabel: string | null;
  /** Name lists and records: how many items. */
  readonly items: { readonly min: number; readonly max: number } | null;
  /** Records: one spec per field. */
  readonly fields: readonly ParamSpec[] | null;
  /** workload.* only: the workload kinds that have this setting. */
  readonly workloadKinds: readonly string[] | null;
}

/** NodeConfig fields that come from the preset, the topology and the partition, not set one by one. */
export const STRUCTURAL_KEYS: ReadonlySet<string> = new Set([
  'name', 'system', 'topology', 'cpuCount', 'coreOf', 'numaOf', 'numaDistance', 'roles', 'syscallCpuOf', 'appCpus', 'partitionText', 'lwkMem',
]);

const SYSCALL_NAMES = allSyscalls().map((e) => e.name);
const SYSCALL_LABEL = 'an x86_64 syscall name';

/** Strings with a fixed set of values: the values seen in the presets plus these. */
const ENUMS: ReadonlyMap<string, { readonly extra: readonly string[]; readonly onlyExtra?: boolean }> = new Map([
  ['syscalls.mechanism', { extra: [...MECHANISM_DEFAULTS.keys()], onlyExtra: true }],
  ['syscalls.wait', { extra: ['block', 'spin'] }],
  ['syscalls.ipiPolicy', { extra: ['coalesce', 'every'] }],
  // The paper's offload lets glibc, the LWK or Linux ship PFS I/O to an OS node (docs/sources.md, The mOS design).
  ['syscalls.osNodeShipper', { extra: ['glibc', 'lwk', 'linux', 'none'] }],
  ['osnode.mode', { extra: ['osnode', 'direct'] }],
  ['workload.kind', { extra: [...WORKLOAD_DEFAULTS.keys()], onlyExtra: true }],
]);
/** Single names from a vocabulary too large to list. */
const VOCABULARIES: ReadonlyMap<string, { readonly values: readonly string[]; readonly label: string }> = new Map([
  ['workload.call', { values: SYSCALL_NAMES, label: SYSCALL_LABEL }],
]);
/** Lists of names: their vocabulary (null: the values seen in the presets) and length. */
const NAME_LISTS: ReadonlyMap<string, { readonly values: readonly string[] | null; readonly label: string | null; readonly min: number; readonly max: number }> = new Map([
  ['syscalls.localCalls', { values: SYSCALL_NAMES, label: SYSCALL_LABEL, min: 0, max: 512 }],
  ['syscalls.linuxCodeOnLwk', { values: SYSCALL_NAMES, label: SYSCALL_LABEL, min: 0, max: 512 }],
  ['memory.kindOrder', { values: null, label: null, min: 1, max: 8 }],
  ['syscalls.forwardedCalls', { values: SYSCALL_NAMES, label: SYSCALL_LABEL, min: 0, max: 512 }],
  ['syscalls.cake.calls', { values: SYSCALL_NAMES, label: SYSCALL_LABEL, min: 0, max: 512 }],
]);
const DEFAULT_ITEMS = { min: 0, max: 512 };
/** Records (lists of objects) such as linux.daemons: at most this many. */
const MAX_RECORDS = 64;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects every leaf's values, in first-seen order, across the given (path prefix, object) pairs. */
function collectLeaves(roots: readonly (readonly [string, unknown])[], skipStructural = true): Map<string, unknown[]> {
  const leaves = new Map<string, unknown[]>();
  const walk = (prefix: string, v: unknown): void => {
    if (isObject(v)) {
      for (const [k, x] of Object.entries(v)) if (prefix !== '' || !skipStructural || !STRUCTURAL_KEYS.has(k)) walk(prefix ? `${prefix}.${k}` : k, x);
      return;
    }
    const seen = leaves.get(prefix);
    if (seen) seen.push(v);
    else leaves.set(prefix, [v]);
  };
  for (const [prefix, v] of roots) walk(prefix, v);
  return leaves;
}

const blank = { number: null, values: null, valuesLabel: null, items: null, fields: null, workloadKinds: null } as const;

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

function specOf(path: string, samples: readonly unknown[]): ParamSpec {
  const first = samples[0];
  if (typeof first === 'number') {
    const number = numberRuleFor(path);
    return { ...blank, path, kind: number.kind, number };
  }
  if (typeof first === 'boolean') return { ...blank, path, kind: 'boolean' };
  if (typeof first === 'string') {
    const e = ENUMS.get(path);
    if (e) return { ...blank, path, kind: 'enum', values: unique(e.onlyExtra ? e.extra : [...e.extra, ...samples.filter((s): s is string => typeof s === 'string')]) };
    const vocab = VOCABULARIES.get(path);
    if (vocab) return { ...blank, path, kind: 'enum', values: vocab.values, valuesLabel: vocab.label };
    return { ...blank, path, kind: 'text' };
  }
  const items = samples.flatMap((s) => (Array.isArray(s) ? (s as unknown[]) : []));
  if (items.length > 0 && items.every(isObject)) {
    const fieldSamples = collectLeaves(items.map((o) => ['', o] as const), false);
    const fields = [...fieldSamples].map(([k, xs]) => specOf(`${path}[].${k}`, xs));
    return { ...blank, path, kind: 'records', items: { min: 0, max: MAX_RECORDS }, fields };
  }
  const list = NAME_LISTS.get(path);
  const seen = unique(items.filter((s): s is string => typeof s === 'string'));
  return {
    ...blank,
    path,
    kind: 'names',
    values: list ? (list.values ?? seen) : null,
    valuesLabel: list?.label ?? null,
    items: list ? { min: list.min, max: list.max } : DEFAULT_ITEMS,
  };
}

function buildSpecs(): ParamSpec[] {
  const roots: [string, unknown][] = [
    ...Object.values(PRESETS).map((c) => ['', c] as [string, unknown]),
    ...[...MECHANISM_DEFAULTS.values()].map((s) => ['syscalls', s] as [string, unknown]),
    ...[...WORKLOAD_DEFAULTS.values()].map((w) => ['workload', w] as [string, unknown]),
  ];
  const kindsOf = new Map<string, string[]>();
  for (const [kind, w] of WORKLOAD_DEFAULTS) for (const k of Object.keys(w)) kindsOf.set(`workload.${k}`, [...(kindsOf.get(`workload.${k}`) ?? []), kind]);
  return [...collectLeaves(roots)].map(([path, samples]) => {
    const spec = specOf(path, samples);
    return path.startsWith('workload.') ? { ...spec, workloadKinds: kindsOf.get(path) ?? [] } : spec;
  });
}

/** Every settable parameter, in the order of the presets' objects. */
export const PARAM_SPECS: readonly ParamSpec[] = buildSpecs();
export const SPEC_BY_PATH: ReadonlyMap<string, ParamSpec> = new Map(PARAM_SPECS.map((s) => [s.path, s]));

/** The parameter sections and subsections as a tree, for walking nested input. */
export interface SpecSection {
  readonly path: string;
  readonly children: ReadonlyMap<string, SpecSection | ParamSpec>;
}

export const isSection = (n: SpecSection | ParamSpec): n is SpecSection => 'children' in n;

function buildTree(specs: readonly ParamSpec[]): SpecSection {
  const root = { path: '', children: new Map<string, SpecSection | ParamSpec>() };
  for (const spec of specs) {
    const parts = spec.path.split('.');
    let node = root;
    parts.slice(0, -1).forEach((part, i) => {
      let next = node.children.get(part);
      if (!next) node.children.set(part, (next = { path: parts.slice(0, i + 1).join('.'), children: new Map() }));
      node = next as typeof root;
    });
    node.children.set(parts[parts.length - 1], spec);
  }
  return root;
}

export const SPEC_TREE: SpecSection = buildTree(PARAM_SPECS);
/** The top-level parameter sections of a config file: linux, lwk, syscalls, … */
export const SECTION_NAMES: readonly string[] = [...SPEC_TREE.children.keys()];

export { valueAt } from './valueAt';
