import { describe, expect, it } from 'vitest';
import { applyOverrides, parseConfigText } from '../../../src/engine/config/parseConfig';
import { PRESETS } from '../../../src/engine/config/presets';
import { MAX_LISTED_PROBLEMS } from '../../../src/engine/config/configKeys';

const errorsOf = (x: unknown) => {
  const r = applyOverrides(x, 'my.json');
  return r.ok ? [] : r.errors;
};
const configOf = (x: unknown) => {
  const r = applyOverrides(x, 'my.json');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r;
};

describe('physical bounds', () => {
  it('reject tick and interrupt rates that would schedule events at time zero forever', () => {
    expect(errorsOf({ preset: 'mos-bsp', linux: { hz: 1e308 } })).toEqual(['my.json: linux.hz: 1e308 is out of range: a tick rate must be 1 to 10,000 Hz']);
    expect(errorsOf({ preset: 'mos-bsp', linux: { hz: 1e10 } })).toEqual(['my.json: linux.hz: 10,000,000,000 is out of range: a tick rate must be 1 to 10,000 Hz']);
    expect(errorsOf({ preset: 'mos-bsp', linux: { nicIrqPerSec: 1e12 } })).toEqual(['my.json: linux.nicIrqPerSec: 1,000,000,000,000 is out of range: a rate must be 0 to 1,000,000 per second']);
    expect(errorsOf({ preset: 'mos-bsp', linux: { hz: 250.5 } })[0]).toMatch(/linux.hz: 250.5 is not a whole number/);
  });

  it('reject negative and over-long durations, naming the bound', () => {
    expect(errorsOf({ syscalls: { costs: { ipiNs: -1 } } })).toEqual(['my.json: syscalls.costs.ipiNs: -1 is out of range: an IPI latency must be 0 to 3,600,000,000,000 ns']);
    expect(errorsOf({ memory: { tlb: { walkNs: -0.5 } } })[0]).toMatch(/memory.tlb.walkNs: -0.5 is out of range: .* must be 0 to 1,000,000,000 ns/);
    expect(errorsOf({ osnode: { pfs: { latencyNs: 4e12 } } })[0]).toMatch(/osnode.pfs.latencyNs: 4,000,000,000,000 is out of range: a duration must be 0 to 3,600,000,000,000 ns/);
    expect(errorsOf({ syscalls: { costs: { pollNs: 0 } } })[0]).toMatch(/pollNs: 0 is out of range: a polling period must be 1 to/);
    expect(errorsOf({ lwk: { rrQuantumNs: 5 } })[0]).toMatch(/lwk.rrQuantumNs: 5 is out of range: a round-robin quantum must be 0 \(off\) or 100,000 to/);
    expect(configOf({ lwk: { rrQuantumNs: 0 } }).config.lwk.rrQuantumNs).toBe(0);
  });

  it('reject parameters that are fine alone but together overload a CPU or a server', () => {
    expect(errorsOf({ linux: { tickNs: 600_000 } })[0]).toMatch(/linux.tickNs: a tick handler of 600,000 ns at 1,000 Hz takes half the tick period/);
    expect(errorsOf({ linux: { nicIrqPerSec: 1_000_000, nicIrqNs: 100_000 } })[0]).toMatch(/linux.nicIrqPerSec: .* would keep a Linux CPU busy .* of the time/);
    expect(errorsOf({ osnode: { osNodes: 1 } })[0]).toMatch(/requestsPerSecPerComputeNode: the background load would keep an OS node busy/);
    expect(errorsOf({ osnode: { background: { requestsPerSecPerComputeNode: 1e6 } } })[0]).toMatch(/1,023 background nodes would send 1,023,000,000 requests per second/);
    expect(errorsOf({ preset: 'mos-bsp', workload: { checkpointBytes: 2 ** 50 } })[0]).toMatch(/workload.checkpointBytes: moving 1,125,899,906,842,624 bytes would take .* one transfer may take at most an hour/);
    expect(errorsOf({ memory: { faultMinNs: 20_000 } })[0]).toMatch(/memory.faultMinNs: 20,000 ns is above memory.faultMaxNs/);
  });
});

