/**
 * "Run to the next ..." as actions, one per registered moment: keys 1 to 6 in registry order,
 * a button each (MomentBar), and a remote's F5 ("start slide show") runs the last one chosen
 * again. The call moment is narrowed by the name typed in the bar and the selected process.
 */
import { registerAction } from '../actions/registry';
import { allMoments, type MomentTarget } from '../../engine/moments/registry';
import { syscallNumber } from '../../engine/syscalls/table';
import type { Session } from '../session/session';
import type { UiState } from '../store';
import type { PageState } from '../session/page';
import { playMoment } from './playMoment';

/** The target of moment `key` for this session: the selected process, and the typed call name for calls. */
export function momentTarget(session: Session, key: string): MomentTarget | string {
  const pid = session.store.getState().selectedPid ?? undefined;
  if (key !== 'call') return {};
  const name = session.moments.callName.trim();
  if (name === '') return { pid };
  const nr = syscallNumber(name);
  if (nr === undefined) return `"${name}" is not an x86_64 system call name`;
  return { syscall: nr, pid };
}

export function runMoment(session: Session, key: string): void {
  const target = momentTarget(session, key);
  if (typeof target === 'string') {
    session.store.setState({ notice: `Next call: ${target}.` });
    return;
  }
  session.moments.last = key;
  void playMoment(session, key, target);
}

const available = (s: UiState, p: PageState) => s.workerError === null && p.sessions.length === 1;

allMoments().forEach((m, i) => {
  registerAction({
    id: `moment-${m.key}`,
    label: () => m.label,
    helpName: `Run to the ${m.label.replace(/^Next /, 'next ')}`,
    keys: i < 9 ? [String(i + 1)] : [],
    keyHint: i < 9 ? String(i + 1) : '',
    enabled: available,
    perform: ({ session }) => runMoment(session, m.key),
  });
});

registerAction({
  id: 'moment-again',
  label: () => 'Run to the next one again',
  helpName: 'Run to the next of the last moment chosen',
  keys: ['F5'],
  keyHint: 'remote: F5 (start slide show)',
  enabled: available,
  perform: ({ session }) => runMoment(session, session.moments.last ?? allMoments()[0].key),
});
