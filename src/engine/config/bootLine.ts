/**
 * The ROSS 2014 paper restricts Linux with `maxcpus=n` (Linux boots CPUs 0..n-1) and `mem=m`
 * (Linux uses the lowest m bytes of physical memory) and gives the rest to the LWK. That
 * expresses only partitions whose Linux CPUs are a prefix of the CPU ids and whose LWK memory
 * is the top of physical memory. Domains are taken to be contiguous in id order and memory
 * holes (e.g. below 4 GiB) are ignored: an approximation.
 */
import type { Topology } from '../node/hardware';
import { formatCpuList } from './cpuList';
import { describePartition, type Partition } from './partitionTypes';
import { formatSize, humanBytes } from './size';

export type PaperBootLine =
  | { readonly expressible: true; readonly line: string }
  | { readonly expressible: false; readonly reason: string };

export function paperBootLine(p: Partition, topology: Topology): PaperBootLine {
  const layout = describePartition(p, topology);
  const problems: string[] = [];

  const n = layout.linuxCpus.length;
  const firstLwk = layout.lwkCpus[0];
  if (firstLwk !== undefined && firstLwk < n) {
    const above = layout.linuxCpus.filter((c) => c > firstLwk);
    problems.push(
      `Linux CPUs are not the first ${n} CPUs: maxcpus=${n} would keep CPUs 0-${n - 1}, ` +
        `but CPU ${firstLwk} is an LWK CPU while Linux has ${above.length === 1 ? 'CPU' : 'CPUs'} ${formatCpuList(above)} above it`,
    );
  }

  // Linux memory must be one low block: no LWK bytes below any Linux bytes.
  const firstLwkDomain = layout.lwkBytes.findIndex((b) => b > 0);
  if (firstLwkDomain >= 0) {
    const linuxAbove = topology.numa.filter((d) => d.id > firstLwkDomain && layout.linuxBytes[d.id] > 0);
    if (linuxAbove.length > 0) {
      const d = linuxAbove[0];
      problems.push(
        `the LWK memory is not the top of physical memory: mem= keeps one low block for Linux, ` +
          `but Linux keeps ${humanBytes(layout.linuxBytes[d.id])} of NUMA domain ${d.id}, above LWK memory in domain ${firstLwkDomain}`,
      );
    }
  }

  if (problems.length > 0) {
    return { expressible: false, reason: `${problems.join('; and ')}. This partition needs ACPI table edits (hiding CPUs and memory from Linux) or mOS's lwkcpus=/lwkmem= instead.` };
  }
  const linuxMem = layout.linuxBytes.reduce((s, b) => s + b, 0);
  return { expressible: true, line: `maxcpus=${n} mem=${formatSize(linuxMem)}` };
}
