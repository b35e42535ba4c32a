/** Shown when the worker crashed, failed to read a message, or fell silent: offers a restart. */
import { restorePreviousEdits, useUi } from '../store';
import { useSession } from '../session/context';
import { ActionButton } from './ActionButton';

export function ErrorBanner() {
  const error = useUi((s) => s.workerError);
  const notice = useUi((s) => s.notice);
  const previous = useUi((s) => s.previousEdits);
  const { store } = useSession();
  return (
    <>
      {error && (
        <div className="banner banner-error" role="alert">
          <span>{error} Your configuration is kept.</span>
          <ActionButton id="restart-worker" />
          {previous !== null && (
            <button type="button" className="btn btn-small" onClick={() => restorePreviousEdits(store)}>Restore the previous settings</button>
          )}
        </div>
      )}
      {notice && (
        <div className="banner banner-notice" role="status" aria-label="Notice">
          <span>{notice}</span>
          <button type="button" className="btn btn-small" onClick={() => store.setState({ notice: null })}>Dismiss</button>
        </div>
      )}
    </>
  );
}
