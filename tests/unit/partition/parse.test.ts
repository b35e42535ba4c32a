import { describe, expect, it } from 'vitest';
import { GiB, MiB } from '../../../src/engine/node/hardware';
import { twoSocketNode, xeonPhi7250Snc4Flat } from '../../../src/engine/node/topologies';
import { describePartition, parsePartition, printPartition, type Diagnostic } from '../../../src/engine/config/partition';
import { syscallTargets } from '../../../src/engine/config/partitionTypes';

const two = twoSocketNode();
const knl = xeonPhi7250Snc4Flat();

function errorsOf(text: string, topo = two): readonly Diagnostic[] {
  const r = parsePartition(text, topo);
  if (r.ok) throw new Error(`expected errors for ${text}`);
  return r.errors;
}

/** The one error whose message matches, with the text it underlines. */
function theError(text: string, pattern: RegExp, topo = two): { message: string; under: string } {
  const found = errorsOf(text, topo).filter((e) => pattern.test(e.message));
  expect(found, `errors of ${text}: ${JSON.stringify(errorsOf(text, topo))}`).toHaveLength(1);
  return { message: found[0].message, under: text.slice(found[0].start, found[0].end) };
}

describe('parsePartition: valid text', () => {
  it('reads the lwkctl example', () => {
    const r = parsePartition('lwkcpus=0.1-13:14.15-27 lwkmem=0:16G,1:16G', two);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.partition.groups).toEqual([
      { syscallCpu: 0, lwkCpus: Array.from({ length: 13 }, (_, i) => i + 1) },
      { syscallCpu: 14, lwkCpus: Array.from({ length: 13 }, (_, i) => i + 15) },
    ]);
    expect(r.partition.lwkMem).toEqual([
      { numa: 0, bytes: 16 * GiB },
      { numa: 1, bytes: 16 * GiB },
    ]);
    // CPUs 1-13 and 15-27 have Linux siblings 33-45 and 47-59.
    expect(r.warnings.length).toBeGreaterThan(0);
  });
  it('accepts keys in either order, extra blanks, sorts CPUs and domains', () => {
    const r = parsePartition('  lwkmem=1:2g,0:1024M \n lwkcpus=0.5,3-4  ', two);
    expect(r.ok && r.partition).toEqual({
      groups: [{ syscallCpu: 0, lwkCpus: [3, 4, 5] }],
      lwkMem: [
        { numa: 0, bytes: 1 * GiB },
        { numa: 1, bytes: 2 * GiB },
      ],
    });
  });
  it('accepts size spellings: K/M/G/T, iB, plain bytes; warns on GB', () => {
    const ok = (mem: string): number => {
      const r = parsePartition(`lwkcpus=0.1,33 lwkmem=0:${mem}`, two);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return r.partition.lwkMem[0].bytes;
    };
    expect(ok('16G')).toBe(16 * GiB);
    expect(ok('16GiB')).toBe(16 * GiB);
    expect(ok('2048m')).toBe(2 * GiB);
    expect(ok('4194304')).toBe(4 * MiB);
    expect(ok('2097152K')).toBe(2 * GiB);
    const r = parsePartition('lwkcpus=0.1,33 lwkmem=0:16GB', two);
    expect(r.ok && r.warnings.map((w) => w.message)).toEqual([expect.stringContaining('16 GiB')]);
  });
  it('warns when a size is not a whole number of 2 MiB pages', () => {
    const r = parsePartition('lwkcpus=0.1,33 lwkmem=0:3M', two);
    expect(r.ok && r.warnings[0].message).toMatch(/multiple of 2 MiB/);
  });
  it('lets one Linux CPU serve several groups', () => {
    const r = parsePartition('lwkcpus=0.1-5,33-37:0.6-9,38-41 lwkmem=0:1G', two);
    expect(r.ok && r.partition.groups.map((g) => g.syscallCpu)).toEqual([0, 0]);
    expect(r.ok && r.warnings).toEqual([]);
  });
  it('underlines something visible for empty parts', () => {
    for (const text of ['lwkcpus= lwkmem=0:1G', 'lwkcpus=0. lwkmem=0:1G', 'lwkcpus=0.1 lwkmem=', 'lwkcpus=0.1 lwkmem=0:', 'lwkcpus=0.1: lwkmem=0:1G']) {
      for (const e of errorsOf(text)) expect(e.end, `${text}: ${e.message}`).toBeGreaterThan(e.start);
    }
  });
  it('describes every CPU role', () => {
    const r = parsePartition('lwkcpus=0.1-15,33-47:16.17-31,49-63 lwkmem=0:88G,1:88G', two);
    if (!r.ok) throw new Error('valid');
    const layout = describePartition(r.partition, two);
    expect(layout.syscallCpus).toEqual([0, 16]);
    expect(layout.linuxCpus).toEqual([0, 16, 32, 48]);
    expect(layout.lwkCpus).toHaveLength(60);
    expect(layout.roles[32]).toBe('linux');
    expect(layout.groupOf[49]).toBe(1);
    expect(layout.linuxBytes).toEqual([8 * GiB, 8 * GiB]);
  });
});

