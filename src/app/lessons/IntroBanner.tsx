/**
 * The first visit's banner under the header, offering the introduction ("What am I seeing?",
 * Intro.tsx, loaded when opened) and the lessons. Dismissed once, it stays away.
 */
import { useState } from 'react';
import { usePage, usePageState } from '../session/context';
import { browserStorage } from '../store';

const SEEN_KEY = 'mos-explorer.intro-seen.v1';

function markSeen(): void {
  try {
    browserStorage()?.setItem(SEEN_KEY, '1');
  } catch {
    // storage denied: the banner simply shows again next time
  }
}

function seen(): boolean {
  try {
    return browserStorage()?.getItem(SEEN_KEY) === '1';
  } catch {
    return true;
  }
}

/** First visit only: a line under the header offering the introduction and the lessons. */
export function IntroBanner() {
  const page = usePage();
  const [show, setShow] = useState(() => !seen());
  const inLesson = usePageState((p) => p.lesson !== null);
  if (!show || inLesson) return null;
  const dismiss = () => {
    markSeen();
    setShow(false);
  };
  return (
    <div className="banner banner-intro" role="region" aria-label="Welcome">
      <span>New here? This is a simulated supercomputer node running two kernels at once.</span>
      <button type="button" className="btn btn-small btn-primary" onClick={() => (dismiss(), page.store.setState({ introOpen: true }))}>
        What am I seeing?
      </button>
      <button type="button" className="btn btn-small" onClick={() => (dismiss(), page.store.setState({ lessonMenuOpen: true }))}>
        Lessons
      </button>
      <button type="button" className="btn btn-small" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
