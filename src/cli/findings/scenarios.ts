/** What the findings run: the seed, the duration, and the configurations compared with their defaults. */
import { MS } from '../../engine/kernel/time';
import { PRESETS } from '../../engine/config/presets';
import type { Assignment } from '../compare/settings';

export const FINDINGS_SEED = 1;
export const FINDINGS_UNTIL_NS = 200 * MS;

/** One configuration: a preset and settings on top of it, under a label. */
export interface Scenario {
  readonly label: string;
  readonly preset: string;
  readonly sets: readonly Assignment[];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Settings of the configuration, not of the workload or the machine, that tell `linux-tuned` from `linux`. */
const MACHINE_KEYS = new Set(['name', 'workload', 'app']);

/**
 * How the `linux-tuned` preset differs from `linux`, as settings that can be put on top of
 * another preset (`assignments`), and the differences that cannot be written as one value
 * (`unexpressed`: lists and the like).
 */
export function tunedLinuxDifferences(): { assignments: Assignment[]; unexpressed: string[] } {
  const assignments: Assignment[] = [];
  const unexpressed: string[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (isPlainObject(a) && isPlainObject(b)) {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[k], b[k], path ? `${path}.${k}` : k);
      return;
    }
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    if (b === null || ['number', 'boolean', 'string'].includes(typeof b)) assignments.push({ key: path, value: b });
    else unexpressed.push(path);
  };
  const plain = PRESETS.linux as unknown as Record<string, unknown>;
  const tuned = PRESETS['linux-tuned'] as unknown as Record<string, unknown>;
  for (const k of Object.keys(tuned)) if (!MACHINE_KEYS.has(k)) walk(plain[k], tuned[k], k);
  return { assignments, unexpressed };
}

export const TUNED_BSP_LABEL = 'linux-bsp, tuned';

/** The BSP mini-app on every kernel: the paper's design, McKernel-style, mOS as built, Linux untuned and tuned. */
export function bspScenarios(): Scenario[] {
  return [
    { label: 'mos-bsp', preset: 'mos-bsp', sets: [] },
    { label: 'mckernel', preset: 'mckernel', sets: [] },
    { label: 'mos-as-built', preset: 'mos-as-built', sets: [] },
    { label: 'linux-bsp', preset: 'linux-bsp', sets: [] },
    { label: TUNED_BSP_LABEL, preset: 'linux-bsp', sets: tunedLinuxDifferences().assignments },
  ];
}

/** FWQ (fixed work quanta) on the application CPUs: the noise each kernel leaves. */
export const FWQ_SCENARIOS: readonly Scenario[] = [
  { label: 'mos', preset: 'mos', sets: [] },
  { label: 'linux', preset: 'linux', sets: [] },
  { label: 'linux-tuned', preset: 'linux-tuned', sets: [] },
];
