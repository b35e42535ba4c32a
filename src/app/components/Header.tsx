/** The top bar: preset, transport controls, speed, the clock, the event counter and the last event. */
import { PRESET_NAMES, PRESET_TITLES } from '../../engine/config/presets';
import { formatClock } from '../../engine/kernel/time';
import type { Frame } from '../../worker/protocol';
import { choosePreset, useUi } from '../store';
import { ActionButton } from './ActionButton';
import { LiveText } from './LiveText';
import { SpeedSlider } from './SpeedSlider';
import { SeedField } from './SeedField';
import { ImportExport } from './ImportExport';
import { formatCount } from '../format';

const clock = (f: Frame) => formatClock(f.time);
const events = (f: Frame) => formatCount(f.eventCount);
const lastEvent = (f: Frame) => (f.lastEvent ? f.lastEvent.description : 'no event yet');

export function Header() {
  const presetName = useUi((s) => s.presetName);
  return (
    <header className="header">
      <div className="brand">
        <h1>mOS Explorer</h1>
        <label className="preset">
          <span className="visually-hidden">Preset</span>
          <select aria-label="Preset" value={presetName} onChange={(e) => choosePreset(e.currentTarget.value)}>
            {PRESET_NAMES.map((n) => (
              <option key={n} value={n}>{PRESET_TITLES[n] ?? n}</option>
            ))}
          </select>
        </label>
        <SeedField />
      </div>
      <div className="transport" role="group" aria-label="Simulation controls">
        <ActionButton id="play" className="btn btn-primary" />
        <ActionButton id="step" />
        <ActionButton id="reset" />
        <SpeedSlider />
      </div>
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
      <ImportExport />
      <ActionButton id="help" className="btn btn-icon" />
    </header>
  );
}
