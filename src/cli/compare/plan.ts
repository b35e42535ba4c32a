/**
 * The runs of a comparison: one per preset, or presets x values with a sweep. Each run's
 * overrides go through the config checker; its errors are returned prefixed with the flag that
 * caused them (and the presets they apply to, when not all).
 */
import { applyOverrides } from '../../engine/config/parseConfig';
import { PRESETS, PRESET_NAMES } from '../../engine/config/presets';
import type { NodeConfig } from '../../engine/config/nodeConfig';
import { nestSettings, showAssignment, type Assignment, type Settings, type Sweep } from './settings';

export interface RunSpec {
  readonly preset: string;
  /** The swept setting's value for this run, or null without a sweep. */
  readonly varied: Assignment | null;
  /** This run's overrides (--set and the swept value), nested. */
  readonly settings: Settings;
  readonly config: NodeConfig;
}

export type Plan = { ok: true; runs: RunSpec[]; warnings: string[] } | { ok: false; errors: string[] };

export interface PlanRequest {
  readonly presets: readonly string[];
  readonly sets: readonly Assignment[];
  readonly vary: Sweep | null;
}

export function planRuns({ presets, sets, vary }: PlanRequest): Plan {
  const errors: string[] = [];
  for (const p of presets) if (!PRESETS[p]) errors.push(`--presets: unknown preset "${p}" (one of: ${PRESET_NAMES.join(', ')})`);
  const twice = presets.filter((p, i) => presets.indexOf(p) !== i);
  if (twice.length > 0) errors.push(`--presets: "${twice[0]}" is listed twice`);
  if (vary && sets.some((s) => s.key === vary.key)) errors.push(`--vary ${vary.key} is also given with --set`);
  if (errors.length > 0) return { ok: false, errors };

  // Each flag alone against each preset, so an error names the flag that caused it.
  const single: { flag: string; settings: Settings }[] = [];
  try {
    for (const a of sets) single.push({ flag: `--set ${showAssignment(a)}`, settings: nestSettings([a]) });
    for (const value of vary?.values ?? []) {
      const a = { key: vary!.key, value };
      single.push({ flag: `--vary ${showAssignment(a)}`, settings: nestSettings([a]) });
    }
  } catch (e) {
    return { ok: false, errors: [e instanceof Error ? e.message : String(e)] };
  }
  for (const { flag, settings } of single) {
    const failing = new Map<string, string[]>();
    for (const preset of presets) {
      const r = applyOverrides({ preset, ...settings }, flag);
      if (!r.ok) for (const e of r.errors) failing.set(e, [...(failing.get(e) ?? []), preset]);
    }
    for (const [e, on] of failing) errors.push(on.length === presets.length ? e : `${e} (with preset ${on.join(', ')})`);
  }
  if (errors.length > 0) return { ok: false, errors };

  const runs: RunSpec[] = [];
  const warnings = new Set<string>();
  for (const preset of presets) {
    for (const varied of vary ? vary.values.map((value) => ({ key: vary.key, value })) : [null]) {
      let settings: Settings;
      try {
        settings = nestSettings(varied ? [...sets, varied] : sets);
      } catch (e) {
        return { ok: false, errors: [e instanceof Error ? e.message : String(e)] };
      }
      const source = `--set/--vary together (preset ${preset}${varied ? `, ${showAssignment(varied)}` : ''})`;
      const r = applyOverrides({ preset, ...settings }, source);
      if (!r.ok) errors.push(...r.errors);
      else {
        for (const w of r.warnings) warnings.add(w);
        runs.push({ preset, varied, settings, config: r.config });
      }
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, runs, warnings: [...warnings] };
}
