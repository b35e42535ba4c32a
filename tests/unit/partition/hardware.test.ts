import { describe, expect, it } from 'vitest';
import { GiB, siblingsOf, totalBytes } from '../../../src/engine/node/hardware';
import { TOPOLOGY_NAMES, topologyByName, twoSocketNode, xeonPhi7250Snc4Flat } from '../../../src/engine/node/topologies';

describe('two-socket node', () => {
  const t = twoSocketNode();
  it('has 64 CPUs numbered the Linux way', () => {
    expect(t.cpus).toHaveLength(64);
    expect(t.cores).toBe(32);
    t.cpus.forEach((c, i) => expect(c.id).toBe(i));
    expect(siblingsOf(t, 5)).toEqual([37]);
    expect(siblingsOf(t, 37)).toEqual([5]);
    expect(t.cpus[16].socket).toBe(1);
    expect(t.cpus[48]).toMatchObject({ core: 16, socket: 1, numa: 1, smtIndex: 1 });
  });
  it('has two 96 GiB DDR domains with their CPUs', () => {
    expect(t.numa.map((d) => [d.kind, d.bytes])).toEqual([
      ['DDR', 96 * GiB],
      ['DDR', 96 * GiB],
    ]);
    expect(t.numa[0].cpus).toEqual([...Array.from({ length: 16 }, (_, i) => i), ...Array.from({ length: 16 }, (_, i) => i + 32)]);
    expect(t.numa[1].distance).toEqual([21, 10]);
  });
});

describe('Xeon Phi 7250 SNC-4 flat', () => {
  const t = xeonPhi7250Snc4Flat();
  it('has 272 CPUs, 4 threads per core, KNL numbering', () => {
    expect(t.cpus).toHaveLength(272);
    expect(siblingsOf(t, 3)).toEqual([71, 139, 207]);
    expect(siblingsOf(t, 207)).toEqual([3, 71, 139]);
  });
  it('splits cores 18/18/16/16 over the DDR quadrants; MCDRAM domains have no CPUs', () => {
    expect(t.numa.slice(0, 4).map((d) => d.cpus.length / 4)).toEqual([18, 18, 16, 16]);
    expect(t.numa.slice(4).every((d) => d.kind === 'HBM' && d.cpus.length === 0 && d.bytes === 4 * GiB)).toBe(true);
    expect(totalBytes(t)).toBe(112 * GiB);
    expect(t.cpus[18].numa).toBe(1);
    expect(t.cpus[68 + 52].numa).toBe(3);
  });
  it('has a symmetric distance matrix with 10 on the diagonal', () => {
    for (const d of t.numa) {
      expect(d.distance[d.id]).toBe(10);
      for (const e of t.numa) expect(d.distance[e.id]).toBe(e.distance[d.id]);
    }
    expect(t.numa[0].distance[4]).toBe(31);
    expect(t.numa[0].distance[5]).toBe(41);
  });
});

describe('registry', () => {
  it('builds every registered topology and nothing else', () => {
    for (const name of TOPOLOGY_NAMES) expect(topologyByName(name)?.name).toBe(name);
    expect(topologyByName('toString')).toBeUndefined();
    expect(topologyByName('nope')).toBeUndefined();
  });
});
