/**
 * The shared simulated clock of compare mode: one target time for both runs. While playing it
 * moves at the requested speed, but never further ahead of the slowest run than LEAD_MS of a
 * pace GROWTH times what that run achieved lately: a run that keeps up lets the target go at the
 * requested speed (its achieved pace is the target's), a slower one paces both, and after Pause
 * it catches up within about GROWTH × LEAD_MS. After Play the pace starts low and grows by up to
 * GROWTH per window. Pure (wall times are passed in), so it is tested in Node.
 */

/** The target stays within this many wall ms of the slowest run's allowed pace ahead of it. */
export const LEAD_MS = 80;
/** How much faster than its recent pace the slowest run is allowed to be asked to go. */
export const GROWTH = 3;
/** Longest wall gap one advance accounts for (a background tab): as the single page's runner, a slow frame loses no time. */
const MAX_DT_MS = 250;
/** The slowest run's pace is measured over this much wall time. */
const RATE_WINDOW_MS = 200;
/** The pace allowed is at least this share of the requested one (a run is never starved). */
const MIN_RATE_SHARE = 0.02;

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
    while (this.samples.length > 2 && now - this.samples[1].wall >= RATE_WINDOW_MS) this.samples.shift();
    const first = this.samples[0];
    const span = now - first.wall;
    const requested = this.speed / 1000; // ns per wall ms
    const measured = span > 0 ? Math.max(0, slowest - first.slowest) / span : 0;
    const pace = Math.min(requested, Math.max(GROWTH * measured, requested * MIN_RATE_SHARE));
    const next = Math.floor(Math.min(this.target + requested * dt, slowest + pace * LEAD_MS));
    if (next > this.target) this.target = next;
    return this.target;
  }
}
