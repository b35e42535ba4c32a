import { describe, expect, it } from 'vitest';
import { applyOverrides, parseConfigText } from '../../../src/engine/config/parseConfig';
import { PRESETS } from '../../../src/engine/config/presets';
import { Role } from '../../../src/engine/node/kinds';

const errorsOf = (x: unknown) => {
  const r = applyOverrides(x, 'my.json');
  return r.ok ? [] : r.errors;
};

describe('configuration files', () => {
  it('apply overrides on top of a preset', () => {
    const r = applyOverrides({ preset: 'mos-bsp', seed: 7, linux: { hz: 250 }, syscalls: { wait: 'spin' }, workload: { computeNs: 500_000 } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.seed).toBe(7);
    expect(r.config.linux.hz).toBe(250);
    expect(r.config.syscalls.wait).toBe('spin');
    expect(r.config.workload).toMatchObject({ kind: 'bsp', computeNs: 500_000, processes: PRESETS['mos-bsp'].workload.kind === 'bsp' ? PRESETS['mos-bsp'].workload.processes : 0 });
  });

  it('re-partition the node from lwkcpus=/lwkmem= text', () => {
    const r = applyOverrides({ preset: 'mos', partition: 'lwkcpus=0.1-13:14.15-27 lwkmem=0:16G,1:16G' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.roles[0]).toBe(Role.Syscall);
    expect(r.config.roles[14]).toBe(Role.Syscall);
    expect(r.config.roles[13]).toBe(Role.Lwk);
    expect(r.config.roles[40]).toBe(Role.Linux);
    expect(r.config.appCpus).toHaveLength(26);
    expect(r.config.syscallCpuOf[20]).toBe(14);
  });

  it('a mechanism change brings that mechanism defaults', () => {
    const r = applyOverrides({ preset: 'mos-bsp', syscalls: { mechanism: 'mckernel' } });
    expect(r.ok && r.config.syscalls.ipiPolicy).toBe('every');
    // ... and with nobody shipping PFS I/O, the OS nodes are bypassed, as in the mckernel preset.
    expect(r.ok && r.config).toEqual({ ...PRESETS.mckernel, name: 'mos-bsp' });
  });

  it('name every problem by its path, and the partition problems by their place', () => {
    expect(errorsOf({ preset: 'nope' })[0]).toMatch(/my.json: preset: unknown preset "nope" \(one of: .*mos/);
    expect(errorsOf({ linux: { hz: -5 } })).toEqual(['my.json: linux.hz: -5 is out of range: a tick rate must be 1 to 10,000 Hz']);
    expect(errorsOf({ linux: { hz: 100, bogus: 1 } })[0]).toMatch(/linux.bogus: unknown setting \(known in linux: hz, /);
    expect(errorsOf({ colour: 'red' })[0]).toMatch(/colour: unknown key/);
    expect(errorsOf({ syscalls: { wait: 'nap' } })[0]).toMatch(/syscalls.wait: expected one of block, spin, got "nap"/);
    expect(errorsOf({ workload: { kind: 'fwq', processes: 3 } })[0]).toMatch(/workload.processes: does not apply to the fwq workload/);
    expect(errorsOf({ partition: 'lwkcpus=0.1-99 lwkmem=1G' })[0]).toMatch(/my.json: partition: .*99.*\(characters \d+-\d+\)/);
    expect(errorsOf({ partition: 'lwkcpus=0.0-3 lwkmem=1G' }).join(' ')).toMatch(/partition:/);
    expect(errorsOf({ topology: 'vax' })[0]).toMatch(/topology: unknown topology "vax" \(one of: two-socket/);
  });

  it('report unreadable JSON without throwing', () => {
    const r = parseConfigText('{ "preset": ', 'broken.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^broken.json: not valid JSON/);
  });
});
