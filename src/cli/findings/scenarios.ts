/** What the findings run: the seed, the duration, and the configurations compared with their defaults. */
import { MS } from '../../engine/kernel/time';
import type { Assignment } from '../compare/settings';

export const FINDINGS_SEED = 1;
export const FINDINGS_UNTIL_NS = 200 * MS;

/** One configuration: a preset and settings on top of it, under a label. */
export interface Scenario {
  readonly label: string;
  readonly preset: string;
  readonly sets: readonly Assignment[];
}

export const TUNED_BSP_LABEL = 'linux-tuned-bsp';

/** The BSP mini-app on every kernel: the paper's design, McKernel-style, mOS as built, Linux untuned and tuned. */
export function bspScenarios(): Scenario[] {
  return [
    { label: 'mos-bsp', preset: 'mos-bsp', sets: [] },
    { label: 'mckernel', preset: 'mckernel', sets: [] },
    { label: 'mos-as-built', preset: 'mos-as-built', sets: [] },
    { label: 'linux-bsp', preset: 'linux-bsp', sets: [] },
    { label: TUNED_BSP_LABEL, preset: 'linux-tuned-bsp', sets: [] },
  ];
}

/** FWQ (fixed work quanta) on the application CPUs: the noise each kernel leaves. */
export const FWQ_SCENARIOS: readonly Scenario[] = [
  { label: 'mos', preset: 'mos', sets: [] },
  { label: 'linux', preset: 'linux', sets: [] },
  { label: 'linux-tuned', preset: 'linux-tuned', sets: [] },
];
