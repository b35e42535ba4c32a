/**
 * The arguments of an injection, described once (name, kind, bounds, default) and checked by
 * one schema-like validator: the engine before applying a command, the page before sending
 * one, links and command files before replaying them. Every problem names the field.
 */
import type { EngineCommand } from '../kernel/simulation';
import { formatDuration, S } from '../kernel/time';
import { isLiveSetting } from '../config/liveSettings';

/** 'setting': the path of a live setting (config/liveSettings.ts); 'number': any finite number (its bounds are the setting's). */
export type FieldKind = 'cpu' | 'pid' | 'channel' | 'count' | 'duration' | 'name' | 'choice' | 'setting' | 'number';

export interface FieldSpec {
  readonly name: string;
  readonly kind: FieldKind;
  /** What the field means, for messages and forms. */
  readonly label: string;
  /** Absent: the field is required. */
  readonly default?: number | string;
  readonly min?: number;
  readonly max?: number;
  /** A 'choice' field: its values. */
  readonly choices?: readonly string[];
}

/** Longest an injection may last or wait, and most it may repeat: beyond these it is not a poke but another workload. */
export const MAX_INJECTED_NS = 60 * S;
export const MAX_INJECTED_COUNT = 100_000;

export type Args = Readonly<Record<string, number | string>>;

/** Checks a command's fields against `fields`: unknown keys, missing ones, wrong types and bounds are named. */
export function checkFields(type: string, fields: readonly FieldSpec[], command: EngineCommand): { ok: true; args: Args } | { ok: false; error: string } {
  const known = new Set(['type', ...fields.map((f) => f.name)]);
  const unknown = Object.keys(command).filter((k) => !known.has(k));
  if (unknown.length > 0) return { ok: false, error: `${type}: unknown field "${unknown[0]}" (its fields: ${fields.map((f) => f.name).join(', ')})` };
  const args: Record<string, number | string> = {};
  for (const f of fields) {
    const raw = command[f.name] ?? f.default;
    if (raw === undefined || raw === null) return { ok: false, error: `${type}: ${f.name} (${f.label}) is missing` };
    if (f.kind === 'choice') {
      if (typeof raw !== 'string' || !f.choices?.includes(raw)) return { ok: false, error: `${type}: ${f.name} must be one of ${f.choices?.join(', ')}, got ${JSON.stringify(raw)}` };
      args[f.name] = raw;
      continue;
    }
    if (f.kind === 'name') {
      if (typeof raw !== 'string' || !/^[a-z_][a-z0-9_]{0,31}$/.test(raw)) return { ok: false, error: `${type}: ${f.name} must be a system call name such as getppid, got ${JSON.stringify(raw)}` };
      args[f.name] = raw;
      continue;
    }
    if (f.kind === 'setting') {
      if (typeof raw !== 'string' || !isLiveSetting(raw)) return { ok: false, error: `${type}: ${f.name} must name a setting that can change in a running node (a cost or duration such as syscalls.costs.ipiNs), got ${JSON.stringify(raw)}` };
      args[f.name] = raw;
      continue;
    }
    if (typeof raw !== 'number' || !Number.isFinite(raw)) return { ok: false, error: `${type}: ${f.name} (${f.label}) must be a number, got ${JSON.stringify(raw)}` };
    if (f.kind === 'number') {
      args[f.name] = raw;
      continue;
    }
    if (f.kind !== 'duration' && !Number.isInteger(raw)) return { ok: false, error: `${type}: ${f.name} (${f.label}) must be a whole number, got ${raw}` };
    const min = f.min ?? (f.kind === 'duration' || f.kind === 'count' ? 1 : 0);
    const max = f.max ?? (f.kind === 'duration' ? MAX_INJECTED_NS : f.kind === 'count' ? MAX_INJECTED_COUNT : Number.MAX_SAFE_INTEGER);
    if (raw < min || raw > max) {
      const show = (x: number) => (f.kind === 'duration' ? formatDuration(x) : String(x));
      return { ok: false, error: `${type}: ${f.name} (${f.label}) must be between ${show(min)} and ${show(max)}, got ${show(raw)}` };
    }
    args[f.name] = f.kind === 'duration' ? Math.round(raw) : raw;
  }
  return { ok: true, args };
}
