/**
 * Argo NodeOS: one Linux kernel. Container cores are spared the daemons and device interrupts
 * (they run in the ServiceOS partition) but keep what one kernel cannot take away; calls are
 * served natively, on the caller's core. The NRM manifest is the design's option syntax.
 */
import { describe, expect, it } from 'vitest';
import '../../../src/engine/designs/syntaxes';
import { PRESETS } from '../../../src/engine/config/presets';
import { applyOverrides } from '../../../src/engine/config/parseConfig';
import { Activity, Cause, CAUSE_NAMES, Role } from '../../../src/engine/node/kinds';
import { Tr } from '../../../src/engine/node/events';
import { MS } from '../../../src/engine/kernel/time';
import { ROUTES } from '../../../src/engine/descriptors';
import { topologyByName } from '../../../src/engine/node/topologies';
import { parseManifest, printManifest } from '../../../src/engine/designs/argo/manifest';
import { recordsOf, runCollecting } from '../node/helpers';

const ARGO = PRESETS.argo;
const container = ARGO.appCpus;
const service = ARGO.roles.flatMap((_, c) => (container.includes(c) ? [] : [c]));
const twoSocket = topologyByName('two-socket')!;

describe('argo: one kernel, containers', () => {
  it('the ServiceOS keeps one core; the compute container has every other CPU', () => {
    expect(ARGO.system).toBe('linux');
    expect(service).toEqual([0, 32]);
    expect(container).toHaveLength(62);
    expect(ARGO.roles.every((r) => r === Role.Linux)).toBe(true);
  });

  it('container cores see the nohz_full residual sources and the residual tick, but no daemons or device interrupts', () => {
    const { sim, records } = runCollecting(ARGO, 300 * MS);
    const intr = [...recordsOf(records, Tr.IntrBegin)];
    const causesOn = (cpus: readonly number[]) => new Set(intr.filter((r) => cpus.includes(r.cpu)).map((r) => CAUSE_NAMES[r.a]));
    const onContainer = causesOn(container);
    expect(onContainer.has('nohz_full residual')).toBe(true);
    expect(onContainer.has('timer tick')).toBe(true); // the residual 1 Hz tick
    expect(onContainer.has('kernel daemon')).toBe(false);
    expect(onContainer.has('device interrupt')).toBe(false);
    expect(onContainer.has('PFS client')).toBe(false);
    // The daemons are there, on the ServiceOS.
    expect(causesOn(service).has('kernel daemon')).toBe(true);
    // The residual tick is 1 Hz on each container core, not the 1000 Hz tick.
    const ticks = intr.filter((r) => container.includes(r.cpu) && r.a === Cause.Tick).length;
    expect(ticks).toBeLessThanOrEqual(container.length * Math.ceil((sim.now / 1e9) * 1) + container.length);
  });

  it('serves every call natively on the caller\'s core: no channel, no IPI doorbell, no proxy, no migration', () => {
    const { records } = runCollecting(ARGO, 60 * MS);
    const all = [...recordsOf(records)];
    expect(all.filter((r) => r.kind === Tr.ChannelInsert || r.kind === Tr.ProxyStart || r.kind === Tr.Migrate || r.kind === Tr.HandlerGetList)).toEqual([]);
    const issued = new Map<number, number>();
    let served = 0;
    for (const r of all) {
      if (r.kind === Tr.SyscallIssue) issued.set(r.a, r.cpu);
      if (r.kind === Tr.SyscallRoute && ROUTES[r.b].key === 'linux') {
        expect(r.cpu).toBe(issued.get(r.a));
        expect(container).toContain(r.cpu);
        served++;
      }
      if (r.kind === Tr.SyscallDone) expect(r.cpu).toBe(issued.get(r.a));
    }
    expect(served).toBeGreaterThan(100);
    // The kernel's work shows on the container cores themselves.
    expect(all.some((r) => r.kind === Tr.Activity && r.a === Activity.Syscall && container.includes(r.cpu))).toBe(true);
  });
});

describe('argo: NRM manifest options', () => {
  it('round-trips: the preset\'s manifest gives back the preset', () => {
    const text = printManifest(ARGO);
    const r = applyOverrides({ preset: 'argo', options: text });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.config).toEqual(ARGO);
  });

  it('brings Argo to another preset: the container, the ServiceOS and the isolation', () => {
    const r = applyOverrides({ preset: 'mos-bsp', syscalls: { mechanism: 'argo' }, options: 'name: sim\napp:\n  slice:\n    cpus: 62\n    mems: 2\n  scheduler: FIFO\n' });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.config.roles).toEqual(ARGO.roles);
    expect(r.config.appCpus).toEqual(ARGO.appCpus);
    expect([r.config.linux.nohzFull, r.config.linux.isolcpus, r.config.linux.irqAffinity]).toEqual([true, true, true]);
  });

  it('a smaller container takes whole cores after the ServiceOS\'s', () => {
    const r = parseManifest('app:\n  slice:\n    cpus: 4\n', twoSocket);
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
    expect(String(r.overrides.partition)).toMatch(/^lwkcpus=0\.1-2,33-34 /);
  });

  it('places its errors and says what is not modelled', () => {
    const errorAt = (text: string) => {
      const r = parseManifest(text, twoSocket);
      if (r.ok) throw new Error('expected an error');
      return r.errors.map((e) => [e.message, text.slice(e.start, e.end)]);
    };
    expect(errorAt('app:\n  slice:\n    cpu: 4\n')[0][1]).toBe('cpu');
    expect(errorAt('app:\n  slice:\n    cpus: 4\n    cpu: 4\n')[0][0]).toMatch(/unknown key app\.slice\.cpu \(known here: cpus, mems\)/);
    expect(errorAt('app:\n  slice:\n    cpus: 63\n')[0]).toEqual(["app.slice.cpus: expected a whole number from 1 to 62, got '63'", '63']);
    expect(errorAt('app:\n  slice:\n    cpus: 4\n  scheduler: RR\n')[0]).toEqual(["app.scheduler: expected FIFO, HPC, Other, got 'RR'", 'RR']);
    expect(errorAt('name: x\n')[0][0]).toMatch(/app\.slice\.cpus is missing/);
    expect(errorAt('app:\n\tslice:\n')[0][0]).toMatch(/spaces, not tabs/);
    const hpc = parseManifest('app:\n  slice:\n    cpus: 62\n    mems: 1\n  scheduler: HPC\n', twoSocket);
    if (!hpc.ok) throw new Error('expected warnings only');
    expect(hpc.warnings.map((w) => w.message).join('\n')).toMatch(/HPC scheduling class is not modelled[\s\S]*span 2 NUMA node/);
  });
});