describe('nested parameters', () => {
  it('set exactly the parameter named, and nothing else', () => {
    const r = configOf({ preset: 'mos-bsp', syscalls: { costs: { ipiNs: 5000 } } });
    expect(r.config.syscalls.costs.ipiNs).toBe(5000);
    const base = PRESETS['mos-bsp'];
    expect(r.config).toEqual({ ...base, syscalls: { ...base.syscalls, costs: { ...base.syscalls.costs, ipiNs: 5000 } } });
  });

  it('reach every level: service times by kind, memory, OS nodes and the PFS', () => {
    const r = configOf({ preset: 'mos-bsp', syscalls: { costs: { serviceNs: { io: 2000 } } }, memory: { tlb: { walkNs: 300 } }, osnode: { pfs: { latencyNs: 50_000 } }, app: { workingSetBytes: 1 << 20 } });
    expect(r.config.syscalls.costs.serviceNs).toEqual({ ...PRESETS['mos-bsp'].syscalls.costs.serviceNs, io: 2000 });
    expect(r.config.memory.tlb.walkNs).toBe(300);
    expect(r.config.memory.tlb.entries4k).toBe(PRESETS['mos-bsp'].memory.tlb.entries4k);
    expect(r.config.osnode.pfs).toEqual({ ...PRESETS['mos-bsp'].osnode.pfs, latencyNs: 50_000 });
    expect(r.config.app.workingSetBytes).toBe(1 << 20);
  });

  it('take lists: local calls by syscall name, daemons as records', () => {
    const r = configOf({ syscalls: { localCalls: ['futex', 'getpid'] }, linux: { daemons: [{ name: 'kworker', ratePerSec: 10, medianNs: 5000, sigma: 0.5 }] } });
    expect(r.config.syscalls.localCalls).toEqual(['futex', 'getpid']);
    expect(r.config.linux.daemons).toEqual([{ name: 'kworker', ratePerSec: 10, medianNs: 5000, sigma: 0.5 }]);
    expect(errorsOf({ syscalls: { localCalls: ['getpdi'] } })).toEqual(['my.json: syscalls.localCalls[0]: expected an x86_64 syscall name, got "getpdi" (did you mean getpid?)']);
    expect(errorsOf({ linux: { daemons: [{ name: 'k', ratePerSec: 1, medianNs: 1 }] } })).toEqual(['my.json: linux.daemons[0].sigma: missing (each item needs name, ratePerSec, medianNs, sigma)']);
    expect(errorsOf({ syscalls: { localCalls: new Array(600).fill('futex') } })).toEqual(['my.json: syscalls.localCalls: expected at most 512 names, got 600']);
  });

  it('name unknown keys by their full path, with the closest known one', () => {
    expect(errorsOf({ syscalls: { costs: { ipiNS: 5000 } } })).toEqual(['my.json: syscalls.costs.ipiNS: unknown setting (did you mean syscalls.costs.ipiNs?)']);
    expect(errorsOf({ linux: { ipiNs: 5000 } })).toEqual(['my.json: linux.ipiNs: unknown setting (did you mean syscalls.costs.ipiNs?)']);
    expect(errorsOf({ osnode: { pfs: { latency: 1 } } })).toEqual(['my.json: osnode.pfs.latency: unknown setting (did you mean osnode.pfs.latencyNs?)']);
    expect(errorsOf({ costs: {} })).toEqual(['my.json: costs: unknown key (did you mean syscalls.costs?)']);
  });

  it('keep applying the workload rules: a new kind brings its defaults, foreign fields are named', () => {
    const r = configOf({ preset: 'mos', workload: { kind: 'syscall', call: 'read', bytes: 4096 } });
    expect(r.config.workload).toEqual({ kind: 'syscall', call: 'read', bytes: 4096, thinkNs: 10_000, path: '/pfs/data' });
    expect(errorsOf({ preset: 'mos', workload: { computeNs: 5 } })).toEqual(['my.json: workload.computeNs: does not apply to the fwq workload (its settings: kind, quantumNs)']);
  });
});

