/**
 * Compare mode's transport: Play, Pause, Step, Reset and the speed drive both sessions through
 * one shared simulated clock (clock.ts). Each worker runs unpaced to the clock's target and
 * holds there ('follow' messages), so both show the same simulated time once paused. Step goes
 * to the earlier of the two runs' next events: one event in one run (or simultaneous ones), the
 * other's clock moving to the same time.
 */
import type { Session, Transport } from '../session/session';
import { SharedClock } from './clock';

/**
 * Share of the wall time each worker may compute: the cores beyond the page's own one, divided
 * between the runs (two runs on two cores: half each, so that drawing keeps a core).
 */
export function workerShare(cores: number, runs: number): number {
  return Math.min(1, Math.max(0.3, (Math.max(1, cores) - 1) / Math.max(1, runs)));
}

export class Lockstep implements Transport {
  private readonly clock: SharedClock;
  private readonly offs: (() => void)[] = [];
  private sent = -1;
  private readonly share = workerShare(typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2, 2);

  constructor(
    /** The sessions driven, read at each use (Swap reorders them). */
    private readonly sessions: () => readonly Session[],
    speed: number,
  ) {
    this.clock = new SharedClock(speed);
  }

  get playing(): boolean {
    return this.clock.playing;
  }

  get target(): number {
    return this.clock.target;
  }

  /** Takes both sessions over from simulated time `from`, playing or not. */
  attach(from: number, playing: boolean, now: number): void {
    this.clock.setTarget(from);
    for (const s of this.sessions()) {
      s.setDriver(this);
      s.client.acksSetRunning = false;
      // A run that restarts (new settings, a crash) catches up with the shared clock.
      this.offs.push(s.client.onStart(() => this.sync(s)));
    }
    if (playing) this.clock.play(now);
    this.syncAll();
  }

  /** Hands the sessions back; the one kept goes on as it was (playing or paused). */
  detach(): void {
    for (const off of this.offs.splice(0)) off();
    for (const s of this.sessions()) {
      s.setDriver(null);
      s.client.acksSetRunning = true;
    }
  }

  play(): void {
    this.clock.play(performance.now());
    this.syncAll();
  }

  pause(): void {
    this.clock.pause();
    this.syncAll();
  }

  step(): void {
    const next = this.sessions()
      .map((s) => s.bus.frame?.nextEventTime ?? -1)
      .filter((t) => t >= 0);
    this.clock.stepTo(next.length > 0 ? Math.min(...next) : this.clock.target);
    this.syncAll();
  }

  reset(): void {
    this.clock.reset();
    this.sent = -1;
    for (const s of this.sessions()) {
      s.store.setState({ running: false });
      s.client.reset();
    }
  }

  setSpeed(nsPerSecond: number): void {
    this.clock.speed = nsPerSecond;
    for (const s of this.sessions()) {
      s.store.setState({ speed: nsPerSecond });
      s.client.setSpeed(nsPerSecond);
    }
  }

  /** Once per animation frame, before the frame requests: moves the shared target. */
  tick(now: number): void {
    if (!this.clock.playing) return;
    const sessions = this.sessions();
    const times = sessions.map((s) => s.bus.frame?.time ?? 0);
    const target = this.clock.advance(now, times);
    if (target === this.sent) return;
    this.sent = target;
    for (const s of sessions) s.client.follow(target, true, this.share);
  }

  private syncAll(): void {
    for (const s of this.sessions()) this.sync(s);
  }

  private sync(s: Session): void {
    const { target, playing } = this.clock;
    s.store.setState({ running: playing });
    // Catching up after Pause or Step takes the whole CPU: nothing else is moving then.
    s.client.follow(target, playing, playing ? this.share : 1);
    this.sent = target;
  }
}
