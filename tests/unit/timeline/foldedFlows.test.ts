import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import { Role } from '../../../src/engine/node/kinds';
import { flowEnd, foldToggleAt, HEADER_H, laneAt, layoutLanes, MIN_LANE, timelineGroups } from '../../../src/app/views/timeline/lanes';
import { FOLDED_DASH, renderReply, type TimelineTheme } from '../../../src/app/views/timeline/draw';
import { FLOW } from '../../../src/worker/frameLayout';
import type { TimelineReply } from '../../../src/worker/protocol';

const c = PRESETS['mos-bsp'];
const groups = timelineGroups(c);
const LWK = groups.findIndex((g) => g.title === 'LWK');

describe('a folded group\'s "+N" strip', () => {
  it('sits under the group\'s last lane, as tall as a lane; the layout still fits', () => {
    const l = layoutLanes(groups, 389, c.cpuCount);
    const g = l.groups[LWK];
    expect(g.shown).toBeLessThan(g.count);
    const last = l.lanes.filter((x) => x.group === LWK).at(-1)!;
    expect(g.moreY).toBe(last.y + last.h);
    expect(g.laneH).toBeGreaterThanOrEqual(MIN_LANE);
    expect(g.y + g.h).toBe(g.moreY + g.laneH);
    expect(l.height).toBeLessThanOrEqual(389);
    // Not a lane (no span there), but a click on it unfolds the group, as on its header.
    expect(laneAt(l, g.moreY + 1)).toBe(-1);
    expect(foldToggleAt(l, g.moreY + 1)).toBe(LWK);
    expect(foldToggleAt(l, g.y + HEADER_H / 2)).toBe(LWK);
    expect(foldToggleAt(l, last.y + 1)).toBe(-1);
    // Groups shown whole have none.
    for (const band of l.groups) if (band.shown === band.count) expect(band.moreY).toBe(-1);
    expect(layoutLanes(groups, 389, c.cpuCount, new Set([LWK])).groups[LWK].moreY).toBe(-1);
  });

  it('is where arrows from and to hidden CPUs end; shown CPUs keep their lane centres', () => {
    const l = layoutLanes(groups, 389, c.cpuCount);
    const g = l.groups[LWK];
    const hidden = groups[LWK].cpus.slice(g.shown);
    expect(hidden.length).toBe(g.count - g.shown);
    for (const cpu of hidden) expect(flowEnd(l, cpu)).toEqual({ y: g.moreY + g.laneH / 2, folded: true });
    for (const lane of l.lanes) expect(flowEnd(l, lane.cpu)).toEqual({ y: lane.y + lane.h / 2, folded: false });
    expect(flowEnd(l, -1)).toBeNull();
    expect(flowEnd(l, c.cpuCount)).toBeNull();
  });
});

/** A 2D context that records the paths it strokes (and whether dashed), enough for renderReply. */
function recordingContext() {
  const strokes: { dashed: boolean; colour: string; segments: number[][] }[] = [];
  let path: number[][] = [];
  let dash: number[] = [];
  const ctx: Record<string, unknown> = {
    beginPath: () => void (path = []),
    moveTo: (x: number, y: number) => void path.push([x, y]),
    lineTo: (x: number, y: number) => void path[path.length - 1].push(x, y),
    stroke: () => void strokes.push({ dashed: dash.length > 0, colour: String(ctx.strokeStyle), segments: path.map((p) => [...p]) }),
    setLineDash: (d: number[]) => void (dash = d),
  };
  const proxy = new Proxy(ctx, { get: (t, k) => (k in t ? t[k as string] : () => undefined) });
  return { proxy: proxy as unknown as CanvasRenderingContext2D, strokes };
}

describe('arrows with an end on a folded group', () => {
  it('are drawn dashed to the "+N" strip instead of being dropped', () => {
    const l = layoutLanes(groups, 389, c.cpuCount);
    const g = l.groups[LWK];
    const hiddenCpu = groups[LWK].cpus[g.shown];
    const shownCpu = groups[LWK].cpus[0];
    const linux = l.lanes.find((x) => c.roles[x.cpu] !== Role.Lwk)!;
    const flows = new Float64Array([
      // callerCpu, issueTime, serverCpu, serveTime, pid
      hiddenCpu, 100, linux.cpu, 200, 1000,
      shownCpu, 300, linux.cpu, 400, 1000,
    ]);
    expect(flows.length).toBe(2 * FLOW.stride);
    const reply: TimelineReply = { id: 1, from: 0, to: 1000, spans: Array.from({ length: c.cpuCount }, () => new Float64Array(0)), flows, historyStart: 0, binned: false };
    const { proxy, strokes } = recordingContext();
    const off = { width: 0, height: 0, getContext: () => proxy } as unknown as HTMLCanvasElement;
    const theme: TimelineTheme = { bg: '#fff', panel: '#eee', border: '#ccc', text: '#000', muted: '#444', accent: '#07b' };
    const out = renderReply(off, reply, l, theme, 1000, 1, null);
    expect(out.flows).toEqual({ lanes: 1, folded: 1 });
    const arrows = strokes.filter((s) => s.colour === '#EE3377');
    const solid = arrows.find((s) => !s.dashed)!;
    const dashed = arrows.find((s) => s.dashed)!;
    const laneY = (cpu: number) => l.lanes[l.laneOf[cpu]].y + l.lanes[l.laneOf[cpu]].h / 2;
    expect(solid.segments).toEqual([[300, laneY(shownCpu), 400, laneY(linux.cpu)]]);
    expect(dashed.segments).toEqual([[100, g.moreY + g.laneH / 2, 200, laneY(linux.cpu)]]);
    expect(FOLDED_DASH.length).toBeGreaterThan(0);
  });
});
