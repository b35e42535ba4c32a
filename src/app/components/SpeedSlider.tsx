/** Logarithmic speed control: from slow motion (1 µs of simulated time per second) to 10 s per second. */
import { useId } from 'react';
import { setSpeed } from '../actions/registry';
import { useUi, SPEED_MAX, SPEED_MIN } from '../store';
import { useSession } from '../session/context';
import { formatSpeed } from '../format';
import { LiveText } from './LiveText';
import type { Frame } from '../../worker/protocol';

const STEPS = 1000;
const LOG_MIN = Math.log10(SPEED_MIN);
const LOG_SPAN = Math.log10(SPEED_MAX) - LOG_MIN;

export const speedToSlider = (speed: number) => Math.round(((Math.log10(speed) - LOG_MIN) / LOG_SPAN) * STEPS);
export const sliderToSpeed = (value: number) => 10 ** (LOG_MIN + (value / STEPS) * LOG_SPAN);

/** Shown only when the engine cannot keep up with the requested speed. */
function achieved(f: Frame): string {
  if (!f.running || f.achievedSpeed <= 0 || f.achievedSpeed >= 0.9 * f.requestedSpeed) return '';
  return `achieved ${formatSpeed(f.achievedSpeed)}`;
}

export function SpeedSlider() {
  const speed = useUi((s) => s.speed);
  const id = useId();
  const session = useSession();
  return (
    <div className="speed">
      <label htmlFor={id}>Speed</label>
      <input
        id={id}
        type="range"
        aria-label="Speed"
        min={0}
        max={STEPS}
        value={speedToSlider(speed)}
        aria-valuetext={`${formatSpeed(speed)} (simulated time per second)`}
        onChange={(e) => setSpeed(session, sliderToSpeed(Number(e.currentTarget.value)))}
      />
      <span className="speed-value">{formatSpeed(speed)}</span>
      <LiveText label="Achieved speed" format={achieved} className="speed-achieved" />
    </div>
  );
}
