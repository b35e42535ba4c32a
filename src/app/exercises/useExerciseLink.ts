/** Keeps the page's open exercise and the `#exercise=…&seed=…` link in step, both ways. */
import { useEffect } from 'react';
import type { Page } from '../session/page';
import { readExerciseLink, sameRequest, writeExerciseLink } from './exerciseLink';

export function useExerciseLink(page: Page): void {
  useEffect(() => {
    const fromHash = () => {
      const wanted = readExerciseLink(window.location.hash);
      if (wanted && !sameRequest(wanted, page.store.getState().exercise)) page.store.setState({ exercise: wanted });
    };
    fromHash();
    window.addEventListener('hashchange', fromHash);
    const unsubscribe = page.store.subscribe((s, prev) => {
      if (sameRequest(s.exercise, prev.exercise)) return;
      const hash = writeExerciseLink(window.location.hash, s.exercise);
      if (hash !== window.location.hash && !(hash === '' && window.location.hash === '#')) {
        // Replace, not push: choosing a seed should not fill the Back button's history.
        window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
      }
    });
    return () => {
      window.removeEventListener('hashchange', fromHash);
      unsubscribe();
    };
  }, [page]);
}
