/**
 * Text drawn from frames (the clock, counters) written straight to the DOM, at most ten
 * times a second while running, without React renders.
 */
import { useEffect, useRef } from 'react';
import { useSession } from '../session/context';
import type { Frame } from '../../worker/protocol';

const MIN_INTERVAL_MS = 100;

export function LiveText({ label, format, className }: { label: string; format: (f: Frame) => string; className?: string }) {
  const ref = useRef<HTMLOutputElement>(null);
  const { bus } = useSession();
  useEffect(() => {
    let lastWrite = -Infinity;
    let lastSeq = -1;
    return bus.subscribe((frame, now) => {
      if (frame.seq === lastSeq) return;
      if (frame.running && now - lastWrite < MIN_INTERVAL_MS) return;
      const el = ref.current;
      if (!el) return;
      const text = format(frame);
      if (el.textContent !== text) el.textContent = text;
      lastWrite = now;
      lastSeq = frame.seq;
    });
  }, [format, bus]);
  // aria-live off: these change up to ten times a second and must not be announced each time.
  return <output ref={ref} aria-label={label} aria-live="off" className={className} />;
}
