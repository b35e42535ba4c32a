import { describe, expect, it } from 'vitest';
import { ADVANCED_FIELDS, ADVANCED_GROUPS, advancedDraftOf, advancedErrors, advancedFieldError, withAdvancedEdits } from '../../../src/app/components/advancedFields';
import { generatedLabel } from '../../../src/app/components/paramLabels';
import { PRESETS } from '../../../src/engine/config/presets';
import { applyOverrides } from '../../../src/engine/config/parseConfig';
import { SPEC_BY_PATH } from '../../../src/engine/config/paramSpecs';

const field = (path: string) => ADVANCED_FIELDS.find((f) => f.path === path)!;

describe('the Advanced costs section', () => {
  it('groups every other numeric parameter by section, the cost sections first', () => {
    expect(ADVANCED_GROUPS.map((g) => g.title).slice(0, 5)).toEqual(['Syscall path costs', 'Memory', 'OS nodes and PFS', 'Linux', 'LWK']);
    expect(ADVANCED_GROUPS.map((g) => g.key)).toEqual(expect.arrayContaining(['syscalls.aggregation', 'network', 'app']));
    expect(field('syscalls.costs.serviceNs.io').label).toBe('Linux service: I/O');
    expect(field('osnode.pfs.latencyNs')).toMatchObject({ label: 'PFS latency', unit: 'ns' });
    // Shown in the panel's main fields, or chosen with the workload: not repeated here.
    for (const p of ['linux.hz', 'lwk.rrQuantumNs', 'workload.computeNs']) expect(ADVANCED_FIELDS.some((f) => f.path === p)).toBe(false);
    // Every field carries the checker's own bounds.
    for (const f of ADVANCED_FIELDS) expect(f.rule).toBe(SPEC_BY_PATH.get(f.path)!.number);
    expect(new Set(ADVANCED_FIELDS.map((f) => f.label)).size).toBe(ADVANCED_FIELDS.length - 1); // "Context switch" is in Linux and in LWK
  });

  it('names parameters it has no label for from their path', () => {
    expect(generatedLabel('osnode.background.meanBytes', 'osnode')).toBe('Background mean');
    expect(generatedLabel('syscalls.costs.nicIrqPerSec', 'syscalls.costs')).toBe('NIC IRQ');
    expect(generatedLabel('memory.tlb.walkNs', 'memory')).toBe('TLB walk');
  });

  it('says what is wrong in the words of the label', () => {
    const ipi = field('syscalls.costs.ipiNs');
    expect(advancedFieldError(ipi, '-5')).toBe('IPI latency (one way) must be 0 to 3,600,000,000,000 ns');
    expect(advancedFieldError(ipi, '')).toBe('IPI latency (one way) must be 0 to 3,600,000,000,000 ns');
    expect(advancedFieldError(ipi, '5000')).toBeNull();
    expect(advancedFieldError(field('osnode.pfs.servers'), '2.5')).toBe('PFS servers must be a whole number from 1 to 65,536');
    expect(advancedFieldError(field('linux.nicIrqPerSec'), '1e12')).toBe('Network-card interrupts must be 0 to 1,000,000 per second');
  });

  it('edits only what differs from the preset, nested as in a config file, and applies exactly that', () => {
    const preset = PRESETS['mos-bsp'];
    const draft = { ...advancedDraftOf(preset), 'syscalls.costs.ipiNs': '5000', 'memory.tlb.walkNs': 'oops' };
    expect(advancedErrors(draft)).toEqual(new Map([['memory.tlb.walkNs', 'TLB miss and page walk must be 0 to 1,000,000,000 ns']]));
    const edits = withAdvancedEdits({ syscalls: { mechanism: 'shipping', aggregation: { enabled: true } } }, draft, preset);
    expect(edits).toEqual({ syscalls: { mechanism: 'shipping', aggregation: { enabled: true }, costs: { ipiNs: 5000 } } });
    const r = applyOverrides({ ...edits, preset: 'mos-bsp' });
    expect(r.ok && r.config.syscalls.costs).toEqual({ ...preset.syscalls.costs, ipiNs: 5000 });
    expect(withAdvancedEdits({}, advancedDraftOf(preset), preset)).toEqual({});
  });
});
