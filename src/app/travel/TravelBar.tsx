/**
 * Time travel on the Timeline region: a scrubber over the run so far (from 0 to the furthest
 * time reached), a "Go to time" field (2ms, 1.5s, 350us) and Step back. A seek pauses the run
 * and restores the nearest checkpoint in the worker; every view then shows that time. The
 * scrubber follows the frames without React renders (at most ten writes a second).
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { formatDuration } from '../../engine/kernel/time';
import { usePageState, useSession } from '../session/context';
import { ActionButton } from '../components/ActionButton';
import { parseSimTime } from './parseTime';
import './travel.css';

const WRITE_MS = 100;
/** While dragging, a seek at most this often (each restores and replays in the worker). */
const DRAG_SEEK_MS = 120;

export function TravelBar() {
  const { bus, client } = useSession();
  const scrubber = useRef<HTMLInputElement>(null);
  const rangeText = useRef<HTMLSpanElement>(null);
  const dragging = useRef(false);
  const lastSeek = useRef(0);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  // Compare mode's lockstep moves both runs together: no time travel there yet.
  const comparing = usePageState((p) => p.sessions.length > 1);

  useEffect(() => {
    let lastWrite = -Infinity;
    let lastSeq = -1;
    return bus.subscribe((frame, now) => {
      const el = scrubber.current;
      // Only a new frame moves the thumb (never one the user is moving).
      if (!el || dragging.current || frame.seq === lastSeq || (frame.running && now - lastWrite < WRITE_MS)) return;
      lastWrite = now;
      lastSeq = frame.seq;
      const max = String(Math.max(frame.frontier, frame.time));
      if (el.max !== max) el.max = max;
      if (el.value !== String(frame.time)) el.value = String(frame.time);
      el.setAttribute('aria-valuetext', formatDuration(frame.time));
      const range = `0 – ${formatDuration(Math.max(frame.frontier, frame.time))}`;
      if (rangeText.current && rangeText.current.textContent !== range) rangeText.current.textContent = range;
    });
  }, [bus]);

  const seekTo = (ns: number) => {
    lastSeek.current = performance.now();
    client.seek(ns);
  };

  const onScrub = (final: boolean) => {
    const el = scrubber.current;
    if (!el) return;
    if (final || performance.now() - lastSeek.current >= DRAG_SEEK_MS) seekTo(Math.round(Number(el.value)));
  };

  /** Keys move by a share of the run (a range input's own step would be one nanosecond). */
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const el = e.currentTarget;
    const max = Number(el.max), value = Number(el.value);
    const small = Math.max(1000, Math.round(max / 200)), big = Math.max(1000, Math.round(max / 10));
    const moves: Record<string, number> = {
      ArrowLeft: value - small, ArrowDown: value - small, ArrowRight: value + small, ArrowUp: value + small,
      PageDown: value - big, PageUp: value + big, Home: 0, End: max,
    };
    const next = moves[e.key];
    if (next === undefined) return;
    e.preventDefault();
    e.stopPropagation(); // not Step back (Page Up) or Step (→) as well
    const clamped = Math.min(max, Math.max(0, next));
    el.value = String(clamped);
    seekTo(clamped);
  };

  const onGo = (e: FormEvent) => {
    e.preventDefault();
    const r = parseSimTime(text);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    seekTo(r.ns);
  };

  if (comparing) return null;
  return (
    <div className="travel" role="group" aria-label="Time travel">
      <label className="travel-scrub">
        <span className="travel-label">Run so far</span>
        <input
          ref={scrubber}
          type="range"
          min={0}
          max={0}
          step={1}
          defaultValue={0}
          aria-label="Scrub the run so far"
          onPointerDown={() => (dragging.current = true)}
          onInput={() => onScrub(false)}
          onChange={() => onScrub(false)}
          onPointerUp={() => {
            dragging.current = false;
            onScrub(true);
          }}
          onKeyDown={onKeyDown}
        />
        <span ref={rangeText} className="travel-range mono" />
      </label>
      <form className="travel-go" onSubmit={onGo} noValidate>
        <label>
          <span className="travel-label">Go to time</span>
          <input
            type="text"
            className="travel-input mono"
            value={text}
            placeholder="2ms"
            spellCheck={false}
            aria-invalid={error !== null}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <button type="submit" className="btn btn-small">Go</button>
      </form>
      <ActionButton id="step-back" className="btn btn-small" />
      {error && (
        <p id={errorId} className="travel-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
