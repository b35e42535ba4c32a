/**
 * `--set key=value` and `--vary key=v1,v2,...`: dotted config paths (linux.hz,
 * workload.syscallsPerIteration) turned into the nested override object that the config checker
 * (applyOverrides) takes. Values are JSON when they parse as JSON (numbers, booleans), text
 * otherwise.
 */
import { UsageError } from '../io';

/** A nested override object: { linux: { hz: 250 } }. */
export type Settings = { [key: string]: unknown };

export interface Assignment {
  /** Dotted path, e.g. "linux.hz". */
  readonly key: string;
  readonly value: unknown;
}

export interface Sweep {
  readonly key: string;
  readonly values: readonly unknown[];
}

const KEY = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;
/** Chosen by their own flags, so never through --set or --vary. */
const RESERVED: Readonly<Record<string, string>> = { preset: '--presets', seed: '--seed' };

/** "250" -> 250, "true" -> true, "spin" -> "spin". */
export function parseSettingValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function splitAssignment(flag: string, text: string, example: string): { key: string; rhs: string } {
  const eq = text.indexOf('=');
  if (eq < 0) throw new UsageError(`--${flag} "${text}": expected key=value, e.g. --${flag} ${example}`);
  const key = text.slice(0, eq).trim();
  const rhs = text.slice(eq + 1);
  if (!KEY.test(key)) throw new UsageError(`--${flag} "${text}": "${key}" is not a dotted setting name such as linux.hz`);
  if (RESERVED[key.split('.')[0]]) throw new UsageError(`--${flag} "${text}": choose ${key.split('.')[0]} with ${RESERVED[key.split('.')[0]]}`);
  if (rhs.trim() === '') throw new UsageError(`--${flag} "${text}": no value after "="`);
  return { key, rhs };
}

export function parseSet(text: string): Assignment {
  const { key, rhs } = splitAssignment('set', text, 'linux.hz=250');
  return { key, value: parseSettingValue(rhs) };
}

export function parseVary(text: string): Sweep {
  const { key, rhs } = splitAssignment('vary', text, 'linux.hz=100,250,1000');
  const parts = rhs.split(',').map((p) => p.trim());
  if (parts.some((p) => p === '')) throw new UsageError(`--vary "${text}": an empty value in the list`);
  const values = parts.map(parseSettingValue);
  const seen = new Set<string>();
  for (const v of values) {
    const k = JSON.stringify(v);
    if (seen.has(k)) throw new UsageError(`--vary "${text}": ${k} is listed twice`);
    seen.add(k);
  }
  return { key, values };
}

/** Nests assignments into one override object; a key given twice, or both as a value and as a section, is an error. */
export function nestSettings(assignments: readonly Assignment[]): Settings {
  const out: Settings = {};
  const given = new Set<string>();
  for (const { key, value } of assignments) {
    const path = key.split('.');
    for (let i = 1; i <= path.length; i++) {
      const prefix = path.slice(0, i).join('.');
      if (given.has(prefix)) throw new UsageError(`${key} is set twice${prefix === key ? '' : ` (also as ${prefix})`}`);
    }
    for (const other of given) if (other.startsWith(key + '.')) throw new UsageError(`${key} is set twice (also as ${other})`);
    given.add(key);
    let node = out;
    for (const part of path.slice(0, -1)) {
      if (!(part in node)) node[part] = {};
      node = node[part] as Settings;
    }
    node[path[path.length - 1]] = value;
  }
  return out;
}

/** "linux.hz=250" for headers and notes. */
export function showAssignment(a: Assignment): string {
  return `${a.key}=${typeof a.value === 'string' ? a.value : JSON.stringify(a.value)}`;
}
