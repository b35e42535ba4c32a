/**
 * A lesson is one data file (src/app/lessons/data/NAME.json): a short sequence of steps, each of
 * which sets the simulation up (preset, settings, seed, time, views, highlights), says what to
 * watch, and offers a "Try this". Files are read as untrusted data and checked here, so a
 * mistake in one names the file, the step and the field instead of breaking the page.
 */
import { parseDuration } from '../../engine/kernel/time';

/** Where the lesson's step leaves the simulation. */
export interface StepSetup {
  readonly preset: string;
  /** Config overrides on top of the preset (a config file's keys). */
  readonly edits: Readonly<Record<string, unknown>>;
  readonly seed: number;
  /** Simulated time to run to, paused there (ns). */
  readonly timeNs: number;
  /** Simulated ns per wall second after the step is set up, or null to keep the user's. */
  readonly speed: number | null;
  /** Views to draw attention to (VIEWS ids); the first is scrolled into sight. */
  readonly highlight: readonly string[];
  /** The process selected in every view, or null. */
  readonly pid: number | null;
  /** Compare mode: the right session's preset and the view both sides show; null = single page. */
  readonly compare: { readonly right: string; readonly view: string } | null;
  /** An strace log to import and replay (a file of src/app/lessons/straces, loaded when the step runs), or null. */
  readonly strace: { readonly name: string; readonly file: string } | null;
}

export interface LessonStep {
  readonly title: string;
  /** Two or three sentences: what to watch. */
  readonly text: string;
  readonly setup: StepSetup;
  /** The change to make and the question it answers. */
  readonly tryThis: { readonly change: string; readonly question: string } | null;
}

export interface Lesson {
  /** Its name in links (#lesson=NAME). */
  readonly id: string;
  /** Place in the Lessons menu. */
  readonly order: number;
  readonly title: string;
  readonly summary: string;
  readonly steps: readonly LessonStep[];
}

/** What a step may name, checked against the app's registries by the caller. */
export interface LessonRefs {
  readonly presets: ReadonlySet<string>;
  readonly views: ReadonlySet<string>;
  readonly compareViews: ReadonlySet<string>;
  /** The strace logs lessons may replay (file names in src/app/lessons/straces). */
  readonly straces: ReadonlySet<string>;
}

type Obj = Record<string, unknown>;

class Problems {
  readonly list: string[] = [];
  add(where: string, what: string): void {
    this.list.push(`${where}: ${what}`);
  }
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function unknownKeys(o: Obj, allowed: readonly string[], where: string, p: Problems): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) p.add(where, `unknown key "${k}" (expected ${allowed.join(', ')})`);
}

function text(o: Obj, key: string, where: string, p: Problems, max = 600): string {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '') {
    p.add(where, `"${key}" must be a non-empty string`);
    return '';
  }
  if (v.length > max) p.add(where, `"${key}" is ${v.length} characters (at most ${max})`);
  return v;
}

