/**
 * The "views" part of a shared state: what is open and where, besides the run itself — the
 * inspected CPU and selected process, the Timeline's window (null: following the present),
 * compare mode (the other side's preset and settings, and the view both panes show),
 * presenter mode's view, the lesson and step being followed, the exercise panel's topic and
 * seed. Untrusted: every key has its check here, and each problem is named.
 */
import { PRESET_NAMES } from '../../engine/config/presets';
import { resolveConfig, type ConfigEdits } from '../store';
import { COMPARE_VIEW_IDS, isCompareView, type CompareViewId } from '../compare/viewIds';
import { MAX_SEEK_NS } from '../travel/parseTime';

export interface SharedViews {
  readonly inspectedCpu: number | null;
  readonly selectedPid: number | null;
  /** The Timeline's window in simulated ns, or null when it follows the present. */
  readonly timeline: { readonly from: number; readonly to: number } | null;
  /** Compare mode: the right-hand side's preset and edits (same seed), and the view both panes show. */
  readonly compare: { readonly preset: string; readonly edits: ConfigEdits; readonly view: CompareViewId } | null;
  /** Presenter mode's view (its index among the page's views), or null when off. */
  readonly presenter: { readonly view: number } | null;
  /** The lesson followed and its step (0-based), or null. Its setup is not run again: the state is the link's. */
  readonly lesson: { readonly id: string; readonly step: number } | null;
  /** The Exercises panel's topic and seed, or null when closed. */
  readonly exercise: { readonly topic: string; readonly seed: string } | null;
}

export const NO_VIEWS: SharedViews = { inspectedCpu: null, selectedPid: null, timeline: null, compare: null, presenter: null, lesson: null, exercise: null };

const show = (v: unknown) => {
  const t = JSON.stringify(v) ?? String(v);
  return t.length > 40 ? `${t.slice(0, 37)}...` : t;
};
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const whole = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= max;
/** Lesson ids and exercise topics are short names (the page says later whether it knows them). */
const NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

type Check<T> = (v: unknown, at: string) => { value: T } | { error: string };

/** An object with exactly `keys` (each optional), each checked. */
function record<T>(keys: Readonly<Record<string, (v: unknown) => string | null>>, build: (o: Record<string, unknown>) => T): Check<T | null> {
  return (v, at) => {
    if (v === null) return { value: null };
    if (!isObject(v)) return { error: `"${at}" must be an object or null, got ${show(v)}` };
    const extra = Object.keys(v).find((k) => !Object.hasOwn(keys, k));
    if (extra !== undefined) return { error: `"${at}": unknown key "${extra}" (its keys: ${Object.keys(keys).join(', ')})` };
    for (const [k, check] of Object.entries(keys)) {
      if (!Object.hasOwn(v, k)) return { error: `"${at}.${k}" is missing` };
      const problem = check(v[k]);
      if (problem) return { error: `"${at}.${k}" ${problem}, got ${show(v[k])}` };
    }
    return { value: build(v) };
  };
}

const CHECKS: { readonly [K in keyof SharedViews]: Check<SharedViews[K]> } = {
  inspectedCpu: (v, at) => (v === null || whole(v, 65_535) ? { value: v } : { error: `"${at}" must be a CPU number or null, got ${show(v)}` }),
  selectedPid: (v, at) => (v === null || whole(v, 1 << 30) ? { value: v } : { error: `"${at}" must be a pid or null, got ${show(v)}` }),
  timeline: (v, at) => {
    const r = record({
      from: (x) => (whole(x, MAX_SEEK_NS) ? null : 'must be a whole number of ns from 0 to a day'),
      to: (x) => (whole(x, MAX_SEEK_NS) ? null : 'must be a whole number of ns from 0 to a day'),
    }, (o) => ({ from: o.from as number, to: o.to as number }))(v, at);
    if ('value' in r && r.value && r.value.to <= r.value.from) return { error: `"${at}" must end after it starts, got ${show(v)}` };
    return r;
  },
  compare: (v, at) => {
    const r = record({
      preset: (x) => (typeof x === 'string' && PRESET_NAMES.includes(x) ? null : `must be a preset (one of: ${PRESET_NAMES.join(', ')})`),
      edits: (x) => (isObject(x) ? null : 'must be an object of configuration settings'),
      view: (x) => (typeof x === 'string' && isCompareView(x) ? null : `must be a view compare mode shows (${COMPARE_VIEW_IDS.join(', ')})`),
    }, (o) => ({ preset: o.preset as string, edits: o.edits as ConfigEdits, view: o.view as CompareViewId }))(v, at);
    if ('value' in r && r.value) {
      const resolved = resolveConfig(r.value.preset, r.value.edits);
      if (!resolved.ok) return { error: `"${at}.edits": ${resolved.errors.join('; ')}` };
    }
    return r;
  },
  presenter: record({ view: (x) => (whole(x, 1_000) ? null : 'must be a view number from 0') }, (o) => ({ view: o.view as number })),
  lesson: record({
    id: (x) => (typeof x === 'string' && NAME.test(x) ? null : 'must be a lesson name (a-z, 0-9 and -)'),
    step: (x) => (whole(x, 1_000) ? null : 'must be a step number from 0'),
  }, (o) => ({ id: o.id as string, step: o.step as number })),
  exercise: record({
    topic: (x) => (typeof x === 'string' && NAME.test(x) ? null : 'must be a topic name (a-z, 0-9 and -)'),
    seed: (x) => (typeof x === 'string' && /^\d{1,12}$/.test(x) ? null : 'must be a seed (up to 12 digits, as text)'),
  }, (o) => ({ topic: o.topic as string, seed: o.seed as string })),
};

/** Checks the "views" of a state; a key left out means closed (or none). */
export function parseSharedViews(value: unknown): { ok: true; views: SharedViews } | { ok: false; error: string } {
  if (!isObject(value)) return { ok: false, error: `"views" must be an object, got ${show(value)}` };
  const extra = Object.keys(value).find((k) => !Object.hasOwn(CHECKS, k));
  if (extra !== undefined) return { ok: false, error: `"views": unknown key "${extra}" (its keys: ${Object.keys(CHECKS).join(', ')})` };
  const out: Record<string, unknown> = { ...NO_VIEWS };
  for (const [k, check] of Object.entries(CHECKS) as [keyof SharedViews, Check<unknown>][]) {
    if (!Object.hasOwn(value, k)) continue;
    const r = check(value[k], `views.${k}`);
    if ('error' in r) return { ok: false, error: r.error };
    out[k] = r.value;
  }
  const views = out as unknown as SharedViews;
  // Presenter mode shows one session; compare mode two side by side: the page never has both.
  if (views.compare && views.presenter) return { ok: false, error: '"views": compare mode and presenter mode cannot both be open (presenter mode shows one run)' };
  return { ok: true, views };
}
