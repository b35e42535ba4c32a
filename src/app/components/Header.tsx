/**
 * The top bar: preset, transport controls, speed, the clock, the event counter and the last
 * event, and the Compare button. In compare mode the transport drives both sessions and each
 * pane shows its own preset and clock (compare/ComparePane.tsx).
 */
import { formatClock } from '../../engine/kernel/time';
import type { Frame } from '../../worker/protocol';
import { usePageState } from '../session/context';
import { ActionButton } from './ActionButton';
import { LiveText } from './LiveText';
import { SpeedSlider } from './SpeedSlider';
import { SeedField } from './SeedField';
import { ImportExport } from './ImportExport';
import { PresetSelect } from './PresetSelect';
import { formatCount } from '../format';
import { ShareButton } from '../share/ShareButton';

const clock = (f: Frame) => formatClock(f.time);
const events = (f: Frame) => formatCount(f.eventCount);
const lastEvent = (f: Frame) => (f.lastEvent ? f.lastEvent.description : 'no event yet');

export function Header() {
  const comparing = usePageState((p) => p.sessions.length > 1);
  return (
    <header className="header">
      <div className="brand">
        <h1>mOS Explorer</h1>
        {!comparing && <PresetSelect label="Preset" />}
        <SeedField />
      </div>
      <div className="transport" role="group" aria-label="Simulation controls">
        <ActionButton id="play" className="btn btn-primary" />
        <ActionButton id="step" />
        <ActionButton id="reset" />
        <SpeedSlider />
      </div>
      {!comparing && (
        <div className="status">
          <div className="stat">
            <span className="stat-label">time</span>
            <LiveText label="Simulated time" format={clock} className="stat-value mono" />
          </div>
          <div className="stat">
            <span className="stat-label">events</span>
            <LiveText label="Event count" format={events} className="stat-value mono" />
          </div>
          <div className="stat stat-wide">
            <span className="stat-label">last event</span>
            <LiveText label="Last event" format={lastEvent} className="stat-value last-event" />
          </div>
        </div>
      )}
      <div className="compare-actions" role="group" aria-label="Compare">
        <ActionButton id="compare" />
        {comparing && <ActionButton id="swap" />}
      </div>
      {!comparing && <ImportExport />}
      <ShareButton />
      {!comparing && <ActionButton id="export-page" />}
      <div className="learn-actions" role="group" aria-label="Learn">
        <ActionButton id="lessons" />
        <ActionButton id="exercises" />
        <ActionButton id="intro" />
        {!comparing && <ActionButton id="presenter" />}
      </div>
      <ActionButton id="help" className="btn btn-icon" />
    </header>
  );
}
