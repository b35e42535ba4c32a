/** A button bound to a registry action: its label, enabled state and shortcut hint come from the registry. */
import { actionById } from '../actions/registry';
import { useUi } from '../store';

export function ActionButton({ id, className }: { id: string; className?: string }) {
  const action = actionById(id);
  const label = useUi((s) => action.label(s));
  const enabled = useUi((s) => action.enabled(s));
  return (
    <button
      type="button"
      className={className ?? 'btn'}
      disabled={!enabled}
      aria-keyshortcuts={action.keys.filter((k) => k.length === 1 && k !== ' ').join(' ') || undefined}
      title={action.keyHint ? `${label} (${action.keyHint})` : label}
      onClick={() => {
        const s = useUi.getState();
        if (action.enabled(s)) action.perform(s);
      }}
    >
      {label}
    </button>
  );
}
