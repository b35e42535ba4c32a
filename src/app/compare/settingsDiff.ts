/**
 * The settings that differ between two sessions: the preset, then every configuration value
 * (as a config file would set it, by dotted path) whose value differs. Per-CPU arrays derived
 * from the topology and the partition are left out (the partition itself is listed). Pure.
 */
import type { NodeConfig } from '../../engine/config/nodeConfig';

export interface SettingDiff {
  readonly path: string;
  readonly left: string;
  readonly right: string;
}

export interface SessionSettings {
  readonly presetName: string;
  readonly config: NodeConfig;
}

/** Derived from topology, partition and system, or the preset's own name. */
const DERIVED: ReadonlySet<string> = new Set(['name', 'coreOf', 'numaOf', 'numaDistance', 'roles', 'syscallCpuOf', 'appCpus']);
const MAX_TEXT = 72;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function showValue(v: unknown): string {
  if (v === undefined) return '(not set)';
  if (typeof v === 'string') return v === '' ? '(none)' : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const text = JSON.stringify(v);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

function walk(a: unknown, b: unknown, path: string, out: SettingDiff[]): void {
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      if (path === '' && DERIVED.has(k)) continue;
      walk(a[k], b[k], path ? `${path}.${k}` : k, out);
    }
    return;
  }
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  out.push({ path, left: showValue(a), right: showValue(b) });
}

export function settingsDiff(left: SessionSettings, right: SessionSettings): SettingDiff[] {
  const out: SettingDiff[] = [];
  if (left.presetName !== right.presetName) out.push({ path: 'preset', left: left.presetName, right: right.presetName });
  walk(left.config, right.config, '', out);
  return out;
}
