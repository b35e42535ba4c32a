/**
 * Presenter mode's actions (registered in the action registry, before the others): P toggles
 * it; in it, Page Up/Down move between views and B or . blank the screen (what a presentation
 * remote sends); Escape leaves it. Outside presenter mode these keys keep their usual actions.
 */
import type { Action } from '../actions/registry';
import type { PageState } from '../session/page';

const presenting = (p: PageState) => p.presenter !== null;

// The view index counts freely; the presenter shows view `index mod VIEWS.length` (so this module needs no views).
function moveView(p: PageState, by: number): Partial<PageState> {
  return p.presenter ? { presenter: { view: p.presenter.view + by, blank: false } } : {};
}

/** Full screen where the browser allows it (a request without a user's gesture is refused, and that is fine). */
function fullScreen(on: boolean): void {
  if (typeof document === 'undefined') return;
  if (on && !document.fullscreenElement) void document.documentElement.requestFullscreen?.().catch(() => {});
  if (!on && document.fullscreenElement) void document.exitFullscreen?.().catch(() => {});
}

export const PRESENTER_ACTIONS: readonly Action[] = [
  {
    id: 'presenter',
    label: (_, p) => (presenting(p) ? 'Exit presenter mode' : 'Presenter mode'),
    helpName: 'Presenter mode: one view at a time, full screen / exit',
    keys: ['p'],
    keyHint: 'P',
    enabled: (_, p) => p.sessions.length === 1,
    perform: ({ page }) => {
      const on = page.store.getState().presenter === null;
      page.store.setState({ presenter: on ? { view: 0, blank: false } : null });
      fullScreen(on);
    },
  },
  {
    id: 'exit-presenter',
    label: () => 'Exit presenter mode',
    keys: ['Escape'],
    keyHint: 'Esc (presenter mode)',
    enabled: (_, p) => presenting(p),
    perform: ({ page }) => {
      page.store.setState({ presenter: null });
      fullScreen(false);
    },
  },
  {
    id: 'next-view',
    label: () => 'Next view',
    keys: ['PageDown'],
    keyHint: 'Page Down (presenter mode)',
    enabled: (_, p) => presenting(p),
    perform: ({ page }) => page.store.setState((p) => moveView(p, 1)),
  },
  {
    id: 'previous-view',
    label: () => 'Previous view',
    keys: ['PageUp'],
    keyHint: 'Page Up (presenter mode)',
    enabled: (_, p) => presenting(p),
    perform: ({ page }) => page.store.setState((p) => moveView(p, -1)),
  },
  {
    id: 'blank',
    label: (_, p) => (p.presenter?.blank ? 'Show the screen' : 'Blank the screen'),
    helpName: 'Blank the screen / show it again (presenter mode)',
    keys: ['b', '.'],
    keyHint: 'B or . (presenter mode)',
    enabled: (_, p) => presenting(p),
    perform: ({ page }) => page.store.setState((p) => (p.presenter ? { presenter: { ...p.presenter, blank: !p.presenter.blank } } : {})),
  },
];
