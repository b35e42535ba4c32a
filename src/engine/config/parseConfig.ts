/**
 * Configuration files, stored settings and the app's configuration panel are untrusted: this
 * turns them into a NodeConfig, naming every problem by its path ("linux.hz: 1e308 is out of
 * range: a tick rate must be 1 to 10,000 Hz") and, for the partition text, by its place. Any
 * parameter of paramSpecs.ts may be set, nested as in the NodeConfig. Never throws.
 */
import type { NodeConfig } from './nodeConfig';
import { buildNodeConfig, PRESETS, PRESET_NAMES, withSystem } from './presets';
import { parsePartition } from './partition';
import { topologyByName, TOPOLOGY_NAMES } from '../node/topologies';
import { DESIGNS, WORKLOAD_DEFAULTS, workloadFields } from './kindDefaults';
import { isSection, PARAM_SPECS, SPEC_TREE, type ParamSpec, type SpecSection } from './paramSpecs';
import { checkParam, keyText, show } from './checkParam';
import { closeMatch } from './closeMatch';
import { FORBIDDEN_KEYS, INPUT_KEYS, MAX_DEPTH, MAX_LISTED_PROBLEMS, MOVED_KEYS, TOP_LEVEL_KEYS } from './configKeys';
import { tooDeepAt } from './jsonDepth';
import { loadProblems } from './loadChecks';
import { expandOptions } from './designOptions';

export type ConfigResult =
  | { ok: true; config: NodeConfig; seed: number | null; warnings: string[] }
  | { ok: false; errors: string[] };

type Obj = Readonly<Record<string, unknown>>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Obj, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

/** Problems, prefixed with their source; only the first MAX_LISTED_PROBLEMS are kept, the rest counted. */
class Problems {
  private readonly listed: string[] = [];
  private count = 0;
  constructor(private readonly source: string) {}
  add(path: string, message: string | (() => string)): void {
    if (this.count++ < MAX_LISTED_PROBLEMS) this.listed.push(`${this.source}: ${path}: ${typeof message === 'string' ? message : message()}`);
  }
  get size(): number {
    return this.count;
  }
  list(): string[] {
    const more = this.count - this.listed.length;
    return more > 0 ? [...this.listed, `${this.source}: … and ${more} more problem${more === 1 ? '' : 's'}`] : [...this.listed];
  }
}

/** Every section and leaf path, by its last name: finds a setting written in the wrong place. */
const ALL_PATHS: readonly string[] = (() => {
  const paths = new Set<string>();
  for (const s of PARAM_SPECS) {
    const parts = s.path.split('.');
    for (let i = 1; i <= parts.length; i++) paths.add(parts.slice(0, i).join('.'));
  }
  return [...paths];
})();
const lastName = (p: string): string => p.slice(p.lastIndexOf('.') + 1);

function unknownMessage(key: string, parent: string, siblings: readonly string[]): string {
  const near = closeMatch(key, siblings);
  if (near !== undefined) return `unknown setting (did you mean ${parent ? `${parent}.` : ''}${near}?)`;
  const elsewhere = ALL_PATHS.find((p) => lastName(p) === key) ?? ALL_PATHS.find((p) => closeMatch(key, [lastName(p)]) !== undefined);
  if (elsewhere !== undefined) return `unknown setting (did you mean ${elsewhere}?)`;
  const known = siblings.length > 12 ? [...siblings.slice(0, 12), '…'] : siblings;
  return `unknown setting (known${parent ? ` in ${parent}` : ''}: ${known.join(', ')})`;
}

const forbidden = (key: string): string => `${JSON.stringify(key)} is never a setting (nor are ${[...FORBIDDEN_KEYS].filter((k) => k !== key).join(', ')})`;

/**
 * Checks a (sub)section of the input against the spec tree and collects the good values by
 * their spec path. `shown` is the path as the user wrote it (a moved key keeps its old name).
 */
