/**
 * One registry of user actions: each has an id, a label, its keyboard shortcuts, when it is
 * enabled, and what it does. Buttons, keys, the help overlay and presentation remotes all use
 * it, so nothing is wired twice. An action receives its session (the one whose button was
 * pressed; the left one for keys) and the page: transport actions go through the session's
 * transport, which in compare mode drives both sessions in lockstep.
 */
import type { UiState } from '../store';
import { clampSpeed, type Session } from '../session/session';
import type { Page, PageState } from '../session/page';
import { exportBaseName } from '../export/formats';
import { DEFAULT_EXERCISE } from '../exercises/exerciseLink';
import { PRESENTER_ACTIONS } from '../presenter/presenterActions';

export interface ActionContext {
  readonly session: Session;
  readonly page: Page;
}

export interface Action {
  readonly id: string;
  /** Label for buttons and the help overlay; may depend on state (Play / Pause). */
  label(state: UiState, page: PageState): string;
  /**
   * KeyboardEvent.key values; a named key with Shift is written "Shift+ArrowRight" (a letter
   * with Shift is its capital, "S"). Presentation remotes send PageDown/PageUp and "b" or ".".
   */
  readonly keys: readonly string[];
  /** How the keys are shown in the help overlay. */
  readonly keyHint: string;
  /** Its name in the help overlay, if not its label. */
  readonly helpName?: string;
  enabled(state: UiState, page: PageState): boolean;
  perform(ctx: ActionContext): void;
}

const SPEED_FACTOR = Math.sqrt(10);

export function setSpeed(session: Session, nsPerSecond: number): void {
  session.transport.setSpeed(clampSpeed(nsPerSecond));
}

const alive = (s: UiState) => s.workerError === null;
const comparing = (p: PageState) => p.sessions.length > 1;

