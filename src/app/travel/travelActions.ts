/** Time travel's actions, registered with the others: step back one event. */
import { registerAction } from '../actions/registry';

registerAction({
  id: 'step-back',
  label: () => 'Back one event',
  helpName: 'Step back one event',
  keys: ['S', 'Shift+ArrowRight', 'PageUp'],
  keyHint: 'Shift+S, Shift+→ (remote: Page Up)',
  // Compare mode's lockstep has no way back yet: one session at a time.
  enabled: (s, p) => s.workerError === null && p.sessions.length === 1,
  perform: ({ session }) => session.client.stepBack(),
});
