/** The difference table's rows and formats, and the list of settings that differ. */
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import { createNodeSimulation } from '../../../src/engine/node/model';
import { MS } from '../../../src/engine/kernel/time';
import { ROUTES } from '../../../src/engine/descriptors';
import { applyOverrides } from '../../../src/engine/config/parseConfig';
import { diffRows, formatDifference, formatMetric } from '../../../src/app/compare/diffRows';
import { settingsDiff } from '../../../src/app/compare/settingsDiff';
import { partnerPreset } from '../../../src/app/compare/partner';

describe('difference rows', () => {
  const metrics = (preset: string) => {
    const sim = createNodeSimulation(PRESETS[preset], 1);
    sim.runUntil(30 * MS);
    return sim.snapshot().metrics;
  };

  it('read progress, latency per route, IPIs, page faults and Linux CPU use from the metrics', () => {
    const m = metrics('linux-bsp') as { progress: { iterations: number }; linuxCpuTime: { utilisation: number }; syscalls: { routes: Record<string, { count: number; p99Ns: number }> } };
    const get = (key: string) => diffRows().find((r) => r.key === key)!.get(m);
    expect(get('iterations')).toBe(m.progress.iterations);
    expect(get('linuxCpu')).toBe(m.linuxCpuTime.utilisation);
    expect(get('linux.p99')).toBe(m.syscalls.routes.linux.p99Ns);
    expect(get('faults')).toBeGreaterThan(0);
    expect(diffRows().filter((r) => r.key.endsWith('.p50'))).toHaveLength(ROUTES.length);
    // A route no call took has no quantiles (shown as unmeasured, not zero).
    expect(get('osnode.p50')).toBeUndefined();
  });

  it('format values and right-against-left differences', () => {
    expect(formatMetric('ns', 1500)).toBe('1.500 µs');
    expect(formatMetric('count', 12345)).toBe('12,345');
    expect(formatMetric('percent', 0.263)).toBe('26.3 %');
    expect(formatMetric('count', undefined)).toBe('–');
    expect(formatDifference('count', 100, 150)).toBe('+50 (+50.0 %)');
    expect(formatDifference('ns', 2000, 1000)).toBe('−1.000 µs (−50.0 %)');
    expect(formatDifference('percent', 0.25, 0.75)).toBe('+50.0 points');
    expect(formatDifference('count', 3, 3)).toBe('same');
    expect(formatDifference('count', 0, 5)).toBe('+5');
    expect(formatDifference('ns', undefined, 5)).toBe('–');
  });
});

describe('settings that differ', () => {
  it('name the preset and each differing value by its config path, not the derived per-CPU arrays', () => {
    const d = settingsDiff({ presetName: 'mos-bsp', config: PRESETS['mos-bsp'] }, { presetName: 'linux-bsp', config: PRESETS['linux-bsp'] });
    const paths = d.map((x) => x.path);
    expect(paths[0]).toBe('preset');
    expect(paths).toContain('syscalls.mechanism');
    expect(paths).toContain('system');
    expect(paths).not.toContain('roles');
    expect(d.find((x) => x.path === 'system')).toEqual({ path: 'system', left: 'mos', right: 'linux' });
  });

  it('list one edited setting when the same preset runs with a change', () => {
    const edited = applyOverrides({ preset: 'mos-bsp', linux: { hz: 100 } }, 'test');
    if (!edited.ok) throw new Error(edited.errors.join());
    const d = settingsDiff({ presetName: 'mos-bsp', config: PRESETS['mos-bsp'] }, { presetName: 'mos-bsp', config: edited.config });
    expect(d.map((x) => x.path)).toEqual(expect.arrayContaining(['linux.hz']));
    expect(d.find((x) => x.path === 'linux.hz')).toMatchObject({ left: '1000', right: '100' });
    expect(settingsDiff({ presetName: 'mos', config: PRESETS.mos }, { presetName: 'mos', config: PRESETS.mos })).toEqual([]);
  });

  it('open compare mode beside another design with the same workload', () => {
    expect(partnerPreset('mos-bsp', PRESETS['mos-bsp'])).toBe('linux-bsp');
    expect(PRESETS[partnerPreset('mos', PRESETS.mos)].workload.kind).toBe('fwq');
    for (const [name, config] of Object.entries(PRESETS)) expect(partnerPreset(name, config)).not.toBe(name);
  });
});
