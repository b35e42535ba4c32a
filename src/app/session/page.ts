/**
 * The page: its sessions (one, or two side by side in compare mode), page-level UI state (the
 * help overlay, the view compare mode shows), the animation loop that drives every session, the
 * tooltip, and what the page does as a whole: persisting the first session's settings, pausing
 * while hidden, entering, swapping and leaving compare mode. Created once in main.tsx and
 * provided through React context.
 */
import { createStore, type StoreApi } from 'zustand';
import type { Parsed, SharedState } from '../share/sharedState';
import type { ConfigEdits } from '../store';
import { Session } from './session';
import { AnimationLoop } from './loop';
import { TooltipHost } from './tooltip';
import { loadSettings, persistSettings, settingsOf, type Persisted } from '../store';
import type { Lockstep } from '../compare/lockstep';
import { partnerPreset } from '../compare/partner';
import { METRICS_INTERVAL_MS } from '../views/memory/metricsPoller';
import { ScaleClient } from '../scaleClient';
import { COMPARE_VIEW_IDS, isCompareView, type CompareViewId } from '../compare/viewIds';
import { LessonController, type LessonPosition } from '../lessons/controller';
import { loadLessonCatalogue } from '../lessons/catalogue';
import { PRESET_NAMES } from '../../engine/config/presets';
import { VIEW_INFO } from '../views/viewInfo';
import { CanvasExports } from '../export/canvasExports';
import type { ExerciseRequest } from '../exercises/exerciseLink';

export { COMPARE_VIEW_IDS, type CompareViewId } from '../compare/viewIds';

/** The address bar's fragment, where lessons keep their place (absent outside a browser). */
export interface HashLocation {
  readonly hash: string;
  replace(hash: string): void;
}

/** The difference table's metrics are asked for this often while running (wall ms). */
const COMPARE_METRICS_MS = 500;
const TICK_RING = 1024;

export interface PageState {
  readonly helpOpen: boolean;
  /** Left first: one session normally, two in compare mode. */
  readonly sessions: readonly Session[];
  /** The view both panes show in compare mode. */
  readonly compareView: CompareViewId;
  /** The lesson being followed and its step, or null. */
  readonly lesson: LessonPosition | null;
  /** The introduction ("What am I seeing?") is open. */
  readonly introOpen: boolean;
  /** The Lessons menu is open. */
  readonly lessonMenuOpen: boolean;
  /** The lessons' files have loaded (they load after the first frame, or when one is asked for). */
  readonly lessonsLoaded: boolean;
  /** The exercise the Exercises panel shows (null: closed), as typed or linked. */
  readonly exercise: ExerciseRequest | null;
  /** Presenter mode (null: off): the view shown (its index in VIEWS, modulo their number), and whether the screen is blanked. */
  readonly presenter: { readonly view: number; readonly blank: boolean } | null;
}

export class Page {
  readonly store: StoreApi<PageState>;
  readonly tooltip = new TooltipHost();
  /** Scale mode's worker (apart from the sessions'): started on its first run. */
  readonly scale = new ScaleClient();
  /** Animation frames, and those in which every session drew a new simulation frame (bench:ui). */
  readonly stats = { animationFrames: 0, drewNewFrame: 0, firstFrameAt: null as number | null };
  /** Wall ms of the page's work in each of the last TICK_RING animation frames (bench:ui: what a frame costs). */
  readonly tickMs = new Float32Array(TICK_RING);
  private readonly loop = new AnimationLoop((now) => this.tick(now));
  private lockstep: Lockstep | null = null;
  private nextId = 1;
  private unpersist: () => void = () => {};
  private autoPaused = false;
  /** Compare mode is being opened (waiting for the left run to pause). */
  private entering = false;

  /** Canvases that can be drawn again as vectors, for SVG exports (views register theirs). */
  readonly canvasExports = new CanvasExports();
  /** Guided lessons (src/app/lessons): what they set up goes through this page. */
  readonly lessons: LessonController;

  /**
   * `link`: the state the page's address carries (share/sharedState.ts), if any: opened as it
   * is, or, if it is broken, the default run with a notice naming what is wrong. `location`: the
   * address bar's fragment, where lessons keep their place.
   */
  constructor(
    private readonly storage: Storage | null,
    link: Parsed | null = null,
    location: HashLocation | null = null,
  ) {
    const stored = loadSettings(storage);
    const first = this.newSession(link === null ? stored : link.ok ? { ...stored, presetName: link.state.preset, seed: link.state.seed, edits: link.state.edits } : { speed: stored.speed });
    this.store = createStore<PageState>(() => ({ helpOpen: false, sessions: [first], compareView: 'cores', lesson: null, introOpen: false, lessonMenuOpen: false, lessonsLoaded: false, exercise: null, presenter: null }));
    const refs = { presets: new Set(PRESET_NAMES), views: new Set(VIEW_INFO.map((v) => v.id)), compareViews: new Set<string>(COMPARE_VIEW_IDS) };
    this.lessons = new LessonController(this, () => loadLessonCatalogue(refs), location);
    if (link?.ok) void this.openShared(link.state);
    else if (link) first.store.setState({ notice: `This link could not be opened, so the default run is shown. ${link.errors.join('; ')}` });
    this.persistFirst();
  }

