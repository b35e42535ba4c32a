/**
 * Settings that can change in a running node, from a given moment on: the costs and durations
 * that the rules read each time they use them (the next tick handler, call step, switch, fault
 * or compute segment sees the new value). Changing one at simulated time T forks the run there:
 * what happened before T stays as it was. Real kernels fix most of these at build or boot time;
 * here they are "what if" knobs, and docs/parameters.md says so (its "mid-run" column).
 *
 * Everything else is fixed when the node boots or the job launches — the partition, the design
 * and its mechanism, switches (nohz_full, THP), sizes and counts, the rates of noise sources
 * (each source's next arrival is drawn when the previous one happens) and the workload's shape
 * — and changing it restarts the run from time zero. So are the few durations used only at
 * launch (NOT_LIVE, each with why); a unit test changes every live setting mid-run in the
 * presets and fails if one has no effect afterwards.
 */
import type { NodeConfig } from './nodeConfig';
import { SPEC_BY_PATH, STRUCTURAL_KEYS, valueAt, type ParamSpec } from './paramSpecs';
import { numberProblem } from './checkParam';
import { loadProblems } from './loadChecks';

/** Numeric costs read only once, when the node boots or the job launches: changing them later would change nothing. */
export const NOT_LIVE: ReadonlyMap<string, string> = new Map<string, string>([
  ...['receiveNs', 'reserveNs', 'loadNs', 'proxiesPerProcessNs', 'nicNs', 'startNs'].map((k): [string, string] => [`launch.${k}`, 'read once, when the job launches']),
  ['memory.initialFrag', "the Linux memory's fragmentation when the node boots"],
  ['lwk.rrQuantumNs', 'switching the round-robin quantum on or off schedules its timer at boot'],
]);

/** Rates (per second) and unitless counts are not live: see the header. */
function liveByKind(spec: ParamSpec): boolean {
  return spec.kind === 'number' && spec.number !== null && spec.number.unit !== '/s' && !STRUCTURAL_KEYS.has(spec.path.split('.')[0]);
}

/** Whether `path` can change in a running node. */
export function isLiveSetting(path: string): boolean {
  const spec = SPEC_BY_PATH.get(path);
  return spec !== undefined && liveByKind(spec) && !NOT_LIVE.has(path);
}

/** Every live setting's path, in the parameters' order. */
export function liveSettingPaths(): string[] {
  return [...SPEC_BY_PATH.keys()].filter(isLiveSetting);
}

/** Why `path` cannot be set to `value` in a running node with `config`, or null. */
export function liveSettingProblem(config: NodeConfig, path: string, value: unknown): string | null {
  const spec = SPEC_BY_PATH.get(path);
  if (!spec) return `"${path}" is not a setting`;
  if (!isLiveSetting(path)) return `${path} is fixed when the node boots or the job launches (${NOT_LIVE.get(path) ?? 'not a cost or duration'}): changing it restarts the run`;
  if (valueAt(config, path) === undefined) return `${path} is not a setting of this configuration`;
  const problem = numberProblem(spec.number!, value);
  if (problem) return `${path}: ${problem}`;
  const load = loadProblems(withSetting(config, path, value as number));
  return load.length > 0 ? `${load[0].path}: ${load[0].message}` : null;
}

/** A copy of `config` with the number at `path` replaced (the objects on the way copied, the rest shared). */
export function withSetting(config: NodeConfig, path: string, value: number): NodeConfig {
  const set = (o: unknown, parts: readonly string[]): unknown => {
    const obj = o as Record<string, unknown>;
    const [head, ...rest] = parts;
    return { ...obj, [head]: rest.length === 0 ? value : set(obj[head], rest) };
  };
  return set(config, path.split('.')) as NodeConfig;
}

export interface SettingChanges {
  /** Live settings whose value differs, with the new value. */
  readonly live: readonly { readonly path: string; readonly value: number }[];
  /** Other parameters that differ (any one makes the change a restart). */
  readonly boot: readonly string[];
}

/** What differs between two configurations of the same node, parameter by parameter. */
export function settingChanges(from: NodeConfig, to: NodeConfig): SettingChanges {
  const live: { path: string; value: number }[] = [];
  const boot: string[] = [];
  for (const key of STRUCTURAL_KEYS) {
    if (JSON.stringify((from as unknown as Record<string, unknown>)[key]) !== JSON.stringify((to as unknown as Record<string, unknown>)[key])) boot.push(key);
  }
  for (const [path] of SPEC_BY_PATH) {
    const a = valueAt(from, path), b = valueAt(to, path);
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    if (isLiveSetting(path) && typeof b === 'number' && typeof a === 'number') live.push({ path, value: b });
    else boot.push(path);
  }
  // Anything the parameter table does not walk (should there be such a field) counts as a boot change.
  if (boot.length === 0 && JSON.stringify(live.reduce((c, x) => withSetting(c, x.path, x.value), from)) !== JSON.stringify(to)) boot.push('other settings');
  return { live, boot };
}
