/**
 * Plays lessons: opening one at a step sets the simulation up as the step says (preset and
 * settings, seed, an strace log, compare mode, then runs to the step's time and holds there),
 * keeps `#lesson=NAME&step=N` in the address, and moves Next/Back. State lives in the page's
 * store (`lesson`), outside React; the panel and the keys only call this.
 */
import type { Page } from '../session/page';
import { resolveConfig, type UiStore } from '../store';
import { hasOptions, loadOptionSyntaxes } from '../optionSyntaxes';
import type { Lesson, LessonStep } from './schema';
import { NO_LESSONS, type LessonCatalogue } from './catalogue';

export interface LessonPosition {
  readonly id: string;
  /** 0-based. */
  readonly step: number;
  /** How many steps the lesson has. */
  readonly steps: number;
  /** What went wrong setting the step up (a lesson's bug), or null. */
  readonly problem: string | null;
}

/** `#lesson=NAME&step=N` (N from 1) in a location hash; other keys are left alone. */
export function lessonFromHash(hash: string): { id: string; step: number } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const id = params.get('lesson');
  if (id === null) return null;
  const n = Number(params.get('step') ?? '1');
  return { id, step: Number.isSafeInteger(n) ? n - 1 : 0 };
}

/** The hash with the lesson's keys set (or removed for null), other keys kept. */
export function hashWithLesson(hash: string, position: { id: string; step: number } | null): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.delete('lesson');
  params.delete('step');
  // A shared state's `#mosx=` was opened already; other keys beside it would make it unreadable.
  params.delete('mosx');
  if (position) {
    params.set('lesson', position.id);
    params.set('step', String(position.step + 1));
  }
  const s = params.toString();
  return s ? `#${s}` : '';
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class LessonController {
  /** Each setup gets a number; a later one makes an earlier unfinished one stop. */
  private generation = 0;

  private loaded: LessonCatalogue = NO_LESSONS;
  private loading: Promise<LessonCatalogue> | null = null;

  constructor(
    private readonly page: Page,
    /** Loads the lessons' files (catalogue.ts): after the page's first frame, or when one is asked for. */
    private readonly loadCatalogue: () => Promise<LessonCatalogue>,
    private readonly location: { hash: string; replace(hash: string): void } | null,
  ) {}

  /** The lessons (none until they have loaded: the page's `lessonsLoaded` says when). */
  get catalogue(): LessonCatalogue {
    return this.loaded;
  }

  /** Loads the lessons once; every later call gets the same. */
  load(): Promise<LessonCatalogue> {
    this.loading ??= this.loadCatalogue().then((c) => {
      this.loaded = c;
      this.page.store.setState({ lessonsLoaded: true });
      return c;
    });
    return this.loading;
  }

  /** Opens the lesson of the address's `#lesson=` if there is one; says so if it is unknown. */
  async openFromLocation(): Promise<void> {
    const wanted = this.location && lessonFromHash(this.location.hash);
    if (!wanted) return;
    await this.load();
    const lesson = this.catalogue.byId(wanted.id);
    if (!lesson) {
      const known = this.catalogue.lessons.map((l) => l.id).join(', ');
      this.page.primary.store.setState({ notice: `The link names no lesson "${wanted.id.slice(0, 60)}" (lessons: ${known}).` });
      this.location?.replace(hashWithLesson(this.location.hash, null));
      return;
    }
    const step = Math.min(Math.max(0, wanted.step), lesson.steps.length - 1);
    if (step !== wanted.step) this.page.primary.store.setState({ notice: `"${lesson.title}" has steps 1 to ${lesson.steps.length}: showing step ${step + 1}.` });
    void this.open(lesson.id, step);
  }

  get position(): LessonPosition | null {
    return this.page.store.getState().lesson;
  }

  current(): { lesson: Lesson; step: LessonStep } | null {
    const p = this.position;
    const lesson = p && this.catalogue.byId(p.id);
    return lesson ? { lesson, step: lesson.steps[p.step] } : null;
  }

  async open(id: string, step = 0): Promise<void> {
    await this.load();
    const lesson = this.catalogue.byId(id);
    if (!lesson) return;
    const at = Math.min(Math.max(0, step), lesson.steps.length - 1);
    this.page.store.setState({ lesson: { id, step: at, steps: lesson.steps.length, problem: null }, lessonMenuOpen: false });
    this.location?.replace(hashWithLesson(this.location.hash, { id, step: at }));
    const generation = ++this.generation;
    const problem = await this.setUp(lesson.steps[at], generation);
    if (generation === this.generation && problem) this.page.store.setState({ lesson: { id, step: at, steps: lesson.steps.length, problem } });
  }

  /**
   * Shows a lesson's step in the panel without setting it up (a shared state has set the page
   * up already: it was taken with this step open). The address is left alone.
   */
  async show(id: string, step: number): Promise<void> {
    await this.load();
    const lesson = this.catalogue.byId(id);
    if (!lesson) {
      const known = this.catalogue.lessons.map((l) => l.id).join(', ');
      this.page.primary.store.setState({ notice: `The link's lesson "${id}" is not one of this page's (lessons: ${known}).` });
      return;
    }
    this.generation++;
    const at = Math.min(Math.max(0, step), lesson.steps.length - 1);
    this.page.store.setState({ lesson: { id, step: at, steps: lesson.steps.length, problem: null }, lessonMenuOpen: false });
  }

  next(): void {
    const c = this.current();
    if (c && this.position!.step + 1 < c.lesson.steps.length) void this.open(c.lesson.id, this.position!.step + 1);
  }

  /** Next, or closes the lesson after its last step. */
  nextOrFinish(): void {
    const p = this.position;
    if (p && p.step + 1 >= p.steps) this.close();
    else this.next();
  }

  back(): void {
    const c = this.current();
    if (c && this.position!.step > 0) void this.open(c.lesson.id, this.position!.step - 1);
  }

  close(): void {
    this.generation++;
    this.page.store.setState({ lesson: null });
    this.location?.replace(hashWithLesson(this.location.hash, null));
  }

  /** Sets the simulation up as the step says; returns a problem, or null. */
  private async setUp(step: LessonStep, generation: number): Promise<string | null> {
    const s = step.setup;
    const page = this.page;
    if (page.comparing) page.exitCompare();
    const session = page.primary;
    const store: UiStore = session.store;
    if (store.getState().running) session.transport.pause();
    const before = store.getState();
    if (hasOptions(s.edits)) await loadOptionSyntaxes();
    const resolved = resolveConfig(s.preset, s.edits);
    if (!resolved.ok) return `This step's settings are not valid: ${resolved.errors.join('; ')}`;
    if (before.presetName !== s.preset || !sameJson(before.edits, s.edits) || before.replay !== null) {
      store.setState({ presetName: s.preset, edits: s.edits, previousEdits: null, config: resolved.config, replay: null });
    }
    if (store.getState().seed !== s.seed) page.setSeed(s.seed);
    if (s.strace) {
      let text: string;
      try {
        text = await this.catalogue.loadStrace(s.strace.file);
      } catch {
        return `The step's strace log "${s.strace.file}" could not be loaded.`;
      }
      if (generation !== this.generation) return null;
      const { importBlob } = await import('../components/traceActions');
      await importBlob(session, new Blob([text], { type: 'text/plain' }), s.strace.name, false);
      if (generation !== this.generation) return null;
      if (store.getState().replay === null) return `The step's strace log "${s.strace.name}" could not be replayed.`;
    }
    const after = store.getState();
    // Nothing restarted the run: start it again from time zero, so the step always shows the same moment.
    if (after.config === before.config && after.seed === before.seed) session.transport.reset();
    if (s.timeNs > 0) session.client.follow(s.timeNs, false);
    if (s.speed !== null) session.transport.setSpeed(s.speed);
    store.setState({ selectedPid: s.pid, inspectedCpu: null, notice: null });
    if (s.compare) {
      await page.enterCompare(s.compare.right);
      if (generation !== this.generation) return null;
      page.showCompareView(s.compare.view);
    }
    return null;
  }
}
