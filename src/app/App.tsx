/**
 * The app shell: header, the views of the left session laid out in a grid (or, in compare mode,
 * both sessions side by side), the help overlay and error banners. Everything below reaches its
 * session through context: the header and the single page use the left one.
 */
import { lazy, Suspense, useEffect } from 'react';
import { useUi } from './store';
import { useShortcuts } from './actions/useShortcuts';
import './travel/travelActions';
import { Header } from './components/Header';
import { HelpOverlay } from './components/HelpOverlay';
import { ErrorBanner } from './components/ErrorBanner';
import { VIEWS } from './views';
import { TooltipLayer } from './components/Tooltip';
import { LiveText } from './components/LiveText';
import { SessionProvider, usePage, usePageState } from './session/context';
import type { Frame } from '../worker/protocol';

const hash = (f: Frame) => f.traceHash;

// Compare mode's own code loads when it is first opened (the initial JavaScript stays small).
const CompareView = lazy(() => import('./compare/CompareView').then((m) => ({ default: m.CompareView })));

export function App() {
  const page = usePage();
  const sessions = usePageState((p) => p.sessions);
  useShortcuts();

  useEffect(() => {
    page.start();
    const onVisibility = () => page.visibilityChanged(document.hidden);
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [page]);

  return (
    <SessionProvider session={sessions[0]}>
      <div className="app">
        <a className="skip-link" href="#main">Skip to the views</a>
        <Header />
        {sessions.length > 1 ? (
          <Suspense fallback={<main id="main" className="compare"><p className="muted">Opening compare mode…</p></main>}>
            <CompareView sessions={sessions} />
          </Suspense>
        ) : (
          <SinglePage key={sessions[0].id} />
        )}
        <HelpOverlay />
        <TooltipLayer />
      </div>
    </SessionProvider>
  );
}

/** The normal page: every view of one session. */
function SinglePage() {
  const seed = useUi((s) => s.seed);
  const config = useUi((s) => s.config);
  return (
    <>
      <ErrorBanner />
      <main id="main" className="views">
        {VIEWS.map(({ id, component: View, wide }) => (
          <div key={id} className={wide ? 'view-slot view-wide' : 'view-slot'} data-view={id}>
            <View config={config} />
          </div>
        ))}
      </main>
      <footer className="footer">
        <span>
          seed {seed} · trace <LiveText label="Trace hash" format={hash} className="mono" />
        </span>
        <span>Press <kbd>?</kbd> for keyboard shortcuts</span>
      </footer>
    </>
  );
}
