import { StrictMode, Profiler } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { simClient } from './simClient';
import { frameBus } from './frameBus';
import './styles.css';

declare global {
  interface Window {
    /** Development builds count React commits so a test can check that frames do not render. */
    __reactCommits?: number;
    /** A small handle for end-to-end tests and the curious (no simulation data flows through it). */
    mosExplorer?: {
      crashWorkerForTest(): void;
      hangWorkerForTest(ms: number): void;
      metrics(): Promise<Readonly<Record<string, unknown>> | null>;
      /** For bench:ui: animation frames seen and those that drew a new simulation frame, and the speeds. */
      frameStats(): { animationFrames: number; drewNewFrame: number; achievedSpeed: number; requestedSpeed: number; time: number };
    };
  }
}

window.mosExplorer = {
  crashWorkerForTest: () => simClient.crashForTest(),
  hangWorkerForTest: (ms) => simClient.hangForTest(ms),
  metrics: () => simClient.queryMetrics(),
  frameStats: () => ({
    ...frameBus.stats,
    achievedSpeed: frameBus.frame?.achievedSpeed ?? 0,
    requestedSpeed: frameBus.frame?.requestedSpeed ?? 0,
    time: frameBus.frame?.time ?? 0,
  }),
};

const root = createRoot(document.getElementById('root')!);
if (import.meta.env.DEV) {
  window.__reactCommits = 0;
  root.render(
    <StrictMode>
      <Profiler id="app" onRender={() => void (window.__reactCommits = (window.__reactCommits ?? 0) + 1)}>
        <App />
      </Profiler>
    </StrictMode>,
  );
} else {
  root.render(<App />);
}
