/** The app shell: header, views laid out in a grid, the help overlay and error banners. */
import { useEffect } from 'react';
import { useUi } from './store';
import { simClient } from './simClient';
import { frameBus } from './frameBus';
import { useShortcuts } from './actions/useShortcuts';
import { Header } from './components/Header';
import { HelpOverlay } from './components/HelpOverlay';
import { ErrorBanner } from './components/ErrorBanner';
import { VIEWS } from './views';
import { TooltipLayer } from './components/Tooltip';
import { LiveText } from './components/LiveText';
import type { Frame } from '../worker/protocol';

const hash = (f: Frame) => f.traceHash;

export function App() {
  const seed = useUi((s) => s.seed);
  const config = useUi((s) => s.config);
  useShortcuts();

  useEffect(() => {
    simClient.start(config, seed);
  }, [config, seed]);

  useEffect(() => {
    frameBus.start();
    const off = frameBus.onAnimationFrame(() => simClient.pump());
    const onVisibility = () => simClient.visibilityChanged(document.hidden);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      off();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);

  return (
    <div className="app">
      <a className="skip-link" href="#main">Skip to the views</a>
      <Header />
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
      <HelpOverlay />
      <TooltipLayer />
    </div>
  );
}
