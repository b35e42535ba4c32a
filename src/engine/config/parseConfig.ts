/**
 * Configuration files and stored settings are untrusted: this parses JSON text into a
 * NodeConfig, naming every problem by its path ("linux.hz: expected a number > 0, got -5").
 * Never throws.
 */
import type { NodeConfig, LinuxConfig, LwkConfig, FwqWorkload } from './nodeConfig';
import { PRESETS, PRESET_NAMES } from './presets';

export type ConfigResult = { ok: true; config: NodeConfig; seed: number | null } | { ok: false; errors: string[] };

/** What a user may set in a config file on top of a preset. */
export interface ConfigOverrides {
  readonly preset?: string;
  readonly seed?: number;
  readonly linux?: Partial<Omit<LinuxConfig, 'daemons'>>;
  readonly lwk?: Partial<LwkConfig>;
  readonly workload?: Partial<FwqWorkload>;
}

type Check = (value: unknown) => string | null;

const positive: Check = (v) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? null : `expected a number > 0, got ${show(v)}`);
const nonNegative: Check = (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? null : `expected a number >= 0, got ${show(v)}`);
const boolean: Check = (v) => (typeof v === 'boolean' ? null : `expected true or false, got ${show(v)}`);

const SECTIONS: Readonly<Record<string, Readonly<Record<string, Check>>>> = {
  linux: { hz: positive, tickNs: nonNegative, nohzFull: boolean, isolcpus: boolean, irqAffinity: boolean, thp: boolean, nicIrqPerSec: nonNegative, nicIrqNs: nonNegative },
  lwk: { rrQuantumNs: nonNegative, interference: nonNegative },
  workload: { kind: (v) => (v === 'fwq' ? null : `expected "fwq", got ${show(v)}`), quantumNs: positive },
};

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? s.slice(0, 37) + '...' : s;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function applyOverrides(input: unknown, source = 'config'): ConfigResult {
  const errors: string[] = [];
  if (!isObject(input)) return { ok: false, errors: [`${source}: expected a JSON object, got ${show(input)}`] };
  const presetName = input.preset ?? 'mos';
  if (typeof presetName !== 'string' || !PRESETS[presetName]) {
    return { ok: false, errors: [`${source}: preset: unknown preset ${show(presetName)} (one of: ${PRESET_NAMES.join(', ')})`] };
  }
  const base = PRESETS[presetName];
  let seed: number | null = null;
  if ('seed' in input) {
    if (typeof input.seed === 'number' && Number.isSafeInteger(input.seed) && input.seed >= 0) seed = input.seed;
    else errors.push(`${source}: seed: expected a whole number >= 0, got ${show(input.seed)}`);
  }
  const merged: Record<string, unknown> = { ...base };
  for (const key of Object.keys(input)) {
    if (key === 'preset' || key === 'seed') continue;
    const fields = SECTIONS[key];
    if (!fields) {
      errors.push(`${source}: unknown key "${key}" (known: preset, seed, ${Object.keys(SECTIONS).join(', ')})`);
      continue;
    }
    const section = input[key];
    if (!isObject(section)) {
      errors.push(`${source}: ${key}: expected an object, got ${show(section)}`);
      continue;
    }
    for (const [field, value] of Object.entries(section)) {
      const check = fields[field];
      if (!check) errors.push(`${source}: ${key}.${field}: unknown setting (known: ${Object.keys(fields).join(', ')})`);
      else {
        const problem = check(value);
        if (problem) errors.push(`${source}: ${key}.${field}: ${problem}`);
      }
    }
    merged[key] = { ...(base[key as keyof NodeConfig] as object), ...section };
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, config: merged as unknown as NodeConfig, seed };
}

export function parseConfigText(text: string, source = 'config'): ConfigResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`${source}: not valid JSON (${e instanceof Error ? e.message : String(e)})`] };
  }
  return applyOverrides(json, source);
}
