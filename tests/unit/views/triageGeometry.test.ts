/** The triage diagram's columns come from the route table: a registered route gets one. */
import { describe, expect, it } from 'vitest';
import { registerRoute, ROUTES } from '../../../src/engine/descriptors';
import { MIN_SVG_TEXT, routeSubtitle, triageGeometry, VB_W, wrapWords } from '../../../src/app/views/triage/geometry';

function expectReadable(): void {
  const g = triageGeometry();
  expect(g.columns).toHaveLength(ROUTES.length + 1);
  expect(g.columns.slice(1).map((c) => c.title)).toEqual(ROUTES.map((r) => r.short));
  g.columns.forEach((c, i) => {
    expect(c.x + c.w).toBeLessThanOrEqual(VB_W);
    if (i > 0) expect(c.x).toBeGreaterThan(g.columns[i - 1].x + g.columns[i - 1].w); // no overlap, room for an arrow
    expect(c.sub.length).toBeLessThanOrEqual(2);
    // The sub-lines fit the box at the minimum size (about 0.56 em per glyph), numbers are no smaller.
    for (const line of c.sub) expect(line.length * MIN_SVG_TEXT * 0.56).toBeLessThanOrEqual(c.w - 14);
    expect(c.numberSize * 0.9).toBeGreaterThanOrEqual(MIN_SVG_TEXT);
  });
  expect(g.barX + g.barW).toBeLessThan(VB_W);
}

describe('triage geometry', () => {
  it('has the application and one column per route, side by side', () => {
    expectReadable();
    expect(triageGeometry().columns.map((c) => c.title)).toEqual(['App', 'glibc', 'LWK', 'Linux', 'OS node']);
    expect(triageGeometry().columns[2].sub).toEqual(['handled locally']);
  });

  it('stays readable with up to six routes registered', () => {
    registerRoute({ key: 'burstBuffer', short: 'Burst buffer', title: 'Burst buffer (node-local NVMe staging)', phrase: 'the burst buffer', colour: '#000000', ink: '#ffffff', letter: 'B' });
    expectReadable();
    registerRoute({ key: 'hypervisor', short: 'Hypervisor', title: 'Hypervisor (paravirtual call forwarded to the host)', phrase: 'the hypervisor', colour: '#000000', ink: '#ffffff', letter: 'V' });
    expectReadable();
    expect(triageGeometry().columns.at(-1)!.title).toBe('Hypervisor');
    expect(triageGeometry().height).toBeGreaterThan(0);
  });
});

describe('route subtitles', () => {
  it('drop the short name the title starts with', () => {
    expect(routeSubtitle({ short: 'LWK', title: 'LWK (handled locally)' })).toBe('handled locally');
    expect(routeSubtitle({ short: 'OS node', title: 'OS node / parallel filesystem' })).toBe('parallel filesystem');
    expect(routeSubtitle({ short: 'X', title: 'something else' })).toBe('something else');
    expect(routeSubtitle({ short: 'X', title: 'X' })).toBe('X');
  });

  it('wrap on words into a bounded number of lines', () => {
    expect(wrapWords('forwarded or native', 12, 2)).toEqual(['forwarded or', 'native']);
    expect(wrapWords('a b c d e f g h', 3, 2)).toEqual(['a b', 'c …']);
    expect(wrapWords('short', 20, 2)).toEqual(['short']);
  });
});
