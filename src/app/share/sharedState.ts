/**
 * An exact, shareable state: preset, configuration edits, seed, command log (the injections),
 * simulated time and the open views (sharedViews.ts). Opening it recomputes the same run (the
 * engine is deterministic), so the receiver sees the same trace hash at that time.
 *
 * In a link it is the URL's fragment: `#mosx=` then the state's JSON in base64url (UTF-8). As a
 * file it is the same JSON (`.mosx.json`), for command logs too long for a link. Both are
 * untrusted: `parseSharedState` checks every key against one table and names each problem.
 */
import { PRESET_NAMES } from '../../engine/config/presets';
import { tooDeepAt } from '../../engine/config/jsonDepth';
import { parseCommandLog } from '../../engine/inject/catalog';
import type { LoggedCommand } from '../../engine/kernel/simulation';
import { resolveConfig, type ConfigEdits } from '../store';
import { MAX_SEEK_NS } from '../travel/parseTime';
import { parseSharedViews, type SharedViews } from './sharedViews';
import { LINK_PREFIX } from './linkPrefix';

export const STATE_FORMAT = 'mos-explorer-state';
/** Version 2 added the open views (compare, presenter, Timeline window, lesson, exercise); 1 is still read. */
export const STATE_VERSION = 2;
const READS_VERSIONS: readonly unknown[] = [1, 2];
export { LINK_PREFIX };
/** A longer fragment is refused before decoding (a file carries long logs). */
export const MAX_LINK_CHARS = 64_000;
/** A state file larger than this is refused before parsing. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
const MAX_DEPTH = 32;

export interface SharedState {
  readonly preset: string;
  readonly seed: number;
  readonly edits: ConfigEdits;
  readonly commands: readonly LoggedCommand[];
  /** Simulated ns to show. */
  readonly time: number;
  readonly views: SharedViews;
}

export type Parsed = { ok: true; state: SharedState } | { ok: false; errors: string[] };

const show = (v: unknown) => {
  const t = JSON.stringify(v) ?? String(v);
  return t.length > 40 ? `${t.slice(0, 37)}...` : t;
};

/** Every key of a state, with its check (an error text, or null). */
const KEYS: Readonly<Record<string, (v: unknown) => string | null>> = {
  format: (v) => (v === STATE_FORMAT ? null : `"format" must be "${STATE_FORMAT}", got ${show(v)}`),
  version: (v) => (READS_VERSIONS.includes(v) ? null : `"version" ${show(v)} is not one this page reads (${READS_VERSIONS.join(' or ')})`),
  preset: (v) => (typeof v === 'string' && PRESET_NAMES.includes(v) ? null : `"preset": unknown preset ${show(v)} (one of: ${PRESET_NAMES.join(', ')})`),
  seed: (v) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? null : `"seed" must be a whole number >= 0, got ${show(v)}`),
  edits: (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? null : `"edits" must be an object of configuration settings, got ${show(v)}`),
  commands: () => null, // checked by parseCommandLog
  time: (v) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= MAX_SEEK_NS ? null : `"time" must be a whole number of ns from 0 to a day, got ${show(v)}`),
  views: (v) => {
    const r = parseSharedViews(v);
    return r.ok ? null : r.error;
  },
};

/** Checks a parsed state value (from a link or a file); `where` names the source in messages. */
export function parseSharedState(value: unknown, where: string): Parsed {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, errors: [`${where}: expected a JSON object, got ${show(value)}`] };
  const o = value as Record<string, unknown>;
  const errors: string[] = [];
  for (const k of Object.keys(o)) if (!Object.hasOwn(KEYS, k)) errors.push(`${where}: unknown key "${k}" (its keys: ${Object.keys(KEYS).join(', ')})`);
  for (const [k, check] of Object.entries(KEYS)) {
    if (!Object.hasOwn(o, k)) {
      if (k === 'format' || k === 'version' || k === 'preset') errors.push(`${where}: "${k}" is missing`);
      continue;
    }
    const problem = check(o[k]);
    if (problem) errors.push(`${where}: ${problem}`);
  }
  if (errors.length > 0) return { ok: false, errors };
  const preset = o.preset as string;
  const edits = (o.edits ?? {}) as ConfigEdits;
  const resolved = resolveConfig(preset, edits);
  if (!resolved.ok) return { ok: false, errors: resolved.errors.map((e) => `${where}: edits: ${e}`) };
  const log = parseCommandLog(o.commands ?? [], `${where}: commands`);
  if (!log.ok) return { ok: false, errors: log.errors };
  const views = parseSharedViews(o.views ?? {});
  if (!views.ok) return { ok: false, errors: [`${where}: ${views.error}`] };
  return {
    ok: true,
    state: {
      preset, edits, seed: (o.seed as number | undefined) ?? 1, commands: log.commands, time: (o.time as number | undefined) ?? 0,
      views: views.views,
    },
  };
}

/** The state as JSON text (a file's content, or a link's before encoding). */
export function stateJson(state: SharedState): string {
  return JSON.stringify({ format: STATE_FORMAT, version: STATE_VERSION, preset: state.preset, seed: state.seed, edits: state.edits, commands: state.commands, time: state.time, views: state.views });
}

/** Parses JSON text of a state, refusing text nested too deep to walk safely. */
export function parseStateText(text: string, where: string): Parsed {
  const deep = tooDeepAt(text, MAX_DEPTH);
  if (deep >= 0) return { ok: false, errors: [`${where}: nested more than ${MAX_DEPTH} deep (at character ${deep})`] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`${where}: not JSON (${e instanceof Error ? e.message : String(e)})`] };
  }
  return parseSharedState(value, where);
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** The fragment of a link to `state` (to append to the page's address). */
export function stateFragment(state: SharedState): string {
  return LINK_PREFIX + toBase64Url(stateJson(state));
}

/** The keys other features keep in the fragment (lessons/controller.ts, exercises/exerciseLink.ts). */
const OTHER_LINK_KEYS: ReadonlySet<string> = new Set(['lesson', 'step', 'exercise', 'seed']);

function isOtherLink(hash: string): boolean {
  const keys = [...new URLSearchParams(hash.slice(1)).keys()];
  return keys.length > 0 && keys.every((k) => OTHER_LINK_KEYS.has(k));
}

/** Reads a page address's fragment: null when it carries no state (no fragment), else the state or what is wrong with it. */
export function parseFragment(hash: string): Parsed | null {
  if (hash === '' || hash === '#') return null;
  // A lesson's or an exercise's link (`#lesson=…&step=…`, `#exercise=…&seed=…`) is theirs, not a state.
  if (!hash.startsWith(LINK_PREFIX) && isOtherLink(hash)) return null;
  const where = 'the link';
  if (hash.length > MAX_LINK_CHARS) return { ok: false, errors: [`${where} is ${Math.round(hash.length / 1000)} kB, more than the ${MAX_LINK_CHARS / 1000} kB a link may carry: share the state as a .mosx.json file instead`] };
  if (!hash.startsWith(LINK_PREFIX)) return { ok: false, errors: [`${where}'s fragment "${show(hash.slice(0, 30)).slice(1, -1)}" is not a mos-explorer state (it starts with ${LINK_PREFIX})`] };
  const text = fromBase64Url(hash.slice(LINK_PREFIX.length));
  if (text === null) return { ok: false, errors: [`${where}'s state is not readable: after ${LINK_PREFIX} it must be base64url text (A-Z, a-z, 0-9, - and _) of UTF-8 JSON`] };
  return parseStateText(text, where);
}
