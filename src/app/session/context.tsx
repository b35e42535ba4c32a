/**
 * React context for the page and its sessions: views reach their session (client, frame bus,
 * UI store, metrics) through `useSession()`, never through a module; the page (its store, the
 * other sessions, the tooltip) through `usePage()`.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Session } from './session';
import type { Page, PageState } from './page';

const SessionContext = createContext<Session | null>(null);
const PageContext = createContext<Page | null>(null);

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function PageProvider({ page, children }: { page: Page; children: ReactNode }) {
  return <PageContext.Provider value={page}>{children}</PageContext.Provider>;
}

/** The session of the nearest SessionProvider. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a SessionProvider');
  return s;
}

export function usePage(): Page {
  const p = useContext(PageContext);
  if (!p) throw new Error('usePage outside a PageProvider');
  return p;
}

/** Page-level state (help, compare mode, the sessions shown), re-rendering on the selected part. */
export function usePageState<T>(selector: (s: PageState) => T): T {
  return useStore(usePage().store, selector);
}
