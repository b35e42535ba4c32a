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
import { ErrorBanner } from './components/ErrorBanner';
import { VIEWS } from './views';
import { TooltipLayer } from './components/Tooltip';
import { LiveText } from './components/LiveText';
import { SessionProvider, usePage, usePageState } from './session/context';
import type { Frame } from '../worker/protocol';
import { LessonPanel } from './lessons/LessonPanel';
import { LessonsMenu } from './lessons/LessonsMenu';
import { IntroBanner } from './lessons/IntroBanner';
import { RegionTools } from './regions/RegionTools';
import { useLessonHighlights } from './lessons/useLessonHighlights';
import './lessons/lessons.css';
import { useExerciseLink } from './exercises/useExerciseLink';
import { useAfterFirstFrame } from './views/useAfterFirstFrame';

const hash = (f: Frame) => f.traceHash;

// Compare mode's own code loads when it is first opened (the initial JavaScript stays small).
const CompareView = lazy(() => import('./compare/CompareView').then((m) => ({ default: m.CompareView })));
// So does the Exercises panel (with the engine code that answers its questions).
const ExercisesPanel = lazy(() => import('./exercises/ExercisesPanel').then((m) => ({ default: m.ExercisesPanel })));
// The keyboard shortcuts and the introduction, when they are opened.
const HelpOverlay = lazy(() => import('./components/HelpOverlay').then((m) => ({ default: m.HelpOverlay })));
const Intro = lazy(() => import('./lessons/Intro').then((m) => ({ default: m.Intro })));
// And presenter mode.
const Presenter = lazy(() => import('./presenter/Presenter').then((m) => ({ default: m.Presenter })));

export function App() {
  const page = usePage();
  const sessions = usePageState((p) => p.sessions);
  const exerciseOpen = usePageState((p) => p.exercise !== null);
  const presenting = usePageState((p) => p.presenter !== null);
  const helpOpen = usePageState((p) => p.helpOpen);
  const introOpen = usePageState((p) => p.introOpen);
  const help = helpOpen && (
    <Suspense fallback={null}>
      <HelpOverlay />
    </Suspense>
  );
  const viewsReady = useAfterFirstFrame(page);
  // The lessons' files load with the deferred views (the menu, a region's "?" and a link ask sooner).
  useEffect(() => {
    if (viewsReady) void page.lessons.load();
  }, [viewsReady, page]);
  useShortcuts();
  useExerciseLink(page);

  useEffect(() => {
    page.start();
    const onVisibility = () => page.visibilityChanged(document.hidden);
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [page]);

  if (presenting) {
    return (
      <SessionProvider session={sessions[0]}>
        <Suspense fallback={<p className="muted">Opening presenter mode…</p>}>
          <Presenter />
        </Suspense>
        {help}
        <TooltipLayer />
      </SessionProvider>
    );
  }
  return (
    <SessionProvider session={sessions[0]}>
      <div className="app">
        <a className="skip-link" href="#main">Skip to the views</a>
        <Header />
        {exerciseOpen && (
          <Suspense fallback={<p className="muted">Opening the exercises…</p>}>
            <ExercisesPanel />
          </Suspense>
        )}
        {sessions.length > 1 ? (
          <Suspense fallback={<main id="main" className="compare"><p className="muted">Opening compare mode…</p></main>}>
            <CompareView sessions={sessions} />
          </Suspense>
        ) : (
          <SinglePage key={sessions[0].id} deferredViews={viewsReady} />
        )}
        <LessonPanel />
        {help}
        <LessonsMenu />
        {introOpen && (
          <Suspense fallback={null}>
            <Intro />
          </Suspense>
        )}
        <TooltipLayer />
      </div>
    </SessionProvider>
  );
}

/** The normal page: every view of one session (the deferred ones once `deferredViews`). */
function SinglePage({ deferredViews }: { deferredViews: boolean }) {
  const seed = useUi((s) => s.seed);
  const config = useUi((s) => s.config);
  const highlighted = useLessonHighlights();
  return (
    <>
      <IntroBanner />
      <ErrorBanner />
      <main id="main" className="views">
        {VIEWS.map(({ id, component: View, wide, deferred }) => (
          <div key={id} className={`view-slot${wide ? ' view-wide' : ''}${highlighted.includes(id) ? ' lesson-highlight' : ''}`} data-view={id}>
            {/* A slot without its panel yet takes no room (styles.css). */}
            {(!deferred || deferredViews) && (
              <Suspense fallback={null}>
                <View config={config} />
              </Suspense>
            )}
            <RegionTools view={id} />
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
