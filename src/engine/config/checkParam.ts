/**
 * Checks one untrusted value against its parameter spec. Returns the value to use (a fresh copy:
 * only known fields of records are kept) or the problems, each with the path it concerns.
 * Never recurses into the value beyond what the spec describes, so deep input cannot overflow.
 */
import type { ParamSpec } from './paramSpecs';
import { formatNumber, rangeText, type NumberRule } from './paramRules';
import { closeMatch } from './closeMatch';

export interface Problem {
  readonly path: string;
  readonly message: string;
}

export type Checked = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problems: readonly Problem[] };

const TEXT_MAX = 200;
const NAME_RE = /^[A-Za-z0-9_][A-Za-z0-9_.:+ -]{0,63}$/;

/** A short description of any value, without walking into it. */
export function show(v: unknown): string {
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return v.length > 40 ? JSON.stringify(v.slice(0, 37)) + '…' : JSON.stringify(v);
  if (Array.isArray(v)) return `a list of ${formatNumber(v.length)} item${v.length === 1 ? '' : 's'}`;
  if (v === null) return 'null';
  if (typeof v === 'object') return 'an object';
  return String(v);
}

/** A key as it may be printed inside a path: plain if it is a plain name, quoted and cut otherwise. */
export function keyText(k: string): string {
  return /^[A-Za-z0-9_$-]{1,64}$/.test(k) ? k : JSON.stringify(k.length > 40 ? k.slice(0, 37) + '…' : k);
}

/** What a number must be, e.g. "1 to 10,000 Hz" or "a whole number from 1 to 4,096". */
export function requirement(rule: NumberRule): string {
  return rule.kind === 'whole' && rule.unit === '' ? `a whole number from ${rangeText(rule)}` : rangeText(rule);
}

/** The problem with a number, without its path (null when it is fine). */
export function numberProblem(rule: NumberRule, v: unknown): string | null {
  const must = `${rule.what} must be ${requirement(rule)}`;
  if (typeof v !== 'number') return `expected a number, got ${show(v)}: ${must}`;
  if (!Number.isFinite(v)) return `${show(v)} is not a finite number: ${must}`;
  if (rule.offZero && v === 0) return null;
  if (v < rule.min || v > rule.max) return `${show(v)} is out of range: ${must}`;
  if (rule.kind === 'whole' && !Number.isInteger(v)) return `${show(v)} is not a whole number: ${rule.what} must be a whole number from ${rangeText(rule)}`;
  return null;
}

function oneOf(spec: ParamSpec, v: unknown): string | null {
  const values = spec.values ?? [];
  if (typeof v === 'string' && values.includes(v)) return null;
  const hint = typeof v === 'string' ? closeMatch(v, values) : undefined;
  const expected = spec.valuesLabel ?? `one of ${values.join(', ')}`;
  return `expected ${expected}, got ${show(v)}${hint ? ` (did you mean ${hint}?)` : ''}`;
}

function textProblem(v: unknown): string | null {
  if (typeof v === 'string' && v.length <= TEXT_MAX && !/[\u0000-\u001f\u007f]/.test(v)) return null;
  return `expected a short text (at most ${TEXT_MAX} characters, no control characters), got ${show(v)}`;
}

const bad = (path: string, message: string): Checked => ({ ok: false, problems: [{ path, message }] });

function checkItems(spec: ParamSpec, v: unknown, noun: string): string | null {
  const { min, max } = spec.items ?? { min: 0, max: 0 };
  if (!Array.isArray(v)) return `expected a list of ${noun}, got ${show(v)}`;
  if (v.length < min || v.length > max) return `expected ${min === 0 ? 'at most' : `${min} to`} ${formatNumber(max)} ${noun}, got ${formatNumber(v.length)}`;
  return null;
}

function checkNames(spec: ParamSpec, v: unknown, path: string): Checked {
  const shape = checkItems(spec, v, 'names');
  if (shape) return bad(path, shape);
  const items = v as unknown[];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  items.forEach((x, i) => {
    const at = `${path}[${i}]`;
    if (spec.values) {
      const p = oneOf(spec, x);
      if (p) problems.push({ path: at, message: p });
    } else if (typeof x !== 'string' || !NAME_RE.test(x)) problems.push({ path: at, message: `expected a name (letters, digits, _ . : + - and spaces, at most 64), got ${show(x)}` });
    if (typeof x === 'string') {
      if (seen.has(x)) problems.push({ path: at, message: `${show(x)} is listed twice` });
      seen.add(x);
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: [...(items as string[])] };
}

function checkRecords(spec: ParamSpec, v: unknown, path: string): Checked {
  const fields = spec.fields ?? [];
  const names = fields.map((f) => f.path.slice(f.path.lastIndexOf('.') + 1));
  const shape = checkItems(spec, v, `objects with ${names.join(', ')}`);
  if (shape) return bad(path, shape);
  const problems: Problem[] = [];
  const out: Record<string, unknown>[] = [];
  const seenNames = new Set<string>();
  (v as unknown[]).forEach((item, i) => {
    const at = `${path}[${i}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push({ path: at, message: `expected an object with ${names.join(', ')}, got ${show(item)}` });
      return;
    }
    const o = item as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (!names.includes(k)) {
        const hint = closeMatch(k, names);
        problems.push({ path: `${at}.${keyText(k)}`, message: `unknown setting${hint ? ` (did you mean ${hint}?)` : ` (known: ${names.join(', ')})`}` });
      }
    }
    const copy: Record<string, unknown> = {};
    fields.forEach((f, j) => {
      const name = names[j];
      if (!Object.hasOwn(o, name)) {
        problems.push({ path: `${at}.${name}`, message: `missing (each item needs ${names.join(', ')})` });
        return;
      }
      const r = checkParam(f, o[name], `${at}.${name}`);
      if (r.ok) copy[name] = r.value;
      else problems.push(...r.problems);
    });
    if (typeof copy.name === 'string') {
      if (seenNames.has(copy.name)) problems.push({ path: `${at}.name`, message: `${show(copy.name)} is used twice: names must differ` });
      seenNames.add(copy.name);
    }
    out.push(copy);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: out };
}

/** Checks `v` against `spec`; `path` is where it was found (a record field's spec has a [] path). */
export function checkParam(spec: ParamSpec, v: unknown, path: string = spec.path): Checked {
  switch (spec.kind) {
    case 'number':
    case 'whole': {
      const p = numberProblem(spec.number!, v);
      return p ? bad(path, p) : { ok: true, value: v };
    }
    case 'boolean':
      return typeof v === 'boolean' ? { ok: true, value: v } : bad(path, `expected true or false, got ${show(v)}`);
    case 'enum': {
      const p = oneOf(spec, v);
      return p ? bad(path, p) : { ok: true, value: v };
    }
    case 'text': {
      const p = textProblem(v);
      return p ? bad(path, p) : { ok: true, value: v };
    }
    case 'names':
      return checkNames(spec, v, path);
    case 'records':
      return checkRecords(spec, v, path);
  }
}
