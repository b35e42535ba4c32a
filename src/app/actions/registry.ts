/**
 * One registry of user actions: each has an id, a label, its keyboard shortcuts, when it is
 * enabled, and what it does. Buttons, keys, the help overlay and presentation remotes all use
 * it, so nothing is wired twice. Engine commands go through simClient, whose worker logs them
 * at their simulated time for replay.
 */
import { simClient } from '../simClient';
import { useUi, SPEED_MAX, SPEED_MIN, type UiState } from '../store';

export interface Action {
  readonly id: string;
  /** Label for buttons and the help overlay; may depend on state (Play / Pause). */
  label(state: UiState): string;
  /** KeyboardEvent.key values. Presentation remotes send PageDown/PageUp and "b" or ".". */
  readonly keys: readonly string[];
  /** How the keys are shown in the help overlay. */
  readonly keyHint: string;
  enabled(state: UiState): boolean;
  perform(state: UiState): void;
}

const SPEED_FACTOR = Math.sqrt(10);

export function setSpeed(nsPerSecond: number): void {
  const speed = Math.min(SPEED_MAX, Math.max(SPEED_MIN, nsPerSecond));
  useUi.setState({ speed });
  simClient.setSpeed(speed);
}

const alive = (s: UiState) => s.workerError === null;

export const ACTIONS: readonly Action[] = [
  {
    id: 'play',
    label: (s) => (s.running ? 'Pause' : 'Play'),
    keys: [' ', 'k', 'b', '.'],
    keyHint: 'Space, K (remote: B or .)',
    enabled: alive,
    perform: (s) => (s.running ? simClient.pause() : simClient.play()),
  },
  {
    id: 'step',
    label: () => 'Step',
    keys: ['s', 'ArrowRight', 'PageDown'],
    keyHint: 'S, → (remote: Page Down)',
    enabled: alive,
    perform: () => simClient.step(),
  },
  {
    id: 'reset',
    label: () => 'Reset',
    keys: ['r'],
    keyHint: 'R',
    enabled: alive,
    perform: () => simClient.reset(),
  },
  {
    id: 'faster',
    label: () => 'Faster',
    keys: ['+', '=', ']'],
    keyHint: '+ or ]',
    enabled: () => true,
    perform: (s) => setSpeed(s.speed * SPEED_FACTOR),
  },
  {
    id: 'slower',
    label: () => 'Slower',
    keys: ['-', '['],
    keyHint: '- or [',
    enabled: () => true,
    perform: (s) => setSpeed(s.speed / SPEED_FACTOR),
  },
  {
    id: 'restart-worker',
    label: () => 'Restart simulation',
    keys: [],
    keyHint: '',
    enabled: (s) => s.workerError !== null,
    perform: () => simClient.restart(),
  },
  {
    id: 'help',
    label: (s) => (s.helpOpen ? 'Close keyboard help' : 'Keyboard help'),
    keys: ['?'],
    keyHint: '?',
    enabled: () => true,
    perform: (s) => useUi.setState({ helpOpen: !s.helpOpen }),
  },
];

export function actionById(id: string): Action {
  const a = ACTIONS.find((x) => x.id === id);
  if (!a) throw new Error(`no action "${id}"`);
  return a;
}

export function runAction(id: string): void {
  const action = actionById(id);
  const state = useUi.getState();
  if (action.enabled(state)) action.perform(state);
}
