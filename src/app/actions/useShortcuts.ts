/** Global keyboard shortcuts from the action registry; silent while the user types in a field. */
import { useEffect } from 'react';
import { ACTIONS } from './registry';
import { useUi } from '../store';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return type !== 'range' && type !== 'checkbox' && type !== 'radio' && type !== 'button';
  }
  return false;
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (e.key === 'Escape' && useUi.getState().helpOpen) {
        useUi.setState({ helpOpen: false });
        return;
      }
      // A focused button or slider keeps its own Space/arrow behaviour.
      const t = e.target as HTMLElement | null;
      if ((e.key === ' ' || e.key === 'Enter') && t && (t.tagName === 'BUTTON' || t.tagName === 'A')) return;
      if (e.key.startsWith('Arrow') && t instanceof HTMLInputElement && t.type === 'range') return;
      const action = ACTIONS.find((a) => a.keys.includes(e.key));
      if (!action) return;
      const state = useUi.getState();
      if (!action.enabled(state)) return;
      e.preventDefault();
      action.perform(state);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
