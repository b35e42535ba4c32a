import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import { PARAM_SPECS, SPEC_BY_PATH, STRUCTURAL_KEYS, valueAt } from '../../../src/engine/config/paramSpecs';
import { leafPaths, sourceOf } from '../../../src/engine/config/parameterDocs';
import { checkParam } from '../../../src/engine/config/checkParam';
import { numberRuleFor } from '../../../src/engine/config/paramRules';
import { applyOverrides } from '../../../src/engine/config/parseConfig';
import { workloadFields } from '../../../src/engine/config/kindDefaults';

const settableLeaves = (config: object) => leafPaths(config).filter(([p]) => !STRUCTURAL_KEYS.has(p.split('.')[0]));

/** The nested object that sets every settable leaf of a preset to the preset's own value. */
function everyParameterOf(name: string): Record<string, unknown> {
  const out: Record<string, unknown> = { preset: name };
  for (const [path, v] of settableLeaves(PRESETS[name])) {
    const parts = path.split('.');
    let o = out;
    for (const p of parts.slice(0, -1)) o = (o[p] ??= {}) as Record<string, unknown>;
    o[parts[parts.length - 1]] = v;
  }
  return out;
}

describe('the parameter spec table', () => {
  it('has a spec and a documented source for every settable leaf of every preset', () => {
    const leaves = new Set(Object.values(PRESETS).flatMap((c) => settableLeaves(c).map(([p]) => p)));
    expect([...leaves].filter((p) => !SPEC_BY_PATH.has(p))).toEqual([]);
    expect(PARAM_SPECS.filter((s) => sourceOf(s.path) === undefined).map((s) => s.path)).toEqual([]);
    // Nothing structural is settable one by one.
    expect(PARAM_SPECS.filter((s) => STRUCTURAL_KEYS.has(s.path.split('.')[0]))).toEqual([]);
  });

  it('finds parameters no preset uses: the syscall microbenchmark and the cost groups', () => {
    expect(SPEC_BY_PATH.get('workload.call')?.workloadKinds).toEqual(['syscall']);
    expect(SPEC_BY_PATH.get('syscalls.costs.serviceNs.io')?.number).toMatchObject({ unit: 'ns', min: 0 });
    expect(SPEC_BY_PATH.get('osnode.pfs.latencyNs')?.kind).toBe('number');
    expect(SPEC_BY_PATH.get('linux.daemons')?.fields?.map((f) => f.path)).toEqual(['linux.daemons[].name', 'linux.daemons[].ratePerSec', 'linux.daemons[].medianNs', 'linux.daemons[].sigma']);
  });

  it('gives every number a rule with sane bounds (none falls through to the unruled default)', () => {
    const numbers = PARAM_SPECS.flatMap((s) => (s.fields ? s.fields : [s])).filter((s) => s.number);
    expect(numbers.filter((s) => s.number!.unruled).map((s) => s.path)).toEqual([]);
    for (const s of numbers) expect(s.number!.min, s.path).toBeLessThanOrEqual(s.number!.max);
    expect(numberRuleFor('linux.hz')).toMatchObject({ min: 1, max: 10_000, unit: 'Hz' });
    expect(numberRuleFor('linux.nicIrqPerSec')).toMatchObject({ max: 1_000_000, unit: '/s' });
    expect(numberRuleFor('syscalls.costs.copyNsPerByte')).toMatchObject({ max: 1_000, unit: 'ns/byte' });
    expect(numberRuleFor('network.bytesPerNs').unit).toBe('bytes/ns');
    expect(numberRuleFor('app.workingSetBytes')).toMatchObject({ kind: 'whole', max: 2 ** 50 });
    expect(numberRuleFor('network.irqPerMessage')).toMatchObject({ min: 0, max: 1 });
  });

  it('derives enum values from the mechanisms, workloads and presets', () => {
    expect(SPEC_BY_PATH.get('syscalls.mechanism')?.values).toEqual(['shipping', 'mckernel', 'evanescence', 'native', 'cnk', 'kitten', 'kitten-palacios', 'hobbes', 'argo', 'ffmk', 'cake']);
    expect(SPEC_BY_PATH.get('workload.kind')?.values).toEqual(['fwq', 'bsp', 'syscall']);
    expect(SPEC_BY_PATH.get('memory.kindOrder')?.values).toEqual(['HBM', 'DDR']);
    expect(workloadFields('toString')).toBeUndefined();
  });

  it("accepts every preset's own values, and a file listing them all gives back the preset", () => {
    for (const [name, config] of Object.entries(PRESETS)) {
      for (const spec of PARAM_SPECS) {
        const v = valueAt(config, spec.path);
        if (v !== undefined) expect(checkParam(spec, v).ok, `${name} ${spec.path}`).toBe(true);
      }
      const r = applyOverrides(everyParameterOf(name));
      expect(r.ok ? [] : r.errors, name).toEqual([]);
      if (r.ok) expect(r.config, name).toEqual(config);
    }
  });
});