describe('parsePartition: errors name the problem and its place', () => {
  it('a CPU in two groups', () => {
    const e = theError('lwkcpus=0.1-13:14.10-27 lwkmem=0:1G', /listed twice/);
    expect(e.message).toMatch(/CPUs 10-13 listed twice: already an LWK CPU of group 1/);
    expect(e.under).toBe('10-27');
  });
  it('a CPU listed twice in one group', () => {
    const e = theError('lwkcpus=0.1-5,5 lwkmem=0:1G', /listed twice/);
    expect(e.message).toMatch(/CPU 5 listed twice in this group/);
    expect(e.under).toBe('5');
  });
  it('a CPU that does not exist', () => {
    expect(theError('lwkcpus=0.1-70 lwkmem=0:1G', /exist/)).toEqual({
      message: 'CPUs 64-70 do not exist: this node has CPUs 0-63',
      under: '1-70',
    });
    expect(theError('lwkcpus=0.300 lwkmem=0:1G', /exist/, knl).message).toBe('CPU 300 does not exist: this node has CPUs 0-271');
    expect(theError('lwkcpus=99.1 lwkmem=0:1G', /exist/).message).toBe('syscall CPU 99 does not exist: this node has CPUs 0-63');
  });
  it('no Linux CPU left', () => {
    expect(theError('lwkcpus=0.0-63 lwkmem=0:1G', /no Linux CPU/).under).toBe('lwkcpus=0.0-63');
  });
  it('a syscall CPU that is an LWK CPU', () => {
    const e = theError('lwkcpus=0.1-13:14.15-27:3.40 lwkmem=0:1G', /syscall CPU/);
    expect(e.message).toBe('syscall CPU 3 is an LWK CPU (of group 1): a syscall CPU must be a Linux CPU');
    expect(e.under).toBe('3');
  });
  it('memory beyond a domain', () => {
    const e = theError('lwkcpus=0.1 lwkmem=0:100G', /NUMA domain 0/);
    expect(e.message).toBe('NUMA domain 0 (DDR, 96 GiB) cannot give 100 GiB to the LWK: at most 95 GiB is available (Linux keeps 1 GiB on a domain where it has CPUs)');
    expect(e.under).toBe('100G');
    // Linux has no CPU on MCDRAM: the whole domain may go, but not more.
    expect(parsePartition('lwkcpus=0.1 lwkmem=4:4G', knl).ok).toBe(true);
    expect(theError('lwkcpus=0.1 lwkmem=4:5G', /NUMA domain 4/, knl).message).toMatch(/\(HBM, 4 GiB\) cannot give 5 GiB.*at most 4 GiB is available \(the whole domain\)/);
  });
  it('unreadable sizes', () => {
    expect(theError('lwkcpus=0.1 lwkmem=0:16Q', /size/).under).toBe('16Q');
    expect(theError('lwkcpus=0.1 lwkmem=0:1.5G', /whole number/).message).toMatch(/1536M/);
    expect(theError('lwkcpus=0.1 lwkmem=0:99999999999T', /too large/).under).toBe('99999999999T');
  });
  it('unknown, missing and repeated keys', () => {
    const u = theError('lwkcpus=0.1 lwkmem=0:1G lwkcpu=3', /unknown key/);
    expect(u.message).toBe("unknown key 'lwkcpu': expected lwkcpus or lwkmem; did you mean lwkcpus?");
    expect(u.under).toBe('lwkcpu');
    expect(theError('lwkcpus=0.1', /missing lwkmem/).message).toMatch(/lwkmem=108G/);
    expect(theError(' lwkmem=0:1G ', /missing lwkcpus/).under).toBe('lwkmem=0:1G');
    expect(theError('lwkcpus=0.1 lwkmem=0:1G lwkmem=1:1G', /twice/).under).toBe('lwkmem');
    expect(theError('lwkcpus=0.1 lwkmem=0:1G junk', /key=value/).under).toBe('junk');
    expect(errorsOf('').map((e) => e.message)).toEqual([expect.stringMatching(/missing lwkcpus/), expect.stringMatching(/missing lwkmem/)]);
  });
  it('a NUMA domain that does not exist', () => {
    expect(theError('lwkcpus=0.1 lwkmem=2:1G', /domain/).message).toBe('NUMA domain 2 does not exist: this node has domains 0-1');
  });
  it('reads lwkmem as mOS does: a domain listed again adds up, a size without a domain is spread, 0 is skipped', () => {
    const again = parsePartition('lwkcpus=0.1 lwkmem=0:1G,0:2G', two);
    if (!again.ok) throw new Error('expected ok');
    expect(again.partition.lwkMem).toEqual([{ numa: 0, bytes: 3 * GiB }]);
    expect(again.warnings.map((w) => w.message).join(' ')).toMatch(/listed again: the sizes add up/);
    const mixed = parsePartition('lwkcpus=0.1 lwkmem=0:1G,2G', two);
    if (!mixed.ok) throw new Error('expected ok');
    expect(mixed.partition.lwkMem).toEqual([{ numa: 0, bytes: 2 * GiB }, { numa: 1, bytes: 1 * GiB }]);
    const zero = parsePartition('lwkcpus=0.1 lwkmem=0:0,1:4G', two);
    if (!zero.ok) throw new Error('expected ok');
    expect(zero.partition.lwkMem).toEqual([{ numa: 1, bytes: 4 * GiB }]);
    // The sum of a domain's entries is checked against what it can give.
    expect(theError('lwkcpus=0.1 lwkmem=0:100G,0:100G', /cannot give/).under).toBe('100G');
  });
  it('malformed lists and groups', () => {
    expect(theError('lwkcpus=0.5-3 lwkmem=0:1G', /backwards/)).toEqual({ message: 'range 5-3 is backwards: write 3-5', under: '5-3' });
    expect(theError('lwkcpus=0.1,,3 lwkmem=0:1G', /empty element/).under).toBe(',');
    expect(theError('lwkcpus=0.1-x lwkmem=0:1G', /cannot read/).under).toBe('1-x');
    expect(theError('lwkcpus=0.1::14.15 lwkmem=0:1G', /empty group/).under).toBe(':');
    expect(theError('lwkcpus=0. lwkmem=0:1G', /empty CPU list/)).toBeTruthy();
    expect(theError('lwkcpus=0,1.2 lwkmem=0:1G', /at most one syscall CPU/).under).toBe('0,1');
  });
  it('a group may name no syscall CPU (mOS allows it): its calls go to the nearest group\'s', () => {
    for (const text of ['lwkcpus=1-13:14.15-27 lwkmem=0:1G', 'lwkcpus=.1-13:14.15-27 lwkmem=0:1G']) {
      const r = parsePartition(text, two);
      if (!r.ok) throw new Error(`expected ok: ${JSON.stringify(r.errors)}`);
      expect(r.partition.groups[0].syscallCpu).toBe(-1);
      expect(r.warnings.map((w) => w.message).join(' ')).toMatch(/group 1 has no syscall CPU/);
      expect(printPartition(r.partition)).toBe('lwkcpus=1-13:14.15-27 lwkmem=0:1G');
      expect(syscallTargets(r.partition, two)[5]).toBe(14);
    }
    const none = parsePartition('lwkcpus=1-13 lwkmem=0:1G', two);
    if (!none.ok) throw new Error('expected ok');
    expect(syscallTargets(none.partition, two)[1]).toBe(0); // no group has one: the first Linux CPU
  });
  it('reports several problems at once, in text order', () => {
    const errs = errorsOf('lwkcpus=0.5-3:99.1 lwkmem=7:1G');
    expect(errs.map((e) => e.start)).toEqual([...errs.map((e) => e.start)].sort((a, b) => a - b));
    expect(errs).toHaveLength(3);
  });
});