describe('the old top-level aggregation', () => {
  it('is read as syscalls.aggregation with a warning that it moved', () => {
    const r = configOf({ preset: 'mos', aggregation: { enabled: false, smallBytes: 512 } });
    expect(r.config.syscalls.aggregation).toEqual({ ...PRESETS.mos.syscalls.aggregation, enabled: false, smallBytes: 512 });
    expect(r.warnings).toEqual(['aggregation: moved to syscalls.aggregation; read from there (save the settings again to store them in the new place)']);
    expect(errorsOf({ aggregation: { enabled: 'no' } })).toEqual(['my.json: aggregation.enabled: expected true or false, got "no"']);
  });

  it('loses to the new place when both are given', () => {
    const r = configOf({ preset: 'mos', aggregation: { enabled: false, smallBytes: 512 }, syscalls: { aggregation: { enabled: true } } });
    expect(r.config.syscalls.aggregation).toMatchObject({ enabled: true, smallBytes: 512 });
    expect(configOf({ syscalls: { aggregation: { bufferBytes: 8192 } } }).warnings).toEqual([]);
  });
});

describe('hostile input', () => {
  it('rejects prototype keys wherever they are, and never reaches a prototype', () => {
    const input = JSON.parse('{"__proto__": {"polluted": 1}, "linux": {"constructor": 1, "prototype": {}}, "syscalls": {"costs": {"__proto__": {"ipiNs": 1}}}}');
    expect(errorsOf(input)).toEqual([
      'my.json: __proto__: "__proto__" is never a setting (nor are constructor, prototype)',
      'my.json: linux.constructor: "constructor" is never a setting (nor are __proto__, prototype)',
      'my.json: linux.prototype: "prototype" is never a setting (nor are __proto__, constructor)',
      'my.json: syscalls.costs.__proto__: "__proto__" is never a setting (nor are constructor, prototype)',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not find names on prototypes', () => {
    expect(errorsOf({ preset: 'toString' })[0]).toMatch(/^my.json: preset: unknown preset "toString" \(one of: mos, /);
    expect(errorsOf({ preset: 'mos-bsp', workload: { kind: 'toString' } })).toEqual(['my.json: workload.kind: expected one of fwq, bsp, syscall, got "toString"']);
    expect(errorsOf({ syscalls: { mechanism: 'hasOwnProperty' } })[0]).toMatch(/syscalls.mechanism: expected one of shipping, mckernel, evanescence, native/);
    expect(errorsOf({ linux: { toString: 1 } })[0]).toMatch(/linux.toString: unknown setting/);
  });

  it('answers 200,000 levels of nesting with a message, not a stack overflow', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const r = parseConfigText(`{"linux": ${deep}}`, 'deep.json');
    expect(r.ok ? [] : r.errors).toEqual(['deep.json: nested more than 16 levels deep (at character 26); a configuration nests at most a few levels']);
    // Already-parsed input (stored settings) is walked only as deep as the parameters go.
    const value = JSON.parse(deep) as unknown;
    expect(errorsOf({ linux: value })[0]).toMatch(/^my.json: linux: expected an object .*got a list of 1 item$/);
    expect(errorsOf({ syscalls: { localCalls: value } })).toEqual(['my.json: syscalls.localCalls[0]: expected an x86_64 syscall name, got a list of 1 item']);
    expect(errorsOf({ linux: { daemons: [value] } })).toEqual(['my.json: linux.daemons[0]: expected an object with name, ratePerSec, medianNs, sigma, got a list of 1 item']);
    // Brackets inside strings do not count.
    expect(parseConfigText(`{"syscalls": {"pfsPrefix": "${'['.repeat(100)}"}}`, 'x').ok).toBe(true);
  });

  it('caps the list of problems', () => {
    const input = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i]));
    const errors = errorsOf(input);
    expect(errors).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(errors[0]).toMatch(/^my.json: k0: unknown key/);
    expect(errors[MAX_LISTED_PROBLEMS]).toBe('my.json: … and 10 more problems');
  });
});
