/** The Lessons menu: every lesson of the catalogue with its summary; choosing one opens it at its first step. */
import { useEffect, useRef } from 'react';
import { usePage, usePageState } from '../session/context';

export function LessonsMenu() {
  const page = usePage();
  const open = usePageState((p) => p.lessonMenuOpen);
  const loaded = usePageState((p) => p.lessonsLoaded);
  const firstRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open && !loaded) void page.lessons.load();
    if (open) firstRef.current?.focus();
  }, [open, loaded, page]);
  if (!open) return null;
  const { lessons, problems } = page.lessons.catalogue;
  const close = () => page.store.setState({ lessonMenuOpen: false });
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="lessons-title" onClick={(e) => e.target === e.currentTarget && close()}>
      <div className="overlay-card lessons-card">
        <h2 id="lessons-title">Lessons</h2>
        <p className="hint">Each lesson sets the simulation up step by step and says what to watch. Move with Next and Back, ← and →, or a remote&apos;s Page Up and Page Down.</p>
        {!loaded && <p className="muted" role="status">Loading the lessons…</p>}
        <ol className="lesson-list">
          {lessons.map((l, i) => (
            <li key={l.id}>
              <button ref={i === 0 ? firstRef : undefined} type="button" className="lesson-choice" onClick={() => void page.lessons.open(l.id)}>
                <span className="lesson-choice-title">{l.title}</span>
                <span className="lesson-choice-summary">
                  {l.summary} ({l.steps.length} steps)
                </span>
              </button>
            </li>
          ))}
        </ol>
        {problems.length > 0 && (
          <div role="alert" className="lesson-problem">
            <p>Some lesson files could not be read:</p>
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        <button type="button" className="btn" onClick={close}>
          Close
        </button>
      </div>
    </div>
  );
}
