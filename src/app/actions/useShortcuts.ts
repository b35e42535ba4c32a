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

/** The key as actions list it: "Shift+" before a named key pressed with Shift (letters are their capitals already). */
export function keyName(e: Pick<KeyboardEvent, 'key' | 'shiftKey'>): string {
  return e.shiftKey && e.key.length > 1 ? `Shift+${e.key}` : e.key;
}

export function useShortcuts(): void {
  const page = usePage();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      // Escape closes an open overlay first (help, introduction, lessons menu); otherwise it is an action's key.
      if (e.key === 'Escape') {
        const p = page.store.getState();
        if (p.helpOpen || p.introOpen || p.lessonMenuOpen) {
          page.store.setState({ helpOpen: false, introOpen: false, lessonMenuOpen: false });
          return;
        }
      }
      // A focused button or slider keeps its own Space/arrow behaviour.
      const t = e.target as HTMLElement | null;
      if ((e.key === ' ' || e.key === 'Enter') && t && (t.tagName === 'BUTTON' || t.tagName === 'A')) return;
      if (e.key.startsWith('Arrow') && t instanceof HTMLInputElement && t.type === 'range') return;
      // The first enabled action with the key: a key may mean one thing in presenter mode and another outside it.
      const ui = page.primary.store.getState(), pageState = page.store.getState();
      const key = keyName(e);
      const action = ACTIONS.find((a) => a.keys.includes(key) && a.enabled(ui, pageState));
      if (!action) return;
      if (runAction(action, { session: page.primary, page })) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [page]);
}
