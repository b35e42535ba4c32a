import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { twoSocketNode, xeonPhi7250Snc4Flat } from '../../../src/engine/node/topologies';
import { describePartition, paperBootLine, parsePartition, printPartition, type Diagnostic } from '../../../src/engine/config/partition';
import { lwkCapacity } from '../../../src/engine/config/partitionTypes';
import { spread } from '../../../src/engine/config/lwkmem';
import { partitionish, validPartition } from './arbitraries';

const TOPOLOGIES = [twoSocketNode(), xeonPhi7250Snc4Flat()];
const RUNS = { numRuns: 60 };

function rangesInside(diags: readonly Diagnostic[], text: string): boolean {
  return diags.every((d) => Number.isInteger(d.start) && Number.isInteger(d.end) && 0 <= d.start && d.start <= d.end && d.end <= text.length && d.message.length > 0);
}

describe.each(TOPOLOGIES)('partitions on $name', (topo) => {
  it('parse(print(p)) equals p', () => {
    fc.assert(
      fc.property(validPartition(topo), (p) => {
        const r = parsePartition(printPartition(p), topo);
        expect(r.ok, JSON.stringify(!r.ok && r.errors)).toBe(true);
        if (r.ok) expect(r.partition).toEqual(p);
      }),
      RUNS,
    );
  });

  it('gives every CPU exactly one role', () => {
    fc.assert(
      fc.property(validPartition(topo), (p) => {
        const layout = describePartition(p, topo);
        const n = topo.cpus.length;
        expect(layout.roles).toHaveLength(n);
        expect(layout.linuxCpus.length + layout.lwkCpus.length).toBe(n);
        expect(new Set([...layout.linuxCpus, ...layout.lwkCpus]).size).toBe(n);
        for (const c of layout.syscallCpus) expect(layout.roles[c]).toBe('syscall');
        for (const g of p.groups) for (const c of g.lwkCpus) expect(layout.roles[c]).toBe('lwk');
        expect(layout.linuxCpus.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('keeps requested memory within each domain, leaving Linux its minimum', () => {
    fc.assert(
      fc.property(validPartition(topo), (p) => {
        const layout = describePartition(p, topo);
        const linuxDomains = new Set(layout.linuxCpus.map((c) => topo.cpus[c].numa));
        const cap = lwkCapacity(topo, linuxDomains);
        layout.lwkBytes.forEach((b, d) => expect(b).toBeLessThanOrEqual(cap[d]));
        layout.linuxBytes.forEach((b) => expect(b).toBeGreaterThanOrEqual(0));
      }),
      RUNS,
    );
  });

  it('the paper boot line is consistent with the partition', () => {
    fc.assert(
      fc.property(validPartition(topo), (p) => {
        const r = paperBootLine(p, topo);
        const layout = describePartition(p, topo);
        if (r.expressible) {
          const n = Number(/maxcpus=(\d+)/.exec(r.line)?.[1]);
          expect(layout.linuxCpus).toEqual(Array.from({ length: n }, (_, i) => i));
        } else {
          expect(r.reason).toMatch(/ACPI/);
        }
      }),
      RUNS,
    );
  });

  it('a bare lwkmem size is spread exactly and within capacity', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: topo.numa.length, maxLength: topo.numa.length }), fc.double({ min: 0, max: 1, noNaN: true }), (linuxOn, f) => {
        const cap = lwkCapacity(topo, new Set(linuxOn.flatMap((on, d) => (on ? [d] : []))));
        const total = Math.floor(f * cap.reduce((s, c) => s + c, 0));
        const out = spread(total, cap);
        expect(out.reduce((s, m) => s + m.bytes, 0)).toBe(total);
        for (const m of out) expect(m.bytes).toBeLessThanOrEqual(cap[m.numa]);
      }),
      RUNS,
    );
  });

  it('never throws on garbage, and diagnostics stay inside the text', () => {
    const check = (text: string): void => {
      const r = parsePartition(text, topo);
      if (r.ok) expect(rangesInside(r.warnings, text)).toBe(true);
      else expect(rangesInside(r.errors, text), JSON.stringify(r.errors)).toBe(true);
    };
    fc.assert(fc.property(fc.string({ maxLength: 60 }), check), RUNS);
    fc.assert(fc.property(partitionish, check), { numRuns: 300 });
    // Small edits of valid text.
    fc.assert(
      fc.property(validPartition(topo), fc.nat(), fc.constantFrom('', '-', ',', ':', '.', '9', ' ', 'x'), (p, at, ch) => {
        const text = printPartition(p);
        const i = at % (text.length + 1);
        check(text.slice(0, i) + ch + text.slice(i + 1));
      }),
      RUNS,
    );
  });
});
