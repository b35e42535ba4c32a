/**
 * "Run to the next ...": the worker stops the run just before the moment's event, then (unless
 * the user prefers reduced motion) the moment plays in slow motion for a short stretch of
 * simulated time and the run returns to the speed the user chose, playing or paused as before.
 */
import type { Session } from '../session/session';
import type { MomentTarget } from '../../engine/moments/registry';
import { momentByKey } from '../../engine/moments/registry';
import { formatClock, US } from '../../engine/kernel/time';
import { reducedMotion } from '../motion';

/** ASSUMPTION (presentation only): 2 µs of simulated time per second shows a forwarded call (~20 µs) in about ten seconds. */
export const SLOW_MOTION_SPEED = 2_000;
/** ASSUMPTION (presentation only): how much simulated time the slow motion covers after the moment: about one forwarded call's round trip. */
export const SLOW_MOTION_WINDOW_NS = 30 * US;

export async function playMoment(session: Session, key: string, target: MomentTarget, slowMotion = !reducedMotion()): Promise<void> {
  session.endSlowMotion?.();
  const moment = momentByKey(key);
  if (!moment) return;
  const { store, client, bus, transport } = session;
  const before = store.getState();
  const wasPlaying = before.running;
  store.setState({ notice: `Looking for the ${moment.label.replace(/^Next /, 'next ')}…` });
  const result = await client.runToMoment(key, target);
  if (!result) return;
  if (!result.found) {
    store.setState({ notice: `Not found: ${result.message}. The run is where it was.` });
    return;
  }
  store.setState({ notice: `Stopped just before ${result.description} (at ${formatClock(result.time)}).` });
  if (!slowMotion) return;
  // Slow motion: the worker's speed only (the slider keeps the user's), until the window has passed.
  client.setSpeed(SLOW_MOTION_SPEED);
  transport.play();
  const until = result.time + SLOW_MOTION_WINDOW_NS;
  let off = () => {};
  const end = (resume: boolean) => {
    off();
    session.endSlowMotion = null;
    client.setSpeed(store.getState().speed);
    if (resume && !wasPlaying) transport.pause();
  };
  off = bus.subscribe((frame) => {
    if (frame.time >= until) end(true);
  });
  // The user taking over (Pause, a new speed, a new run) ends the slow motion at once.
  const offStore = store.subscribe((s, prev) => {
    if ((prev.running && !s.running) || s.speed !== prev.speed || s.config !== prev.config || s.seed !== prev.seed) end(false);
  });
  const unsubscribe = off;
  off = () => {
    unsubscribe();
    offStore();
  };
  session.endSlowMotion = () => end(false);
}
