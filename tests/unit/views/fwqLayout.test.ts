/** FWQ noise per CPU: CPU numbers along the axis that never collide, one fixed scale. */
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import { FWQ_DOMAIN_NS, fwqScale, layoutFwq } from '../../../src/app/views/metrics/drawFwq';

describe('FWQ layout', () => {
  it('puts the application CPUs in number order per group, labels at least 30 px apart, the first of each group labelled', () => {
    for (const name of ['mos', 'linux', 'xeon-phi'] as const) {
      const c = PRESETS[name];
      for (const width of [480, 900, 1800]) {
        const l = layoutFwq(c, width);
        expect(l.bars.map((b) => b.cpu).sort((a, b) => a - b)).toEqual([...c.appCpus].sort((a, b) => a - b));
        for (const g of l.groups) {
          const inGroup = l.bars.filter((b) => b.x >= g.x && b.x < g.x + g.w);
          expect(inGroup[0].labelled).toBe(true);
          for (let i = 1; i < inGroup.length; i++) expect(inGroup[i].cpu).toBeGreaterThan(inGroup[i - 1].cpu);
        }
        const labelled = l.bars.filter((b) => b.labelled);
        for (let i = 1; i < labelled.length; i++) expect(labelled[i].x - labelled[i - 1].x).toBeGreaterThanOrEqual(29.99);
      }
    }
  });

  it('uses one log scale from 10 ns to 10 ms whatever the data', () => {
    const y = fwqScale();
    expect(y.domain()).toEqual([...FWQ_DOMAIN_NS]);
    // A decade takes the same height everywhere on the axis.
    expect(y(100) - y(1000)).toBeCloseTo(y(1e5) - y(1e6), 6);
  });
});
