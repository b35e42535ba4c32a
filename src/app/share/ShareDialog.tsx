/**
 * The Share dialog (opened by ShareButton.tsx, a chunk of its own): a link to this exact state (text field "Link", Copy) and the same state
 * as a `.mosx.json` file to save or open (for command logs too long for a link). The link is
 * made when the dialog opens, from the page's run (settings, injections, time) and open views.
 */
import { useEffect, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { usePage } from '../session/context';
import { saveFile } from '../saveFile';
import { currentState } from './capture';
import { loadOptionSyntaxes } from '../optionSyntaxes';
import { MAX_FILE_BYTES, MAX_LINK_CHARS, parseStateText, stateFragment, stateJson, type SharedState } from './sharedState';
import type { SharedViews } from './sharedViews';
import './share.css';

function linkTo(state: SharedState): string {
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}${stateFragment(state)}`;
}

/** The open views the link also carries, in words (", in compare mode, with lesson step 3"). */
function openViews(v: SharedViews): string {
  const parts = [
    v.compare && `compare mode (against ${v.compare.preset})`,
    v.presenter && 'presenter mode',
    v.timeline && 'the Timeline\'s zoom',
    v.lesson && `the lesson at step ${v.lesson.step + 1}`,
    v.exercise && `the exercise (${v.exercise.topic}, seed ${v.exercise.seed})`,
  ].filter((x): x is string => typeof x === 'string');
  return parts.length === 0 ? '' : `, and ${parts.join(', ')}`;
}

export function ShareDialog({ onClose }: { onClose: () => void }) {
  const page = usePage();
  const [state] = useState(() => currentState(page));
  const link = linkTo(state);
  const tooLong = link.length - link.indexOf('#') > MAX_LINK_CHARS;
  const [status, setStatus] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setStatus('The link is copied.');
    } catch {
      field.current?.select();
      setStatus('The browser did not allow copying: the link is selected, copy it with Ctrl+C.');
    }
  };

  const save = () => {
    const name = `${state.preset}-${state.time}ns.mosx.json`;
    saveFile(new Blob([stateJson(state)], { type: 'application/json' }), name);
    setStatus(`Saved as ${name}.`);
  };

  const openFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setStatus(`${file.name} is ${(file.size / 1e6).toFixed(1)} MB, more than the ${MAX_FILE_BYTES / 1024 / 1024} MB a state file may be.`);
      return;
    }
    const text = await file.text();
    await loadOptionSyntaxes(); // its settings may carry design options
    const parsed = parseStateText(text, file.name);
    if (!parsed.ok) {
      setStatus(`${file.name} could not be opened: ${parsed.errors.join('; ')}`);
      return;
    }
    void page.openShared(parsed.state);
    onClose();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  };

  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="share-title" onKeyDown={onKeyDown}>
      <div className="overlay-card share-card">
        <h2 id="share-title">Share this moment</h2>
        <p className="hint">
          The link opens this run exactly: the preset, your settings, the seed, the {state.commands.length} injection{state.commands.length === 1 ? '' : 's'}, the time shown{openViews(state.views)}.
        </p>
        <label className="share-link">
          <span>Link</span>
          <input ref={field} type="text" readOnly value={link} className="mono" aria-describedby={tooLong ? 'share-too-long' : undefined} />
        </label>
        {tooLong && (
          <p id="share-too-long" className="share-warning">This link is longer than a page opens ({Math.round(MAX_LINK_CHARS / 1000)} kB): save the state as a file instead.</p>
        )}
        <div className="share-actions">
          <button type="button" className="btn btn-primary" onClick={() => void copy()}>Copy</button>
          <button type="button" className="btn" onClick={save}>Save as file</button>
          <button type="button" className="btn" onClick={() => fileInput.current?.click()}>Open a file…</button>
          <input ref={fileInput} type="file" accept=".json,application/json" hidden aria-label="State file to open" onChange={(e) => void openFile(e)} />
          <button type="button" className="btn" onClick={onClose}>Close</button>
        </div>
        <p className="share-status" role="status">{status}</p>
      </div>
    </div>
  );
}
