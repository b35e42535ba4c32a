/** One side of compare mode: its session's preset, clock, events and trace hash, its banners, and the chosen view. */
import { formatClock } from '../../engine/kernel/time';
import type { Frame } from '../../worker/protocol';
import { useUi } from '../store';
import { LiveText } from '../components/LiveText';
import { ErrorBanner } from '../components/ErrorBanner';
import { PresetSelect } from '../components/PresetSelect';
import { formatCount } from '../format';
import type { CompareViewId } from '../session/page';
import { COMPARE_VIEWS } from './compareViews';

const clock = (f: Frame) => formatClock(f.time);
const events = (f: Frame) => formatCount(f.eventCount);
const hash = (f: Frame) => f.traceHash;

export function ComparePane({ side, view }: { side: 'Left' | 'Right'; view: CompareViewId }) {
  const config = useUi((s) => s.config);
  const edited = useUi((s) => Object.keys(s.edits).length > 0);
  const View = (COMPARE_VIEWS.find((v) => v.id === view) ?? COMPARE_VIEWS[0]).component;
  return (
    <section className="compare-pane" aria-label={`${side} session`}>
      <div className="pane-head">
        <h2 className="pane-side">{side}</h2>
        <PresetSelect label={`${side} preset`} />
        {edited && <span className="pane-edited" title="Settings changed in this side's Configuration view">edited</span>}
        <div className="pane-stats">
          <span className="stat-label">time</span>
          <LiveText label="Simulated time" format={clock} className="mono" />
          <span className="stat-label">events</span>
          <LiveText label="Event count" format={events} className="mono" />
          <span className="stat-label">trace</span>
          <LiveText label="Trace hash" format={hash} className="mono pane-hash" />
        </div>
      </div>
      <ErrorBanner />
      <div className="pane-view" data-view={view}>
        <View config={config} />
      </div>
    </section>
  );
}
