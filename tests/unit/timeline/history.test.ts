import { describe, expect, it } from 'vitest';
import { ActivityHistory, COARSE_NS } from '../../../src/worker/history';
import { Tr } from '../../../src/engine/node/events';
import { Activity } from '../../../src/engine/node/kinds';
import type { TraceBatch } from '../../../src/engine/kernel/trace';

/** Activity records: [time, cpu, activity, pid] each. */
function batch(records: number[][]): TraceBatch {
  const n = records.length;
  const b = { first: 0, lost: 0, time: new Float64Array(n), kind: new Uint16Array(n), cpu: new Int16Array(n), pid: new Int32Array(n), a: new Float64Array(n), b: new Float64Array(n) };
  records.forEach(([t, cpu, act, pid], i) => {
    b.time[i] = t;
    b.kind[i] = Tr.Activity;
    b.cpu[i] = cpu;
    b.a[i] = act;
    b.pid[i] = pid;
  });
  return b as unknown as TraceBatch;
}

describe('ActivityHistory.query for the timeline', () => {
  it('returns exact spans for a narrow window, clipped to it', () => {
    const h = new ActivityHistory(2);
    h.ingest(batch([[0, 0, Activity.App, 7], [1000, 0, Activity.Tick, -1], [1500, 0, Activity.App, 7], [0, 1, Activity.Idle, -1]]));
    const r = h.query(1, 500, 1800, 1300, 2000);
    expect(r.binned).toBe(false);
    expect(Array.from(r.spans[0])).toEqual([500, 1000, Activity.App, 7, 1000, 1500, Activity.Tick, -1, 1500, 1800, Activity.App, 7]);
  });

  it('zoomed out over long coarse history, merges to about two spans per bin (pixel)', () => {
    // 200 s of a CPU switching between the application and a daemon every 10 ms: 20,000 coarse bins.
    const recs: number[][] = [];
    for (let i = 0; i < 20_000; i++) recs.push([i * COARSE_NS, 0, i % 2 ? Activity.Daemon : Activity.App, i % 2 ? -1 : 3]);
    const h = new ActivityHistory(1);
    h.ingest(batch(recs));
    const bins = 500;
    const r = h.query(1, 0, 200e9, bins, 200e9);
    expect(r.binned).toBe(true);
    expect(r.spans[0].length / 4).toBeGreaterThan(0);
    expect(r.spans[0].length / 4).toBeLessThanOrEqual(2 * bins);
    // The merged spans still cover the window without gaps or overlaps.
    const s = r.spans[0];
    for (let i = 4; i < s.length; i += 4) expect(s[i]).toBe(s[i - 3]);
  });
});

describe('coarse spans are clipped to the window', () => {
  it('like exact spans', () => {
    const recs: number[][] = [];
    for (let i = 0; i < 300; i++) recs.push([i * COARSE_NS, 0, Activity.App, 3]);
    const h = new ActivityHistory(1);
    h.ingest(batch(recs));
    const r = h.query(1, 15e6, 2.005e9, 100, 3e9);
    expect(r.binned).toBe(true);
    expect(r.spans[0][0]).toBe(15e6);
    expect(r.spans[0][r.spans[0].length - 3]).toBe(2.005e9);
  });
});

describe('ActivityHistory coarse bins at the present', () => {
  it('cover the bin still being filled, up to now', () => {
    const h = new ActivityHistory(1);
    const rec = (time: number, act: number) => ({ time, act });
    const recs = [rec(0, Activity.App), rec(25_000_000, Activity.Idle), rec(27_000_000, Activity.App)];
    h.ingest({
      first: 0, lost: 0,
      time: Float64Array.from(recs.map((r) => r.time)),
      kind: Uint16Array.from(recs.map(() => Tr.Activity)),
      cpu: Int16Array.from(recs.map(() => 0)),
      pid: Int32Array.from(recs.map(() => 1000)),
      a: Float64Array.from(recs.map((r) => r.act)),
      b: new Float64Array(recs.length),
    });
    // A window of 10 s at 100 bins forces the coarse path; the present is 29 ms.
    const reply = h.query(1, 0, 10_000_000_000, 100, 29_000_000);
    const spans = reply.spans[0];
    const end = spans[spans.length - 3];
    expect(end).toBe(29_000_000);
    // The open bin (20-30 ms) is mostly application: 5 ms + 2 ms against 2 ms idle.
    expect(spans[spans.length - 2]).toBe(Activity.App);
  });
});
