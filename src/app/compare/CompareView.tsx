/**
 * Compare mode: two sessions side by side in lockstep (the header's transport drives both),
 * one view chosen for both, the difference table and the settings that differ.
 */
import { SessionProvider, usePage, usePageState } from '../session/context';
import type { Session } from '../session/session';
import { COMPARE_VIEWS } from './compareViews';
import { ComparePane } from './ComparePane';
import { DiffTable } from './DiffTable';
import { SettingsDiffTable } from './SettingsDiffTable';
import './compare.css';

export function CompareView({ sessions }: { sessions: readonly Session[] }) {
  const page = usePage();
  const view = usePageState((p) => p.compareView);
  const [left, right] = sessions;
  return (
    <main id="main" className="compare">
      <div className="compare-bar" role="group" aria-label="View shown on both sides">
        <span className="compare-bar-label">Show</span>
        {COMPARE_VIEWS.map((v) => (
          <button key={v.id} type="button" className="btn btn-small" aria-pressed={v.id === view} onClick={() => page.store.setState({ compareView: v.id })}>
            {v.label}
          </button>
        ))}
        <span className="muted compare-hint">Same seed and workload; Play, Step and the speed drive both to the same simulated time.</span>
      </div>
      <div className="compare-panes" data-view={view}>
        {sessions.map((s, i) => (
          <SessionProvider key={s.id} session={s}>
            <ComparePane side={i === 0 ? 'Left' : 'Right'} view={view} />
          </SessionProvider>
        ))}
      </div>
      <div className="compare-tables">
        <DiffTable left={left} right={right} />
        <SettingsDiffTable left={left} right={right} />
      </div>
    </main>
  );
}
