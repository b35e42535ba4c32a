/**
 * The lesson being followed: its step's title, what to watch, "Try this", and Back / Next (the
 * same actions as ← → and a remote's Page Up / Page Down). Docked along the bottom of the
 * window, full width: the page scrolls above it, so it never covers the view it points at.
 */
import { useEffect, useRef } from 'react';
import { usePage, usePageState } from '../session/context';
import { ActionButton } from '../components/ActionButton';

/** Keeps `--lesson-dock` equal to the panel's height, so the page leaves that room below the views. */
function useDockHeight(ref: React.RefObject<HTMLElement | null>, active: boolean): void {
  useEffect(() => {
    const el = ref.current;
    if (!active || !el) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty('--lesson-dock', `${Math.ceil(el.getBoundingClientRect().height)}px`));
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--lesson-dock');
    };
  }, [ref, active]);
}

export function LessonPanel() {
  const page = usePage();
  const position = usePageState((p) => p.lesson);
  const panelRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const current = position && page.lessons.catalogue.byId(position.id);
  const step = current ? current.steps[position.step] : null;
  useDockHeight(panelRef, step !== null);
  // A new step takes the focus to its heading, so a screen reader reads it and Tab starts there.
  useEffect(() => {
    if (step) headingRef.current?.focus({ preventScroll: true });
  }, [step]);
  if (!position || !current || !step) return null;
  return (
    <aside ref={panelRef} className="lesson-panel" aria-label="Lesson">
      <div className="lesson-main">
        <p className="lesson-name">
          {current.title} · step {position.step + 1} of {position.steps}
        </p>
        <h2 ref={headingRef} tabIndex={-1} className="lesson-title" aria-live="polite">
          {step.title}
        </h2>
        <p className="lesson-text">{step.text}</p>
        {position.problem && (
          <p className="lesson-problem" role="alert">
            {position.problem}
          </p>
        )}
      </div>
      <div className="lesson-side">
        {step.tryThis && (
          <div className="lesson-try">
            <p>
              <strong>Try this:</strong> {step.tryThis.change}
            </p>
            <p>
              <strong>Question:</strong> {step.tryThis.question}
            </p>
          </div>
        )}
        <div className="lesson-nav" role="group" aria-label="Lesson steps">
          <button type="button" className="btn" onClick={() => page.lessons.close()}>
            Close lesson
          </button>
          <ActionButton id="lesson-back" />
          <ActionButton id="lesson-next" className="btn btn-primary" />
        </div>
      </div>
    </aside>
  );
}
