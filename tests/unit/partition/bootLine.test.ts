import { describe, expect, it } from 'vitest';
import { GiB } from '../../../src/engine/node/hardware';
import { TOPOLOGY_NAMES, topologyByName, twoSocketNode, xeonPhi7250Snc4Flat } from '../../../src/engine/node/topologies';
import {
  DEFAULT_PARTITION_TEXT,
  defaultMosPartition,
  describePartition,
  mosBootLine,
  paperBootLine,
  parsePartition,
  printPartition,
  type Partition,
} from '../../../src/engine/config/partition';

const two = twoSocketNode();
const knl = xeonPhi7250Snc4Flat();

function parse(text: string, topo = two): Partition {
  const r = parsePartition(text, topo);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.partition;
}

describe('mOS boot line', () => {
  it('is the canonical lwkcpus= lwkmem= text', () => {
    const p = parse('lwkmem=0:16384M,1:16G lwkcpus=0.13,1-12:14.15-27');
    expect(mosBootLine(p)).toBe('lwkcpus=0.1-13:14.15-27 lwkmem=0:16G,1:16G');
  });
});

describe("the paper's maxcpus= mem= boot line", () => {
  it('expresses Linux CPUs 0..n-1 and LWK memory at the top', () => {
    expect(paperBootLine(parse('lwkcpus=0.32-63 lwkmem=1:64G'), two)).toEqual({ expressible: true, line: 'maxcpus=32 mem=128G' });
    // On KNL: Linux keeps CPU 0 and the lowest 4 GiB; the LWK everything above.
    const p = parse('lwkcpus=0.1-271 lwkmem=0:20G,1:24G,2:24G,3:24G,4:4G,5:4G,6:4G,7:4G', knl);
    expect(paperBootLine(p, knl)).toEqual({ expressible: true, line: 'maxcpus=1 mem=4G' });
  });
  it('explains when Linux CPUs are not a prefix', () => {
    const r = paperBootLine(defaultMosPartition(two), two);
    expect(r.expressible).toBe(false);
    if (r.expressible) return;
    expect(r.reason).toMatch(/Linux CPUs are not the first 4 CPUs: maxcpus=4 would keep CPUs 0-3, but CPU 1 is an LWK CPU while Linux has CPUs 16,32,48 above it/);
    expect(r.reason).toMatch(/Linux keeps 8 GiB of NUMA domain 1, above LWK memory in domain 0/);
    expect(r.reason).toMatch(/ACPI table edits/);
  });
  it('explains when only the memory is not expressible', () => {
    const r = paperBootLine(parse('lwkcpus=0.32-63 lwkmem=0:64G'), two);
    expect(r).toEqual({ expressible: false, reason: expect.stringMatching(/^the LWK memory is not the top of physical memory/) });
    if (!r.expressible) expect(r.reason).not.toMatch(/maxcpus/);
  });
});

describe('default partitions', () => {
  it('exist for every topology, parse cleanly and print back as documented', () => {
    for (const name of TOPOLOGY_NAMES) {
      const topo = topologyByName(name)!;
      const p = defaultMosPartition(topo);
      const text = printPartition(p);
      expect(text).toBe(DEFAULT_PARTITION_TEXT[name]);
      const r = parsePartition(text, topo);
      expect(r.ok && r.warnings).toEqual([]);
    }
  });
  it('KNL: Linux keeps cores 0-1 with all their threads, the LWK all of MCDRAM', () => {
    const layout = describePartition(defaultMosPartition(knl), knl);
    expect(layout.linuxCpus).toEqual([0, 1, 68, 69, 136, 137, 204, 205]);
    expect(layout.syscallCpus).toEqual([0, 1, 68, 69]);
    expect(layout.lwkBytes.slice(4)).toEqual([4 * GiB, 4 * GiB, 4 * GiB, 4 * GiB]);
  });
  it('falls back to a generic, warning-free partition on an unknown machine', () => {
    const other = { ...two, name: 'custom' };
    const p = defaultMosPartition(other);
    expect(printPartition(p)).toBe('lwkcpus=0.1-15,33-47:16.17-31,49-63 lwkmem=0:88G,1:88G');
    const r = parsePartition(printPartition(p), other);
    expect(r.ok && r.warnings).toEqual([]);
  });
});
