/** A button bound to a registry action for the session in context: label, enabled state and shortcut hint come from the registry. */
import { actionById, runAction } from '../actions/registry';
import { useUi } from '../store';
import { usePage, usePageState, useSession } from '../session/context';

export function ActionButton({ id, className }: { id: string; className?: string }) {
  const action = actionById(id);
  const session = useSession();
  const page = usePage();
  const pageState = usePageState((p) => p);
  const label = useUi((s) => action.label(s, pageState));
  const enabled = useUi((s) => action.enabled(s, pageState));
  return (
    <button
      type="button"
      className={className ?? 'btn'}
      disabled={!enabled}
      aria-keyshortcuts={action.keys.filter((k) => k.length === 1 && k !== ' ').join(' ') || undefined}
      title={action.keyHint ? `${label} (${action.keyHint})` : label}
      onClick={() => runAction(action, { session, page })}
    >
      {label}
    </button>
  );
}
