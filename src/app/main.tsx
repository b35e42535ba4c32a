import { StrictMode, Profiler } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { Page } from './session/page';
import { PageProvider } from './session/context';
import { browserStorage, storedSettingsHaveOptions } from './store';
import { loadOptionSyntaxes } from './optionSyntaxes';
import { installTestHook } from './testHook';
import { LINK_PREFIX } from './share/linkPrefix';
import './styles.css';
import { MIN_TEXT_PX } from './views/type';

declare global {
  interface Window {
    /** Development builds count React commits so a test can check that frames do not render. */
    __reactCommits?: number;
  }
}

// The one page object: created here and handed down through context (no module singletons).
const location = {
  get hash() {
    return window.location.hash;
  },
  // replaceState: a lesson's steps are not history entries (Back leaves the page, as before).
  replace: (hash: string) => history.replaceState(history.state, '', hash || `${window.location.pathname}${window.location.search}`),
};
// Settings or a link that carry design options wait for the options' parsers (not in the first script).
const storage = browserStorage();
const hash = window.location.hash;
if (hash.startsWith(LINK_PREFIX) || storedSettingsHaveOptions(storage)) await loadOptionSyntaxes();
// A shared state in the address (#mosx=...) is opened; a broken one is named in a notice. The
// reader loads only when there is a fragment to read.
const link = hash === '' || hash === '#' ? null : (await import('./share/sharedState')).parseFragment(hash);
const page = new Page(storage, link, location);
installTestHook(window, page);

// The minimum text size is defined once (views/type.ts); the style sheets read it as --text-min.
document.documentElement.style.setProperty('--text-min', `${MIN_TEXT_PX}px`);

const root = createRoot(document.getElementById('root')!);
const app = (
  <PageProvider page={page}>
    <App />
  </PageProvider>
);
if (import.meta.env.DEV) {
  window.__reactCommits = 0;
  root.render(
    <StrictMode>
      <Profiler id="app" onRender={() => void (window.__reactCommits = (window.__reactCommits ?? 0) + 1)}>
        {app}
      </Profiler>
    </StrictMode>,
  );
} else {
  root.render(app);
}