function readSection(node: SpecSection, given: unknown, shown: string, patch: Map<string, unknown>, problems: Problems): void {
  if (!isObject(given)) {
    problems.add(shown, `expected an object (with ${[...node.children.keys()].join(', ')}), got ${show(given)}`);
    return;
  }
  for (const key of Object.keys(given)) {
    const at = `${shown}.${keyText(key)}`;
    const child = FORBIDDEN_KEYS.has(key) ? undefined : node.children.get(key);
    if (FORBIDDEN_KEYS.has(key)) problems.add(at, forbidden(key));
    else if (child === undefined) problems.add(at, () => unknownMessage(key, shown, [...node.children.keys()]));
    else if (isSection(child)) readSection(child, given[key], at, patch, problems);
    else readLeaf(child, given[key], at, patch, problems);
  }
}

function readLeaf(spec: ParamSpec, value: unknown, shown: string, patch: Map<string, unknown>, problems: Problems): void {
  const r = checkParam(spec, value, shown);
  if (r.ok) patch.set(spec.path, r.value);
  else for (const p of r.problems) problems.add(p.path, p.message);
}

function sectionAt(path: string): SpecSection | ParamSpec | undefined {
  let node: SpecSection | ParamSpec | undefined = SPEC_TREE;
  for (const part of path.split('.')) node = node && isSection(node) ? node.children.get(part) : undefined;
  return node;
}

/** A copy of `obj` with the value at `parts` replaced (the path comes from the spec, never from input). */
function setIn(obj: Obj, parts: readonly string[], value: unknown): Obj {
  const [head, ...rest] = parts;
  const inner = own(obj, head);
  return { ...obj, [head]: rest.length === 0 ? value : setIn(isObject(inner) ? inner : {}, rest, value) };
}

function readSeed(input: Obj, problems: Problems): number | null {
  if (!Object.hasOwn(input, 'seed')) return null;
  const s = input.seed;
  if (typeof s === 'number' && Number.isSafeInteger(s) && s >= 0) return s;
  problems.add('seed', `expected a whole number >= 0, got ${show(s)}`);
  return null;
}

/** The machine and its partition: a preset rebuilt on another topology or partition. */
function repartition(input: Obj, config: NodeConfig, problems: Problems, warnings: string[]): NodeConfig {
  const topologyName = own(input, 'topology') ?? config.topology;
  const topology = typeof topologyName === 'string' ? topologyByName(topologyName) : undefined;
  if (!topology) {
    problems.add('topology', `unknown topology ${show(topologyName)} (one of: ${TOPOLOGY_NAMES.join(', ')})`);
    return config;
  }
  if (!Object.hasOwn(input, 'partition') && !Object.hasOwn(input, 'topology')) return config;
  const partitionText = own(input, 'partition') ?? (topologyName === config.topology ? config.partitionText : undefined);
  if (typeof partitionText !== 'string' || partitionText.trim() === '') {
    problems.add('partition', 'expected a partition such as "lwkcpus=0.1-13:14.15-27 lwkmem=0:16G,1:16G"');
    return config;
  }
  const p = parsePartition(partitionText, topology);
  if (!p.ok) {
    for (const e of p.errors) problems.add('partition', `${e.message} (characters ${e.start + 1}-${e.end})`);
    return config;
  }
  for (const w of p.warnings) warnings.push(`partition: ${w.message}`);
  return buildNodeConfig({ name: config.name, system: config.system, topology, partition: p.partition, linux: config.linux, syscalls: config.syscalls, workload: config.workload });
}

/** Workload settings must belong to the workload kind that will run. */
function checkWorkloadFields(patch: ReadonlyMap<string, unknown>, current: string, problems: Problems): void {
  const given = patch.get('workload.kind');
  const kind = typeof given === 'string' ? given : current;
  const fields = workloadFields(kind);
  for (const path of patch.keys()) {
    if (!path.startsWith('workload.')) continue;
    const field = path.slice('workload.'.length);
    if (fields === undefined) problems.add(path, `the ${kind} workload has no settings here (set workload.kind to one of ${[...WORKLOAD_DEFAULTS.keys()].join(', ')})`);
    else if (!fields.includes(field)) problems.add(path, `does not apply to the ${kind} workload (its settings: ${fields.join(', ')})`);
  }
}

