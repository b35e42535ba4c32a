/** The shared clock of compare mode: the requested pace, bounded by the slowest run. */
import { describe, expect, it } from 'vitest';
import { LEAD_MS, SharedClock } from '../../../src/app/compare/clock';

describe('SharedClock', () => {
  it('moves at the requested speed while both runs keep up', () => {
    const c = new SharedClock(1e6); // 1 ms of simulated time per second
    c.play(0);
    let t = 0;
    for (let wall = 16; wall <= 1600; wall += 16) t = c.advance(wall, [t, t]);
    // After a ramp-up of a few frames (from a small share of the requested pace).
    expect(t).toBeGreaterThan(0.98 * 1.6e6);
    expect(t).toBeLessThanOrEqual(1.6e6);
  });

  it('stays within LEAD_MS of the slowest run at its own pace, and never goes back', () => {
    const c = new SharedClock(1e9); // 1 s/s requested
    c.play(0);
    let fast = 0, slow = 0, target = 0;
    for (let wall = 16; wall <= 3000; wall += 16) {
      const prev = target;
      target = c.advance(wall, [fast, slow]);
      expect(target).toBeGreaterThanOrEqual(prev);
      fast = target; // the fast run reaches every target
      slow = Math.min(target, slow + 16 * 2e4); // the slow one manages 20 ms/s (2e4 ns per wall ms)
    }
    // The target runs ahead of the slow run by about LEAD_MS of its pace, not at 1 s/s.
    expect(target - slow).toBeLessThanOrEqual(2e4 * (LEAD_MS + 20));
    expect(target).toBeLessThan(0.1e9); // 3 s at the requested 1 s/s would be 3e9
    // The slow run still progresses at its own pace (it is never starved).
    expect(slow).toBeGreaterThan(0.9 * 3000 * 2e4);
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