  /**
   * Opens a shared state (a link, a file; checked already): the run in the left session, then
   * the views it had open — compare mode against its other side, presenter mode, the lesson
   * step (shown, not set up again), the exercise. What it does not name is closed.
   */
  async openShared(state: SharedState): Promise<void> {
    const v = state.views;
    if (this.comparing) this.exitCompare();
    const loaded = this.primary.load(state);
    this.store.setState({
      presenter: v.presenter && { view: v.presenter.view, blank: false },
      exercise: v.exercise,
      ...(v.compare ? { compareView: v.compare.view } : {}),
    });
    if (v.lesson) void this.lessons.show(v.lesson.id, v.lesson.step);
    else if (this.lessons.position) this.lessons.close();
    // Compare mode starts the other side where the left one is: once it is at the state's time.
    await loaded;
    if (v.compare) await this.enterCompare(v.compare.preset, v.compare.edits);
  }

  get sessions(): readonly Session[] {
    return this.store.getState().sessions;
  }

  /** The session on the left (the only one outside compare mode): its settings persist. */
  get primary(): Session {
    return this.sessions[0];
  }

  get comparing(): boolean {
    return this.lockstep !== null;
  }

  start(): void {
    this.loop.start();
    void this.lessons.openFromLocation();
  }

  /**
   * Opens compare mode: a second session beside the first with another design (same seed,
   * speed and workload), both in lockstep from the first one's time (the new one catches up).
   * `rightPreset` chooses the other side (a lesson does), with `rightEdits` (a shared link's); by
   * default, a partner of the first.
   */
  async enterCompare(rightPreset?: string, rightEdits: ConfigEdits = {}): Promise<void> {
    if (this.lockstep || this.entering || this.sessions.length !== 1) return;
    const left = this.primary;
    const s = left.store.getState();
    const playing = s.running;
    // Stop the left run first (if it plays), so that the shared clock starts exactly where it is.
    this.entering = true;
    // Compare mode's clock loads with it (not in the page's first script).
    const [from, { Lockstep }] = await Promise.all([left.client.pauseAndGetTime(), import('../compare/lockstep')]);
    this.entering = false;
    if (this.lockstep || this.sessions[0] !== left) return;
    const right = this.newSession({ ...settingsOf(s), presetName: rightPreset ?? partnerPreset(s.presetName, s.config), edits: rightPreset === undefined ? {} : rightEdits });
    const lockstep = new Lockstep(() => this.sessions, s.speed);
    this.lockstep = lockstep;
    this.store.setState({ sessions: [left, right] });
    for (const x of [left, right]) x.metrics.intervalMs = COMPARE_METRICS_MS;
    lockstep.attach(from, playing, performance.now());
  }

  /** Back to the single page with the left session, as it is (playing or paused); the other ends. */
  exitCompare(): void {
    const lockstep = this.lockstep;
    if (!lockstep) return;
    const [left, ...rest] = this.sessions;
    const playing = lockstep.playing;
    lockstep.detach();
    this.lockstep = null;
    this.store.setState({ sessions: [left] });
    for (const s of rest) s.dispose();
    left.metrics.intervalMs = METRICS_INTERVAL_MS;
    if (playing) left.client.play();
  }

  /** Shows view `id` in both panes of compare mode, if compare mode can show it. */
  showCompareView(id: string): void {
    if (isCompareView(id)) this.store.setState({ compareView: id });
  }

  /** Exchanges the two sides (each session keeps its state); the new left one persists. */
  swap(): void {
    if (!this.lockstep) return;
    this.store.setState({ sessions: [...this.sessions].reverse() });
    this.persistFirst();
  }

  /** The same seed for every session (compare mode compares designs, not random streams). */
  setSeed(seed: number): void {
    this.lockstep?.reset();
    for (const s of this.sessions) if (s.store.getState().seed !== seed) s.store.setState({ seed, notice: `Restarted with seed ${seed}` });
  }

  /** Pauses while the page is hidden and resumes when it is shown again. */
  visibilityChanged(hidden: boolean): void {
    const session = this.primary;
    if (hidden && session.store.getState().running) {
      this.autoPaused = true;
      session.transport.pause();
    } else if (!hidden && this.autoPaused) {
      this.autoPaused = false;
      session.transport.play();
    }
  }

  private tick(now: number): void {
    const start = performance.now();
    const sessions = this.sessions;
    this.lockstep?.tick(now);
    for (const s of sessions) s.client.pump();
    let all = true;
    for (const s of sessions) if (!s.bus.tick(now)) all = false;
    this.tickMs[this.stats.animationFrames % TICK_RING] = performance.now() - start;
    this.stats.animationFrames++;
    if (all) {
      this.stats.drewNewFrame++;
      // The first frame of the simulation on screen (deferred views load after it; bench:ui counts the scripts before it).
      this.stats.firstFrameAt ??= start;
    }
  }

  private newSession(settings: Partial<Persisted>): Session {
    return new Session(`session-${this.nextId++}`, settings);
  }

  private persistFirst(): void {
    this.unpersist();
    this.unpersist = persistSettings(this.primary.store, this.storage);
  }
}