/** The preset with the patch applied; a new mechanism or workload kind brings its own defaults first. */
function merge(config: NodeConfig, patch: ReadonlyMap<string, unknown>): NodeConfig {
  let base: NodeConfig = config;
  const mechanism = patch.get('syscalls.mechanism');
  const design = typeof mechanism === 'string' && mechanism !== config.syscalls.mechanism ? DESIGNS.get(mechanism) : undefined;
  // A design brings its syscall defaults and puts the application on its kernel.
  if (design) base = withSystem({ ...base, syscalls: design.syscalls }, design.appKernel === 'lwk' ? 'mos' : 'linux');
  const kind = patch.get('workload.kind');
  const workload = typeof kind === 'string' && kind !== config.workload.kind ? WORKLOAD_DEFAULTS.get(kind) : undefined;
  if (workload) base = { ...base, workload };
  let out: Obj = base as unknown as Obj;
  for (const [path, value] of patch) out = setIn(out, path.split('.'), value);
  const result = out as unknown as NodeConfig;
  // Who ships PFS I/O decides whether OS nodes serve it (as the presets do), unless set explicitly.
  if (!patch.has('osnode.mode') && result.syscalls.osNodeShipper !== config.syscalls.osNodeShipper) {
    return { ...result, osnode: { ...result.osnode, mode: result.system === 'mos' && result.syscalls.osNodeShipper !== 'none' ? 'osnode' : 'direct' } };
  }
  return result;
}

/** Builds a configuration from a preset and a user's overrides (a parsed JSON object). */
export function applyOverrides(given: unknown, source = 'config'): ConfigResult {
  if (!isObject(given)) return { ok: false, errors: [`${source}: expected a JSON object, got ${show(given)}`] };
  // The design's own option text (config key `options`) becomes ordinary overrides first.
  const expanded = expandOptions(given);
  if (!expanded.ok) return { ok: false, errors: expanded.errors.map((e) => `${source}: ${e}`) };
  const input = expanded.input;
  const problems = new Problems(source);
  const warnings: string[] = [...expanded.warnings];
  const presetName = own(input, 'preset') ?? 'mos';
  if (typeof presetName !== 'string' || !Object.hasOwn(PRESETS, presetName)) return { ok: false, errors: [`${source}: preset: unknown preset ${show(presetName)} (one of: ${PRESET_NAMES.join(', ')})`] };
  const seed = readSeed(input, problems);
  const preset = repartition(input, PRESETS[presetName], problems, warnings);

  const patch = new Map<string, unknown>();
  const moved = new Map<string, unknown>();
  for (const key of Object.keys(input)) {
    const node = SPEC_TREE.children.get(key);
    const newPath = MOVED_KEYS.get(key);
    if (FORBIDDEN_KEYS.has(key)) problems.add(keyText(key), forbidden(key));
    else if (INPUT_KEYS.includes(key)) continue;
    else if (node !== undefined) {
      if (isSection(node)) readSection(node, input[key], key, patch, problems);
      else readLeaf(node, input[key], key, patch, problems);
    } else if (newPath !== undefined) {
      warnings.push(`${key}: moved to ${newPath}; read from there (save the settings again to store them in the new place)`);
      const target = sectionAt(newPath);
      if (target && isSection(target)) readSection(target, input[key], key, moved, problems);
    } else problems.add(keyText(key), () => unknownMessage(key, '', TOP_LEVEL_KEYS).replace('unknown setting', 'unknown key'));
  }
  // The new place wins over the old one.
  for (const [path, value] of moved) if (!patch.has(path)) patch.set(path, value);
  checkWorkloadFields(patch, preset.workload.kind, problems);
  if (problems.size > 0) return { ok: false, errors: problems.list() };

  const config = merge(preset, patch);
  for (const p of loadProblems(config)) problems.add(p.path, p.message);
  if (problems.size > 0) return { ok: false, errors: problems.list() };
  return { ok: true, config, seed, warnings };
}

export function parseConfigText(text: string, source = 'config'): ConfigResult {
  const deep = tooDeepAt(text, MAX_DEPTH);
  if (deep >= 0) return { ok: false, errors: [`${source}: nested more than ${MAX_DEPTH} levels deep (at character ${deep + 1}); a configuration nests at most a few levels`] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`${source}: not valid JSON (${e instanceof Error ? e.message : String(e)})`] };
  }
  return applyOverrides(json, source);
}
