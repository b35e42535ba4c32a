/**
 * Every lesson: each data file in ./data is one (adding a lesson is adding a file), checked
 * against the presets, views and compare views that exist. A file with a problem is left out of
 * the menu and its problems are listed (a test keeps the list empty). The files load after the
 * page's first frame (loadLessonCatalogue), not with its first script.
 */
import { parseLesson, type Lesson, type LessonRefs } from './schema';

export interface LessonCatalogue {
  readonly lessons: readonly Lesson[];
  /** A step's strace log, fetched when the step runs (a chunk of its own). */
  loadStrace(file: string): Promise<string>;
  /** Problems of files left out, each naming its file, step and field. */
  readonly problems: readonly string[];
  byId(id: string): Lesson | undefined;
}

/** The lesson files bundled with the app, by path, each loaded on demand (Vite expands the glob at build time). */
async function bundledFiles(): Promise<Record<string, unknown>> {
  const files = import.meta.glob<unknown>('./data/*.json', { import: 'default' });
  return Object.fromEntries(await Promise.all(Object.entries(files).map(async ([path, load]) => [path, await load()] as const)));
}

/** No lesson yet (before the files have loaded). */
export const NO_LESSONS: LessonCatalogue = { lessons: [], problems: [], byId: () => undefined, loadStrace: (file) => Promise.reject(new Error(`no strace log "${file}"`)) };

/** The bundled lessons, checked against `refs`. */
export async function loadLessonCatalogue(refs: Omit<LessonRefs, 'straces'>): Promise<LessonCatalogue> {
  return lessonCatalogue(refs, await bundledFiles());
}

/** The strace logs lessons replay, by file name, each loaded on demand. */
function bundledStraces(): Record<string, () => Promise<string>> {
  const logs = import.meta.glob<string>('./straces/*.log', { query: '?raw', import: 'default' });
  return Object.fromEntries(Object.entries(logs).map(([path, load]) => [path.replace(/^.*\//, ''), load]));
}

/** The names of the logs `straces` offers (what lesson files may name). */
export function straceNames(straces: Readonly<Record<string, unknown>>): ReadonlySet<string> {
  return new Set(Object.keys(straces));
}

export function lessonCatalogue(
  refs: Omit<LessonRefs, 'straces'>,
  files: Readonly<Record<string, unknown>>,
  straces: Readonly<Record<string, () => Promise<string>>> = bundledStraces(),
): LessonCatalogue {
  const checks: LessonRefs = { ...refs, straces: straceNames(straces) };
  const lessons: Lesson[] = [];
  const problems: string[] = [];
  for (const [path, data] of Object.entries(files)) {
    const file = path.replace(/^.*\//, '');
    const r = parseLesson(data, file, checks);
    if (!r.ok) problems.push(...r.problems);
    else if (lessons.some((l) => l.id === r.lesson.id)) problems.push(`${file}: another lesson already has the id "${r.lesson.id}"`);
    else lessons.push(r.lesson);
  }
  lessons.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const loadStrace = (file: string) => {
    const load = straces[file];
    return load ? load() : Promise.reject(new Error(`no strace log "${file}"`));
  };
  return { lessons, problems, byId: (id) => lessons.find((l) => l.id === id), loadStrace };
}
