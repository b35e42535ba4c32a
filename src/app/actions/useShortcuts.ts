/** Global keyboard shortcuts from the action registry, for the left session; silent while the user types in a field. */
import { useEffect } from 'react';
import { ACTIONS, runAction } from './registry';
import { usePage } from '../session/context';

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
  const page = usePage();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (e.key === 'Escape') {
        const p = page.store.getState();
        if (p.helpOpen || p.introOpen || p.lessonMenuOpen) page.store.setState({ helpOpen: false, introOpen: false, lessonMenuOpen: false });
        return;
      }
      // A focused button or slider keeps its own Space/arrow behaviour.
      const t = e.target as HTMLElement | null;
      if ((e.key === ' ' || e.key === 'Enter') && t && (t.tagName === 'BUTTON' || t.tagName === 'A')) return;
      if (e.key.startsWith('Arrow') && t instanceof HTMLInputElement && t.type === 'range') return;
      // The first enabled action with the key (a lesson's Next before Step).
      const ctx = { session: page.primary, page };
      for (const action of ACTIONS) {
        if (action.keys.includes(e.key) && runAction(action, ctx)) {
          e.preventDefault();
          return;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [page]);
}
