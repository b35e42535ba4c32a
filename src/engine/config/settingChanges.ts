/**
 * What differs between two configurations of the same node, parameter by parameter, split into
 * live settings (liveSettings.ts: they can change in the running node) and the rest (a restart).
 * Walks the parameter table, so the page and the CLI use it, not the simulation worker.
 */
import type { NodeConfig } from './nodeConfig';
import { SPEC_BY_PATH, STRUCTURAL_KEYS, valueAt } from './paramSpecs';
import { isLiveSetting, withSetting } from './liveSettings';

/** Every live setting's path, in the parameters' order. */
export function liveSettingPaths(): string[] {
  return [...SPEC_BY_PATH.keys()].filter(isLiveSetting);
}

export interface SettingChanges {
  /** Live settings whose value differs, with the new value. */
  readonly live: readonly { readonly path: string; readonly value: number }[];
  /** Other parameters that differ (any one makes the change a restart). */
  readonly boot: readonly string[];
}

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
