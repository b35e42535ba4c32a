/**
 * "What am I seeing?": a two-minute introduction (what a lightweight and a full-weight kernel
 * are, why mOS runs both on one node, what each region shows, with the lesson that covers it).
 * On a first visit a banner offers it; the header's button and the I key reopen it.
 */
import { useEffect, useRef } from 'react';
import { usePage, usePageState } from '../session/context';
import { VIEW_INFO } from '../views/viewInfo';

export function Intro() {
  const page = usePage();
  const open = usePageState((p) => p.introOpen);
  usePageState((p) => p.lessonsLoaded); // the lessons' titles show once they have loaded
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) void page.lessons.load();
    if (open) closeRef.current?.focus();
  }, [open, page]);
  if (!open) return null;
  const close = () => page.store.setState({ introOpen: false });
  const lessonTitle = (id: string) => page.lessons.catalogue.byId(id)?.title;
  const openLesson = (id: string) => {
    close();
    void page.lessons.open(id);
  };
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="intro-title" onClick={(e) => e.target === e.currentTarget && close()}>
      <div className="overlay-card intro-card">
        <h2 id="intro-title">What am I seeing?</h2>
        <p>
          One <strong>compute node</strong> of a supercomputer, simulated event by event. Every CPU of the node runs the same parallel program, and the program is only as fast as its slowest CPU on its slowest node.
        </p>
        <p>
          A <strong>full-weight kernel</strong> (Linux) does everything an operating system does: timer ticks, kernel daemons, device interrupts, memory mapped page by page on first touch. Each of these takes a little time from the application on the CPU where it lands: <em>noise</em>. A <strong>lightweight kernel</strong> (LWK) does only what the application needs, maps its memory once in large pages and never interrupts it, but it lacks most of Linux&apos;s services.
        </p>
        <p>
          <strong>mOS runs both on one node</strong>: the LWK on most CPUs, for the application; Linux on a few, for everything else. A system call the LWK does not implement is shipped to Linux through a shared-memory channel and served there by a proxy, and file I/O may leave the node for an OS node. The regions of the page show each part of that story:
        </p>
        <dl className="intro-regions">
          {VIEW_INFO.map((v) => (
            <div key={v.id}>
              <dt>{v.title}</dt>
              <dd>
                {v.about}{' '}
                {lessonTitle(v.lesson) && (
                  <button type="button" className="link-button" onClick={() => openLesson(v.lesson)}>
                    Lesson: {lessonTitle(v.lesson)}
                  </button>
                )}
              </dd>
            </div>
          ))}
        </dl>
        <p className="hint">Play and Step drive the simulation; the speed slider sets how much simulated time passes per second. Press ? for every keyboard shortcut.</p>
        <div className="overlay-actions">
          <button type="button" className="btn btn-primary" onClick={() => (close(), page.store.setState({ lessonMenuOpen: true }))}>
            Lessons
          </button>
          <button ref={closeRef} type="button" className="btn" onClick={close}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