const REGISTERED: Action[] = [
  // First: in presenter mode a remote's keys (Page Up/Down, B, .) move between views and blank
  // the screen; keys go to the first enabled action that has them, so outside it they step and play.
  ...PRESENTER_ACTIONS,
  {
    id: 'play',
    label: (s) => (s.running ? 'Pause' : 'Play'),
    helpName: 'Play / Pause',
    keys: [' ', 'k', 'b', '.'],
    keyHint: 'Space, K (remote: B or .)',
    enabled: alive,
    perform: ({ session }) => (session.store.getState().running ? session.transport.pause() : session.transport.play()),
  },
  // Before Step: while a lesson is open, → and the remote's Page Down move through its steps.
  {
    id: 'lesson-next',
    label: (_, p) => (p.lesson && p.lesson.step + 1 >= p.lesson.steps ? 'Finish' : 'Next'),
    helpName: 'Next lesson step, or finish (in a lesson)',
    keys: ['ArrowRight', 'PageDown'],
    keyHint: '→ (remote: Page Down)',
    enabled: (_, p) => p.lesson !== null,
    perform: ({ page }) => page.lessons.nextOrFinish(),
  },
  {
    id: 'lesson-back',
    label: () => 'Back',
    helpName: 'Previous lesson step (in a lesson)',
    keys: ['ArrowLeft', 'PageUp'],
    keyHint: '← (remote: Page Up)',
    enabled: (_, p) => p.lesson !== null && p.lesson.step > 0,
    perform: ({ page }) => page.lessons.back(),
  },
  {
    id: 'step',
    label: () => 'Step',
    keys: ['s', 'ArrowRight', 'PageDown'],
    keyHint: 'S, → (remote: Page Down)',
    enabled: alive,
    perform: ({ session }) => session.transport.step(),
  },
  {
    id: 'reset',
    label: () => 'Reset',
    keys: ['r'],
    keyHint: 'R',
    enabled: alive,
    perform: ({ session }) => session.transport.reset(),
  },
  {
    id: 'faster',
    label: () => 'Faster',
    keys: ['+', '=', ']'],
    keyHint: '+ or ]',
    enabled: () => true,
    perform: ({ session }) => setSpeed(session, session.store.getState().speed * SPEED_FACTOR),
  },
  {
    id: 'slower',
    label: () => 'Slower',
    keys: ['-', '['],
    keyHint: '- or [',
    enabled: () => true,
    perform: ({ session }) => setSpeed(session, session.store.getState().speed / SPEED_FACTOR),
  },
  {
    id: 'compare',
    label: (_, p) => (comparing(p) ? 'Exit compare' : 'Compare'),
    helpName: 'Compare two designs side by side / exit',
    keys: ['c'],
    keyHint: 'C',
    enabled: () => true,
    perform: ({ page }) => (page.comparing ? page.exitCompare() : void page.enterCompare()),
  },
  {
    id: 'swap',
    label: () => 'Swap sides',
    helpName: 'Swap sides (compare mode)',
    keys: ['x'],
    keyHint: 'X',
    enabled: (_, p) => comparing(p),
    perform: ({ page }) => page.swap(),
  },
  {
    id: 'lessons',
    label: () => 'Lessons',
    helpName: 'Lessons menu',
    keys: ['l'],
    keyHint: 'L',
    enabled: () => true,
    perform: ({ page }) => page.store.setState((p) => ({ lessonMenuOpen: !p.lessonMenuOpen })),
  },
  {
    id: 'intro',
    label: () => 'What am I seeing?',
    helpName: 'Introduction: what am I seeing?',
    keys: ['i'],
    keyHint: 'I',
    enabled: () => true,
    perform: ({ page }) => page.store.setState((p) => ({ introOpen: !p.introOpen })),
  },
  {
    id: 'export-page',
    label: () => 'Export page (PNG)',
    helpName: 'Export the whole page as PNG',
    keys: [],
    keyHint: '',
    enabled: () => true,
    perform: ({ session, page }) => {
      const el = document.querySelector('.app');
      if (!el) return;
      const s = session.store.getState();
      const name = exportBaseName('page', s.presetName, s.seed, session.bus.frame?.time ?? null);
      void import('../export/exportRegion')
        .then(({ exportRegion }) => exportRegion(el, 'mOS Explorer', name, 'png1x', page.canvasExports))
        .then((problem) => session.store.setState({ notice: problem ?? 'Saved the page as PNG.' }));
    },
  },
  {
    id: 'restart-worker',
    label: () => 'Restart simulation',
    keys: [],
    keyHint: '',
    enabled: (s) => s.workerError !== null,
    perform: ({ session }) => session.client.restart(),
  },
  {
    id: 'exercises',
    label: (_, p) => (p.exercise ? 'Close exercises' : 'Exercises'),
    helpName: 'Exercises: questions from a seed, answers from the simulation / close',
    keys: ['e'],
    keyHint: 'E',
    enabled: () => true,
    perform: ({ page }) => page.store.setState((p) => ({ exercise: p.exercise ? null : DEFAULT_EXERCISE })),
  },
  {
    id: 'help',
    label: (_, p) => (p.helpOpen ? 'Close keyboard help' : 'Keyboard help'),
    keys: ['?'],
    keyHint: '?',
    enabled: () => true,
    perform: ({ page }) => page.store.setState((p) => ({ helpOpen: !p.helpOpen })),
  },
];

/** Every action, in registration order (the help overlay's order). */
export const ACTIONS: readonly Action[] = REGISTERED;

/**
 * Adds an action (a module with actions of its own registers them when it loads). A key may be
 * shared: it runs the first action registered with it that is enabled (a remote's Page Up moves
 * between views in presenter mode, back a lesson step in a lesson, and back one event otherwise).
 */
export function registerAction(action: Action): Action {
  if (REGISTERED.some((a) => a.id === action.id)) throw new Error(`action "${action.id}" is registered twice`);
  REGISTERED.push(action);
  return action;
}

export function actionById(id: string): Action {
  const a = ACTIONS.find((x) => x.id === id);
  if (!a) throw new Error(`no action "${id}"`);
  return a;
}

/** Runs an action for a session if it is enabled; returns whether it ran. */
export function runAction(action: Action, ctx: ActionContext): boolean {
  if (!action.enabled(ctx.session.store.getState(), ctx.page.store.getState())) return false;
  action.perform(ctx);
  return true;
}
