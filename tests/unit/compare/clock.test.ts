/** The shared clock of compare mode: the requested pace, bounded by the slowest run. */
import { describe, expect, it } from 'vitest';
import { GROWTH, LEAD_MS, SharedClock } from '../../../src/app/compare/clock';

/** Frames report each run's time a few animation frames late. */
function play(clock: SharedClock, ms: number, capacity: readonly number[], lateFrames = 2) {
  clock.play(0);
  const reached = capacity.map(() => [0]);
  let target = 0;
  for (let wall = 16; wall <= ms; wall += 16) {
    const reported = reached.map((h) => h[Math.max(0, h.length - 1 - lateFrames)]);
    const prev = target;
    target = clock.advance(wall, reported);
    expect(target).toBeGreaterThanOrEqual(prev);
    // Each run goes toward the target as fast as it can (`capacity` ns per wall ms).
    reached.forEach((h, i) => h.push(Math.min(target, h[h.length - 1] + 16 * capacity[i])));
  }
  return { target, times: reached.map((h) => h[h.length - 1]) };
}

describe('SharedClock', () => {
  it('moves at the requested speed while both runs keep up, after a short ramp', () => {
    const c = new SharedClock(1e6); // 1 ms of simulated time per second
    const { target } = play(c, 1600, [1e9, 1e9]);
    expect(target).toBeGreaterThan(0.85 * 1.6e6);
    expect(target).toBeLessThanOrEqual(1.6e6);
    // Half a second into the run the pace is the requested one.
    const d = new SharedClock(1e6);
    const a = play(d, 500, [1e9, 1e9]).target;
    expect(play(new SharedClock(1e6), 1000, [1e9, 1e9]).target - a).toBeGreaterThan(0.45e6);
  });

  it('lets the slower run pace both: the target stays within its reach, and it is never starved', () => {
    const c = new SharedClock(1e9); // 1 s/s requested
    const slow = 2e4; // the slow run manages 20 ms/s (2e4 ns per wall ms)
    const { target, times } = play(c, 3000, [1e9, slow]);
    // Ahead of the slow run by at most LEAD_MS of GROWTH times its pace (so Pause waits little).
    expect(target - times[1]).toBeLessThanOrEqual(GROWTH * slow * (LEAD_MS + 20));
    expect(target).toBeLessThan(0.1e9); // 3 s at the requested 1 s/s would be 3e9
    expect(times[1]).toBeGreaterThan(0.9 * 3000 * slow);
  });

  it('does not move while paused; a step only goes forward; reset returns to zero', () => {
    const c = new SharedClock(1e6);
    c.setTarget(5000);
    expect(c.advance(100, [5000, 5000])).toBe(5000);
    c.stepTo(7000);
    expect(c.target).toBe(7000);
    c.stepTo(6000);
    expect(c.target).toBe(7000);
    c.reset();
    expect(c.target).toBe(0);
    expect(c.playing).toBe(false);
  });
});

describe('workerShare', () => {
  it('leaves the page a core: half each for two runs on two cores, all of it on many', async () => {
    const { workerShare } = await import('../../../src/app/compare/lockstep');
    expect(workerShare(2, 2)).toBe(0.5);
    expect(workerShare(8, 2)).toBe(1);
    expect(workerShare(1, 2)).toBe(0.3);
    expect(workerShare(4, 2)).toBe(1);
  });
});
