/**
 * Colours that survive colour blindness and a washed-out projector: the Okabe-Ito palette,
 * always paired with a letter code so that no state is told by colour alone.
 */
import { Activity } from '../engine/node/kinds';

export interface ActivityStyle {
  readonly fill: string;
  readonly code: string;
  readonly ink: string;
}

const DARK_INK = '#111111';
const LIGHT_INK = '#ffffff';

/** Indexed by Activity code. */
export const ACTIVITY_STYLES: readonly ActivityStyle[] = (() => {
  const s: ActivityStyle[] = [];
  s[Activity.Idle] = { fill: 'var-idle', code: '', ink: DARK_INK };
  s[Activity.App] = { fill: '#0072B2', code: 'A', ink: LIGHT_INK };
  s[Activity.Poll] = { fill: '#56B4E9', code: 'P', ink: DARK_INK };
  s[Activity.Handler] = { fill: '#E69F00', code: 'H', ink: DARK_INK };
  s[Activity.Proxy] = { fill: '#CC79A7', code: 'X', ink: DARK_INK };
  s[Activity.Tick] = { fill: '#D55E00', code: 'T', ink: LIGHT_INK };
  s[Activity.Daemon] = { fill: '#F0E442', code: 'D', ink: DARK_INK };
  s[Activity.DeviceIrq] = { fill: '#009E73', code: 'Q', ink: LIGHT_INK };
  s[Activity.Ipi] = { fill: '#000000', code: 'I', ink: LIGHT_INK };
  s[Activity.Timer] = { fill: '#D55E00', code: 'O', ink: LIGHT_INK };
  s[Activity.TlbShootdown] = { fill: '#882255', code: 'L', ink: LIGHT_INK };
  s[Activity.Syscall] = { fill: '#44AA99', code: 'S', ink: DARK_INK };
  return s;
})();

export interface Theme {
  readonly idle: string;
  readonly text: string;
  readonly muted: string;
  readonly background: string;
  readonly panel: string;
}

export function readTheme(el: Element): Theme {
  const cs = getComputedStyle(el);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  return {
    idle: v('--tile-idle', '#d9dde3'),
    text: v('--text', '#111'),
    muted: v('--muted', '#555'),
    background: v('--bg', '#fff'),
    panel: v('--panel', '#f6f7f9'),
  };
}

export function fillFor(style: ActivityStyle, theme: Theme): string {
  return style.fill === 'var-idle' ? theme.idle : style.fill;
}
