import { StrictMode, Profiler } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

declare global {
  interface Window {
    /** Development builds count React commits so a test can check that frames do not render. */
    __reactCommits?: number;
  }
}

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