describe('SMT sibling warnings', () => {
  it('names the Linux and LWK siblings', () => {
    const r = parsePartition('lwkcpus=0.1-2 lwkmem=0:1G', two);
    if (!r.ok) throw new Error('valid');
    expect(r.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^Linux CPU 33 and LWK CPU 1 are SMT siblings \(core 1\)/),
      expect.stringMatching(/^Linux CPU 34 and LWK CPU 2 are SMT siblings \(core 2\)/),
    ]);
    expect(r.warnings[0].start).toBe('lwkcpus=0.'.length);
  });
  it('names all threads of a KNL core', () => {
    const r = parsePartition('lwkcpus=0.2,70 lwkmem=0:1G', knl);
    expect(r.ok && r.warnings[0].message).toMatch(/^Linux CPUs 138,206 and LWK CPUs 2,70 are SMT siblings \(core 2\)/);
  });
  it('sums up beyond eight cores', () => {
    const r = parsePartition('lwkcpus=0.1-20 lwkmem=0:1G', two);
    expect(r.ok && r.warnings.length).toBe(9);
    expect(r.ok && r.warnings[8].message).toBe('12 more cores are shared between Linux and LWK CPUs');
  });
  it('is silent when Linux keeps whole cores', () => {
    const r = parsePartition('lwkcpus=0.1-15,33-47 lwkmem=0:1G', two);
    expect(r.ok && r.warnings).toEqual([]);
  });
});

