/**
 * The visually hidden twin of a canvas view: the same numbers as a table, for screen readers
 * and tests. Its body is rewritten from frames with DOM calls (no React render, no HTML strings),
 * at most once a second while running and at once after a step.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { useSession } from '../session/context';
import type { Frame } from '../../worker/protocol';
import { writeRows } from './writeRows';

const MIN_INTERVAL_MS = 1000;

export function useHiddenTableWriter(rows: (f: Frame) => string[][]): RefObject<HTMLTableSectionElement | null> {
  const ref = useRef<HTMLTableSectionElement>(null);
  const { bus } = useSession();
  useEffect(() => {
    let lastWrite = -Infinity;
    let lastSeq = -1;
    return bus.subscribe((frame, now) => {
      if (frame.seq === lastSeq || (frame.running && now - lastWrite < MIN_INTERVAL_MS)) return;
      const body = ref.current;
      if (!body) return;
      lastWrite = now;
      lastSeq = frame.seq;
      writeRows(body, rows(frame));
    });
  }, [rows, bus]);
  return ref;
}

export function HiddenTable({ caption, columns, tableRef }: { caption: string; columns: readonly string[]; tableRef: RefObject<HTMLTableSectionElement | null> }) {
  return (
    <div className="visually-hidden">
      <table aria-label={caption}>
        <caption>{caption}</caption>
        <thead>
          <tr>{columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
        </thead>
        <tbody ref={tableRef} />
      </table>
    </div>
  );
}
