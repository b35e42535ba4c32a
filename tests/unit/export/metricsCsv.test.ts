import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import { createNodeSimulation } from '../../../src/engine/node/model';
import { csvField, flattenMetrics, metricsToCsv, parseCsv } from '../../../src/engine/export/metricsCsv';
import { MS } from '../../../src/engine/kernel/time';

describe('metrics CSV', () => {
  it('quotes per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
  });

  it('round-trips a nested object with awkward keys and values', () => {
    const m = { a: { b: 1, 'c,d': 'x "y"', e: [1, 2.5] }, f: true, g: 'line\r\nbreak', h: null };
    const rows = parseCsv(metricsToCsv(m));
    expect(rows[0]).toEqual(['metric', 'value']);
    expect(rows.slice(1)).toEqual([
      ['a.b', '1'], ['a.c,d', 'x "y"'], ['a.e.0', '1'], ['a.e.1', '2.5'], ['f', 'true'], ['g', 'line\r\nbreak'], ['h', ''],
    ]);
  });

  it("round-trips a run's metrics: every leaf comes back with its value", () => {
    const sim = createNodeSimulation(PRESETS['mos-bsp'], 1);
    sim.runUntil(70 * MS);
    const metrics = sim.snapshot().metrics;
    const text = metricsToCsv(metrics);
    const rows = parseCsv(text).slice(1);
    const leaves = flattenMetrics(metrics);
    expect(rows.length).toBe(leaves.length);
    expect(rows.length).toBeGreaterThan(10);
    leaves.forEach(([k, v], i) => {
      expect(rows[i][0]).toBe(k);
      if (typeof v === 'number') expect(Number(rows[i][1])).toBe(v);
      else expect(rows[i][1]).toBe(v === null ? '' : String(v));
    });
  });
});