describe('bare lwkmem size', () => {
  it('spreads evenly over domains', () => {
    const r = parsePartition('lwkcpus=0.1-15,33-47:16.17-31,49-63 lwkmem=108G', two);
    expect(r.ok && r.partition.lwkMem).toEqual([
      { numa: 0, bytes: 54 * GiB },
      { numa: 1, bytes: 54 * GiB },
    ]);
    if (r.ok) expect(printPartition(r.partition)).toBe('lwkcpus=0.1-15,33-47:16.17-31,49-63 lwkmem=0:54G,1:54G');
  });
  it('fills MCDRAM too, and what it cannot take goes to DDR', () => {
    const r = parsePartition('lwkcpus=0.2-67,70-135,138-203,206-271 lwkmem=108G', knl);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.partition.lwkMem.reduce((s, m) => s + m.bytes, 0)).toBe(108 * GiB);
    // MCDRAM domains can take only 4 GiB each; the DDR domains share the rest.
    expect(r.partition.lwkMem.map((m) => m.bytes / GiB)).toEqual([23, 23, 23, 23, 4, 4, 4, 4]);
    r.partition.lwkMem.forEach((m) => expect(m.bytes % (2 * MiB)).toBe(0));
  });
  it('keeps odd sizes exact: pages to the lowest domains first, then the bytes', () => {
    const r = parsePartition('lwkcpus=0.1-15,33-47:16.17-31,49-63 lwkmem=6M', two);
    expect(r.ok && r.partition.lwkMem).toEqual([
      { numa: 0, bytes: 4 * MiB },
      { numa: 1, bytes: 2 * MiB },
    ]);
    const s = parsePartition('lwkcpus=0.1-15,33-47:16.17-31,49-63 lwkmem=5M', two);
    expect(s.ok && s.partition.lwkMem).toEqual([
      { numa: 0, bytes: 3 * MiB },
      { numa: 1, bytes: 2 * MiB },
    ]);
  });
  it('refuses more than the node can give', () => {
    expect(theError('lwkcpus=0.1 lwkmem=191G', /at most 190 GiB/).under).toBe('191G');
    expect(theError('lwkcpus=0.1 lwkmem=0', /no memory/)).toBeTruthy();
  });
});

describe('parsePartition: many problems', () => {
  it('lists at most 20 problems and counts the rest in one more', () => {
    const text = 'lwkcpus=0.' + Array.from({ length: 2000 }, (_, i) => i + 100).join(',') + ' lwkmem=0:1G';
    const errors = errorsOf(text);
    expect(errors).toHaveLength(21);
    expect(errors[20].message).toBe('… and 1980 more problems like these');
  });
  it('a group list of only separators is one problem, not one per empty group', () => {
    expect(errorsOf('lwkcpus=: lwkmem=0:1G').map((e) => e.message)).toEqual(['lwkcpus names no group: expected <syscall cpu>.<LWK cpus>, e.g. lwkcpus=0.1-13']);
  });
});
