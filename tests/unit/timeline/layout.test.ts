import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import { Role } from '../../../src/engine/node/kinds';
import { AXIS_H, headerAt, headerText, laneAt, laneHeights, layoutLanes, MAX_LANE, MIN_LANE, timelineGroups } from '../../../src/app/views/timeline/lanes';

describe('timeline lanes', () => {
  it('groups mOS CPUs as Linux, syscall CPUs and LWK, every CPU once', () => {
    const c = PRESETS['mos-bsp'];
    const g = timelineGroups(c);
    expect(g.map((x) => x.title)).toEqual(['Linux', 'Syscall CPUs (Linux)', 'LWK']);
    expect(g[1].cpus.every((cpu) => c.roles[cpu] === Role.Syscall)).toBe(true);
    expect(g.flatMap((x) => x.cpus).sort((a, b) => a - b)).toEqual(c.roles.map((_, i) => i));
    expect(timelineGroups(PRESETS.linux).map((x) => x.title)).toEqual(['Linux housekeeping', 'Linux application']);
  });

  it('orders lanes by socket and core: SMT siblings side by side', () => {
    const c = PRESETS['mos-bsp'];
    const lwk = timelineGroups(c)[2].cpus;
    expect(lwk.slice(0, 4)).toEqual([1, 33, 2, 34]);
    for (let i = 0; i + 1 < lwk.length; i += 2) expect(c.coreOf[lwk[i]]).toBe(c.coreOf[lwk[i + 1]]);
  });

  it('gives small groups taller lanes, caps them, never below the labelled minimum', () => {
    const h = laneHeights([2, 2, 20], 400);
    expect(h[0]).toBe(h[1]);
    expect(h[0]).toBeGreaterThan(h[2]);
    expect(h[0]).toBeLessThanOrEqual(MAX_LANE);
    expect(2 * h[0] + 2 * h[1] + 20 * h[2]).toBeLessThanOrEqual(400);
    expect(laneHeights([4], 1000)).toEqual([MAX_LANE]);
    expect(laneHeights([272], 10)).toEqual([MIN_LANE]);
  });

  it('folds a large group to what fits (every lane labelled-tall), shows all of it once unfolded', () => {
    for (const [name, height] of [['mos-bsp', 389], ['xeon-phi', 389], ['linux', 389], ['xeon-phi', 583]] as const) {
      const c = PRESETS[name];
      const groups = timelineGroups(c);
      const l = layoutLanes(groups, height, c.cpuCount);
      expect(l.height).toBeLessThanOrEqual(height);
      expect(l.height).toBe(l.lanesBottom + AXIS_H);
      for (const lane of l.lanes) expect(lane.h).toBeGreaterThanOrEqual(MIN_LANE);
      // The small groups are whole; the lanes shown are each group's first CPUs.
      l.groups.forEach((g, gi) => {
        if (groups[gi].cpus.length <= 4) expect(g.shown).toBe(g.count);
        expect(l.lanes.filter((x) => x.group === gi).map((x) => x.cpu)).toEqual(groups[gi].cpus.slice(0, g.shown));
      });
      for (const lane of l.lanes) expect(l.lanes[l.laneOf[lane.cpu]]).toBe(lane);
      const big = l.groups.findIndex((g) => g.shown < g.count);
      if (big < 0) continue;
      expect(headerText(l.groups[big])).toContain('click to show all');
      const open = layoutLanes(groups, height, c.cpuCount, new Set([big]));
      expect(open.groups[big].shown).toBe(groups[big].cpus.length);
      expect(headerText(open.groups[big])).toContain('click to fold');
      expect(headerAt(open, open.groups[big].y + 1)).toBe(big);
      for (const lane of open.lanes) expect(lane.h).toBeGreaterThanOrEqual(MIN_LANE);
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
