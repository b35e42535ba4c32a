/** A region's "?": two sentences on what it shows and a link to the lesson that covers it. */
import { useEffect, useId, useState } from 'react';
import { usePage, usePageState } from '../session/context';
import { viewInfo } from '../views/viewInfo';

export function RegionHelp({ view }: { view: string }) {
  const page = usePage();
  const [open, setOpen] = useState(false);
  const id = useId();
  const info = viewInfo(view);
  // The lessons load after the first frame; opening the card asks for them if they are not there yet.
  usePageState((p) => p.lessonsLoaded);
  useEffect(() => {
    if (open) void page.lessons.load();
  }, [open, page]);
  if (!info) return null;
  const lesson = page.lessons.catalogue.byId(info.lesson);
  return (
    <div className="region-help">
      <button type="button" className="btn btn-icon region-help-button" aria-expanded={open} aria-controls={id} aria-label={`About ${info.title}`} onClick={() => setOpen((o) => !o)}>
        ?
      </button>
      {open && (
        <div id={id} className="region-help-card" role="note" aria-label={`About ${info.title}`}>
          <p>{info.about}</p>
          {lesson && (
            <button type="button" className="link-button" onClick={() => (setOpen(false), void page.lessons.open(lesson.id))}>
              Lesson: {lesson.title}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