function setupOf(raw: unknown, where: string, refs: LessonRefs, p: Problems): StepSetup {
  const none: StepSetup = { preset: '', edits: {}, seed: 1, timeNs: 0, speed: null, highlight: [], pid: null, compare: null, strace: null };
  if (!isObj(raw)) {
    p.add(where, '"setup" must be an object');
    return none;
  }
  unknownKeys(raw, ['preset', 'edits', 'seed', 'time', 'speed', 'highlight', 'pid', 'compare', 'strace'], where, p);
  const preset = text(raw, 'preset', where, p);
  if (preset && !refs.presets.has(preset)) p.add(where, `no preset "${preset}"`);
  const edits = raw.edits ?? {};
  if (!isObj(edits)) p.add(where, '"edits" must be an object of config keys');
  const seed = raw.seed ?? 1;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0) p.add(where, '"seed" must be a whole number >= 0');
  let timeNs = 0;
  if (raw.time !== undefined) {
    const d = typeof raw.time === 'string' ? parseDuration(raw.time) : { ok: false as const, error: '"time" must be a duration such as "20ms"' };
    if (d.ok) timeNs = d.ns;
    else p.add(where, d.error);
  }
  const speed = raw.speed ?? null;
  if (speed !== null && (typeof speed !== 'number' || !(speed > 0))) p.add(where, '"speed" must be simulated ns per second (> 0)');
  const highlight = raw.highlight ?? [];
  if (!Array.isArray(highlight) || highlight.some((v) => typeof v !== 'string' || !refs.views.has(v))) p.add(where, `"highlight" must list views among ${[...refs.views].join(', ')}`);
  const pid = raw.pid ?? null;
  if (pid !== null && (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid < 0)) p.add(where, '"pid" must be a process id');
  let compare: StepSetup['compare'] = null;
  if (raw.compare !== undefined) {
    const c = raw.compare;
    if (!isObj(c)) p.add(where, '"compare" must be { right, view }');
    else {
      unknownKeys(c, ['right', 'view'], `${where} compare`, p);
      const right = text(c, 'right', `${where} compare`, p);
      const view = text(c, 'view', `${where} compare`, p);
      if (right && !refs.presets.has(right)) p.add(`${where} compare`, `no preset "${right}"`);
      if (view && !refs.compareViews.has(view)) p.add(`${where} compare`, `compare mode cannot show "${view}" (it shows ${[...refs.compareViews].join(', ')})`);
      compare = { right, view };
    }
  }
  let strace: StepSetup['strace'] = null;
  if (raw.strace !== undefined) {
    const s = raw.strace;
    if (!isObj(s) || typeof s.name !== 'string' || typeof s.file !== 'string') p.add(where, '"strace" must be { name, file }');
    else if (!refs.straces.has(s.file)) p.add(where, `no strace log "${s.file}" (logs: ${[...refs.straces].join(', ')})`);
    else strace = { name: s.name, file: s.file };
  }
  return {
    preset,
    edits: isObj(edits) ? edits : {},
    seed: typeof seed === 'number' ? seed : 1,
    timeNs,
    speed: typeof speed === 'number' ? speed : null,
    highlight: Array.isArray(highlight) ? (highlight as string[]) : [],
    pid: typeof pid === 'number' ? pid : null,
    compare,
    strace,
  };
}

/** Checks one lesson file's data; `file` names it in the problems. */
export function parseLesson(data: unknown, file: string, refs: LessonRefs): { ok: true; lesson: Lesson } | { ok: false; problems: string[] } {
  const p = new Problems();
  if (!isObj(data)) return { ok: false, problems: [`${file}: a lesson must be a JSON object`] };
  unknownKeys(data, ['id', 'order', 'title', 'summary', 'steps'], file, p);
  const id = text(data, 'id', file, p, 40);
  if (id && !/^[a-z0-9-]+$/.test(id)) p.add(file, `"id" must be lower-case letters, digits and dashes (it goes in links): "${id}"`);
  const order = data.order;
  if (typeof order !== 'number' || !Number.isFinite(order)) p.add(file, '"order" must be a number');
  const title = text(data, 'title', file, p, 80);
  const summary = text(data, 'summary', file, p, 300);
  const steps: LessonStep[] = [];
  if (!Array.isArray(data.steps) || data.steps.length === 0) p.add(file, '"steps" must be a non-empty list');
  else
    data.steps.forEach((raw: unknown, i) => {
      const where = `${file} step ${i + 1}`;
      if (!isObj(raw)) return p.add(where, 'a step must be an object');
      unknownKeys(raw, ['title', 'text', 'setup', 'try'], where, p);
      let tryThis: LessonStep['tryThis'] = null;
      if (raw.try !== undefined) {
        if (!isObj(raw.try)) p.add(where, '"try" must be { change, question }');
        else {
          unknownKeys(raw.try, ['change', 'question'], `${where} try`, p);
          tryThis = { change: text(raw.try, 'change', `${where} try`, p, 300), question: text(raw.try, 'question', `${where} try`, p, 300) };
        }
      }
      steps.push({ title: text(raw, 'title', where, p, 80), text: text(raw, 'text', where, p), setup: setupOf(raw.setup, where, refs, p), tryThis });
    });
  if (p.list.length > 0) return { ok: false, problems: p.list };
  return { ok: true, lesson: { id, order: order as number, title, summary, steps } };
}
