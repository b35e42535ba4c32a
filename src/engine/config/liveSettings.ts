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
 * presets and fails if one has no effect afterwards. Whether a path is live follows from its
 * number rule alone (paramRules.ts), so the simulation worker checks commands without the
 * parameter table; what differs between two configurations is in settingChanges.ts.
 */
import type { NodeConfig } from './nodeConfig';
import { numberRuleFor } from './paramRules';
import { numberProblem } from './checkParam';
import { loadProblems } from './loadChecks';
import { valueAt } from './valueAt';

/** Numeric costs read only once, when the node boots or the job launches: changing them later would change nothing. */
export const NOT_LIVE: ReadonlyMap<string, string> = new Map<string, string>([
  ...['receiveNs', 'reserveNs', 'loadNs', 'proxiesPerProcessNs', 'nicNs', 'startNs'].map((k): [string, string] => [`launch.${k}`, 'read once, when the job launches']),
  ['memory.initialFrag', "the Linux memory's fragmentation when the node boots"],
  ['lwk.rrQuantumNs', 'switching the round-robin quantum on or off schedules its timer at boot'],
]);

/** A dotted path of plain keys (no list items: a list's records are fixed at boot). */
const PATH = /^[A-Za-z]\w*(\.[A-Za-z]\w*)+$/;

/**
 * Whether `path` can change in a running node: a number that is not whole (a cost, a duration, a
 * share; not a count or a size), not a rate per second, not a list's field, not in NOT_LIVE.
 * A path that names no setting of the configuration is refused when applied (liveSettingProblem).
 */
export function isLiveSetting(path: string): boolean {
  if (!PATH.test(path) || NOT_LIVE.has(path)) return false;
  const rule = numberRuleFor(path);
  return !rule.unruled && rule.kind === 'number' && rule.unit !== '/s';
}

/** Why `path` cannot be set to `value` in a running node with `config`, or null. */
export function liveSettingProblem(config: NodeConfig, path: string, value: unknown): string | null {
  if (!isLiveSetting(path)) return `${path} is fixed when the node boots or the job launches (${NOT_LIVE.get(path) ?? 'not a cost or duration'}): changing it restarts the run`;
  if (typeof valueAt(config, path) !== 'number') return `${path} is not a setting of this configuration`;
  const problem = numberProblem(numberRuleFor(path), value);
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
