/** The `?` overlay: every action of the registry with its keys. */
import { useEffect, useRef } from 'react';
import { ACTIONS } from '../actions/registry';
import { useUi } from '../store';
import { usePage, usePageState } from '../session/context';

export function HelpOverlay() {
  const page = usePage();
  const pageState = usePageState((p) => p);
  const open = pageState.helpOpen;
  const state = useUi((s) => s);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="help-title">
      <div className="overlay-card">
        <h2 id="help-title">Keyboard shortcuts</h2>
        <table className="help-table">
          <thead>
            <tr><th scope="col">Action</th><th scope="col">Keys</th></tr>
          </thead>
          <tbody>
            {ACTIONS.filter((a) => a.keyHint).map((a) => (
              <tr key={a.id}>
                <td>{a.helpName ?? a.label(state, pageState)}</td>
                <td><kbd>{a.keyHint}</kbd></td>
              </tr>
            ))}
            <tr><td>Close this help</td><td><kbd>Esc</kbd></td></tr>
          </tbody>
        </table>
        <p className="hint">Shortcuts are ignored while you type in a text field. In compare mode they drive both sides.</p>
        <button ref={closeRef} type="button" className="btn" onClick={() => page.store.setState({ helpOpen: false })}>
          Close
        </button>
      </div>
    </div>
  );
}
