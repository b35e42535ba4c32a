/**
 * Default mOS partitions. Linux keeps whole cores (every hardware thread of them), so the
 * defaults raise no SMT warning: a Linux thread sharing a core with an LWK thread would
 * disturb it.
 */
import { GiB, threadsOfCore, type Topology } from '../node/hardware';
import { parsePartition } from './partitionText';
import { LINUX_MIN_BYTES_PER_CPU_DOMAIN, type LwkGroup, type LwkMemory, type Partition } from './partitionTypes';

/**
 * Per topology, the text a user would write. Two-socket: Linux keeps core 0 (CPUs 0, 32) and
 * core 16 (CPUs 16, 48); each socket's LWK CPUs ship syscalls to the socket's first CPU;
 * Linux keeps 8 GiB per socket. KNL: Linux keeps cores 0-1 (CPUs 0,1,68,69,136,137,204,205),
 * one group per SNC-4 quadrant served by one of those threads, 8 GiB DDR on quadrant 0 and
 * 2 GiB on the others for Linux, all of MCDRAM (domains 4-7) for the LWK.
 */
export const DEFAULT_PARTITION_TEXT: Readonly<Record<string, string>> = {
  'two-socket': 'lwkcpus=0.1-15,33-47:16.17-31,49-63 lwkmem=0:88G,1:88G',
  'xeon-phi-7250-snc4-flat':
    'lwkcpus=0.2-17,70-85,138-153,206-221:68.18-35,86-103,154-171,222-239:' +
    '1.36-51,104-119,172-187,240-255:69.52-67,120-135,188-203,256-271 ' +
    'lwkmem=0:16G,1:22G,2:22G,3:22G,4:4G,5:4G,6:4G,7:4G',
};

export function defaultMosPartition(topology: Topology): Partition {
  const text = Object.prototype.hasOwnProperty.call(DEFAULT_PARTITION_TEXT, topology.name) ? DEFAULT_PARTITION_TEXT[topology.name] : undefined;
  if (text !== undefined) {
    const parsed = parsePartition(text, topology);
    if (parsed.ok) return parsed.partition;
  }
  return genericPartition(topology);
}

/**
 * Any other machine: Linux keeps the first core of each socket; one group per socket, served
 * by that core's first thread; the LWK gets the rest of the socket's cores and, of memory,
 * each domain minus 1/12 (at least the Linux minimum) where Linux has CPUs, else all of it.
 */
function genericPartition(topology: Topology): Partition {
  const groups: LwkGroup[] = [];
  const linux = new Set<number>();
  for (let socket = 0; socket < topology.sockets; socket++) {
    const cores = [...new Set(topology.cpus.filter((c) => c.socket === socket).map((c) => c.core))].sort((a, b) => a - b);
    if (cores.length < 2) continue;
    const keep = threadsOfCore(topology, cores[0]);
    keep.forEach((c) => linux.add(c));
    const lwkCpus = cores.slice(1).flatMap((core) => threadsOfCore(topology, core)).sort((a, b) => a - b);
    groups.push({ syscallCpu: keep[0], lwkCpus });
  }
  const linuxDomains = new Set([...linux].map((c) => topology.cpus[c].numa));
  const lwkMem: LwkMemory[] = topology.numa.flatMap((d) => {
    const reserve = linuxDomains.has(d.id) ? Math.max(LINUX_MIN_BYTES_PER_CPU_DOMAIN, Math.ceil(d.bytes / 12 / GiB) * GiB) : 0;
    const bytes = d.bytes - reserve;
    return bytes > 0 ? [{ numa: d.id, bytes }] : [];
  });
  return { groups, lwkMem };
}
