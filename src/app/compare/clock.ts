/**
 * The shared simulated clock of compare mode: one target time for both runs. While playing it
 * moves at the requested speed, but never more than LEAD_MS of the slowest run's own pace ahead
 * of that run, so the slower one paces the other and, after Pause, catches up within ~LEAD_MS.
 * Pure (wall times are passed in), so it is tested in Node.
 */

/** How far ahead of the slowest run the target may be, in wall ms of that run's pace. */
export const LEAD_MS = 100;
/** Longest wall gap one advance accounts for (a background tab, a long frame). */
const MAX_DT_MS = 100;
/** The slowest run's pace is measured over this much wall time. */
const RATE_WINDOW_MS = 500;
/** The pace assumed is at least this share of the requested one (a run is never starved; a fast one ramps up from it). */
const MIN_RATE_SHARE = 0.01;

export class SharedClock {
  /** Simulated ns both runs go to (integer). */
  target = 0;
  playing = false;
  private lastWall = 0;
  private samples: { wall: number; slowest: number }[] = [];

  /** `speed`: requested simulated ns per wall second. */
  constructor(public speed: number) {}

  play(now: number): void {
    this.playing = true;
    this.lastWall = now;
    this.samples = [];
  }

  pause(): void {
    this.playing = false;
  }

  reset(): void {
    this.target = 0;
    this.playing = false;
    this.samples = [];
  }

  /** Paused at `time` or later (a step): the target never moves back. */
  stepTo(time: number): void {
    this.playing = false;
    this.target = Math.max(this.target, Math.floor(time));
  }

  /** Starts from `time` (entering compare mode: the left run's time). */
  setTarget(time: number): void {
    this.target = Math.max(0, Math.floor(time));
  }

  /** Moves the target for wall time `now`, given each run's latest simulated time; returns it. */
  advance(now: number, times: readonly number[]): number {
    if (!this.playing || times.length === 0) return this.target;
    const dt = Math.min(MAX_DT_MS, Math.max(0, now - this.lastWall));
    this.lastWall = now;
    const slowest = Math.min(...times);
    this.samples.push({ wall: now, slowest });
    while (this.samples.length > 2 && now - this.samples[0].wall > RATE_WINDOW_MS) this.samples.shift();
    const first = this.samples[0];
    const span = now - first.wall;
    const requested = this.speed / 1000; // ns per wall ms
    const measured = span > 0 ? Math.max(0, slowest - first.slowest) / span : 0;
    const pace = Math.max(measured, requested * MIN_RATE_SHARE);
    const next = Math.floor(Math.min(this.target + requested * dt, slowest + pace * LEAD_MS));
    if (next > this.target) this.target = next;
    return this.target;
  }
}
