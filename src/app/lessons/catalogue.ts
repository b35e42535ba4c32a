/**
 * Every lesson: each data file in ./data is one (adding a lesson is adding a file), checked
 * against the presets, views and compare views that exist. A file with a problem is left out of
 * the menu and its problems are listed (a test keeps the list empty).
 */
import { parseLesson, type Lesson, type LessonRefs } from './schema';

export interface LessonCatalogue {
  readonly lessons: readonly Lesson[];
  /** Problems of files left out, each naming its file, step and field. */
  readonly problems: readonly string[];
  byId(id: string): Lesson | undefined;
}

/** The lesson files bundled with the app, by path (Vite expands the glob at build time). */
function bundledFiles(): Record<string, unknown> {
  return import.meta.glob<unknown>('./data/*.json', { eager: true, import: 'default' });
}

export function lessonCatalogue(refs: LessonRefs, files: Readonly<Record<string, unknown>> = bundledFiles()): LessonCatalogue {
  const lessons: Lesson[] = [];
  const problems: string[] = [];
  for (const [path, data] of Object.entries(files)) {
    const file = path.replace(/^.*\//, '');
    const r = parseLesson(data, file, refs);
    if (!r.ok) problems.push(...r.problems);
    else if (lessons.some((l) => l.id === r.lesson.id)) problems.push(`${file}: another lesson already has the id "${r.lesson.id}"`);
    else lessons.push(r.lesson);
  }
  lessons.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return { lessons, problems, byId: (id) => lessons.find((l) => l.id === id) };
}
