import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import { Role } from '../../../src/engine/node/kinds';
import { AXIS_H, laneAt, laneHeights, layoutLanes, MAX_LANE, timelineGroups } from '../../../src/app/views/timeline/lanes';

describe('timeline lanes', () => {
  it('groups mOS CPUs as Linux, syscall CPUs and LWK, every CPU once', () => {
    const c = PRESETS['mos-bsp'];
    const g = timelineGroups(c);
    expect(g.map((x) => x.title)).toEqual(['Linux', 'Syscall CPUs (Linux)', 'LWK']);
    expect(g[1].cpus.every((cpu) => c.roles[cpu] === Role.Syscall)).toBe(true);
    expect(g.flatMap((x) => x.cpus).sort((a, b) => a - b)).toEqual(c.roles.map((_, i) => i));
    expect(timelineGroups(PRESETS.linux).map((x) => x.title)).toEqual(['Linux housekeeping', 'Linux application']);
  });

  it('gives small groups taller lanes, caps them, and uses the height it is given', () => {
    const h = laneHeights([2, 2, 60], 330);
    expect(h[0]).toBe(h[1]);
    expect(h[0]).toBeGreaterThan(h[2]);
    expect(h[0]).toBeLessThanOrEqual(MAX_LANE);
    expect(2 * h[0] + 2 * h[1] + 60 * h[2]).toBeLessThanOrEqual(330);
    expect(laneHeights([4], 1000)).toEqual([MAX_LANE]);
    expect(laneHeights([272], 10)).toEqual([1]);
  });

  it('fits 64 CPUs in the height of a 1280x720 page and 272 CPUs with 1-2 px LWK lanes', () => {
    for (const [name, height] of [['mos-bsp', 389], ['xeon-phi', 389], ['linux', 389], ['xeon-phi', 583]] as const) {
      const c = PRESETS[name];
      const l = layoutLanes(timelineGroups(c), height, c.cpuCount);
      expect(l.lanes.length).toBe(c.cpuCount);
      expect(l.height).toBeLessThanOrEqual(height);
      expect(l.height).toBe(l.lanesBottom + AXIS_H);
      for (let cpu = 0; cpu < c.cpuCount; cpu++) expect(l.lanes[l.laneOf[cpu]].cpu).toBe(cpu);
      if (name === 'xeon-phi') expect(l.groups[2].laneH).toBeGreaterThanOrEqual(1);
      if (name === 'xeon-phi') expect(l.groups[2].laneH).toBeLessThanOrEqual(2);
    }
  });

  it('finds the lane under a y coordinate', () => {
    const c = PRESETS['mos-bsp'];
    const l = layoutLanes(timelineGroups(c), 389, c.cpuCount);
    l.lanes.forEach((lane, i) => {
      expect(laneAt(l, lane.y)).toBe(i);
      expect(laneAt(l, lane.y + lane.h - 0.01)).toBe(i);
    });
    expect(laneAt(l, -1)).toBe(-1);
    expect(laneAt(l, 2)).toBe(-1); // the first group's header
    expect(laneAt(l, l.lanesBottom + 5)).toBe(-1);
  });
});
