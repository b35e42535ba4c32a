/** What the findings run: the seed, the duration, and the configurations compared with their defaults. */
import { MS } from '../../engine/kernel/time';
import type { Assignment } from '../compare/settings';
import { PRESETS, PRESET_NAMES } from '../../engine/config/presets';

export const FINDINGS_SEED = 1;
/** The seeds every BSP configuration also runs with, to tell a mechanism's effect from the random streams'. */
export const SPREAD_SEEDS: readonly number[] = [1, 2, 3, 4, 5];
export const FINDINGS_UNTIL_NS = 200 * MS;

/** One configuration: a preset and settings on top of it, under a label. */
export interface Scenario {
  readonly label: string;
  readonly preset: string;
  readonly sets: readonly Assignment[];
}

export const TUNED_BSP_LABEL = 'linux-tuned-bsp';

const CORE_BSP = ['mos-bsp', 'mckernel', 'mos-as-built', 'linux-bsp', TUNED_BSP_LABEL];

/**
 * The BSP mini-app on every kernel: the paper's design, McKernel-style, mOS as built, Linux
 * untuned and tuned, then every other design's preset that runs it (the design space grows by
 * registration: a new design's BSP preset gets its row without editing this list).
 */
export function bspScenarios(): Scenario[] {
  const others = PRESET_NAMES.filter((n) => !CORE_BSP.includes(n) && PRESETS[n].workload.kind === 'bsp');
  return [...CORE_BSP, ...others].map((name) => ({ label: name, preset: name, sets: [] }));
}

/** The configurations whose runs are compared with Linux in sentences (every BSP preset but Linux's). */
export function lwkBspLabels(): string[] {
  return bspScenarios().map((s) => s.label).filter((l) => l !== 'linux-bsp' && l !== TUNED_BSP_LABEL);
}

/** FWQ (fixed work quanta) on the application CPUs: the noise each kernel leaves. */
export const FWQ_SCENARIOS: readonly Scenario[] = [
  { label: 'mos', preset: 'mos', sets: [] },
  { label: 'linux', preset: 'linux', sets: [] },
  { label: 'linux-tuned', preset: 'linux-tuned', sets: [] },
];
