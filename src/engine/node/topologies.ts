/**
 * The machines the explorer knows. Distances are SLIT-like approximations (10 local, larger
 * is farther) in the shape `numactl -H` prints on such machines, not measurements.
 */
import { GiB, cpusOfDomain, threadMajorCpus, type NumaDomain, type Topology } from './hardware';

/**
 * A typical two-socket Xeon node: 2 sockets x 16 cores x 2 threads = 64 CPUs, Linux
 * numbering (CPUs 0-31 are the first threads of cores 0-31, CPU i+32 is CPU i's sibling),
 * one 96 GiB DDR domain per socket.
 */
export function twoSocketNode(): Topology {
  const cores = 32;
  const socketOf = (core: number): number => (core < 16 ? 0 : 1);
  const cpus = threadMajorCpus(cores, 2, socketOf, socketOf);
  const distance = [
    [10, 21],
    [21, 10],
  ];
  const numa: NumaDomain[] = [0, 1].map((id) => ({
    id,
    kind: 'DDR',
    bytes: 96 * GiB,
    cpus: cpusOfDomain(cpus, id),
    distance: distance[id],
  }));
  return {
    name: 'two-socket',
    title: '2-socket Xeon, 2 x 16 cores x 2 threads, 2 x 96 GiB DDR',
    cpus,
    cores,
    sockets: 2,
    numa,
    nic: { numa: 0, name: 'hfi1_0' },
  };
}

/** KNL SNC-4 quadrants own 9, 9, 8 and 8 two-core tiles: cores 0-17, 18-35, 36-51, 52-67. */
const KNL_QUADRANT_FIRST_CORE = [0, 18, 36, 52];

function knlQuadrantOf(core: number): number {
  let q = 0;
  while (q + 1 < KNL_QUADRANT_FIRST_CORE.length && core >= KNL_QUADRANT_FIRST_CORE[q + 1]) q++;
  return q;
}

/**
 * SLIT of a KNL in SNC-4 flat mode as commonly reported: DDR quadrants 21 apart, a quadrant's
 * own MCDRAM at 31, any other MCDRAM at 41. An approximation for relative costs only.
 */
function knlDistance(from: number, to: number): number {
  if (from === to) return 10;
  const fromHbm = from >= 4;
  const toHbm = to >= 4;
  if (!fromHbm && !toHbm) return 21;
  if (fromHbm !== toHbm && from % 4 === to % 4) return 31;
  return 41;
}

/**
 * Intel Xeon Phi 7250 (Knights Landing) in SNC-4 flat mode: 68 cores x 4 threads = 272 CPUs
 * (CPU c, c+68, c+136, c+204 are the threads of core c); DDR domains 0-3 hold the CPUs and
 * 24 GiB each (96 GiB), MCDRAM domains 4-7 have no CPUs and 4 GiB each (16 GiB).
 */
export function xeonPhi7250Snc4Flat(): Topology {
  const cores = 68;
  const cpus = threadMajorCpus(cores, 4, () => 0, knlQuadrantOf);
  const numa: NumaDomain[] = [];
  for (let id = 0; id < 8; id++) {
    const hbm = id >= 4;
    numa.push({
      id,
      kind: hbm ? 'HBM' : 'DDR',
      bytes: hbm ? 4 * GiB : 24 * GiB,
      cpus: hbm ? [] : cpusOfDomain(cpus, id),
      distance: Array.from({ length: 8 }, (_, to) => knlDistance(id, to)),
    });
  }
  return {
    name: 'xeon-phi-7250-snc4-flat',
    title: 'Xeon Phi 7250 (KNL), SNC-4 flat: 68 cores x 4 threads, 96 GiB DDR + 16 GiB MCDRAM',
    cpus,
    cores,
    sockets: 1,
    numa,
    nic: { numa: 0, name: 'hfi1_0' },
  };
}

const BUILDERS: Readonly<Record<string, () => Topology>> = {
  'two-socket': twoSocketNode,
  'xeon-phi-7250-snc4-flat': xeonPhi7250Snc4Flat,
};

export const TOPOLOGY_NAMES: readonly string[] = Object.keys(BUILDERS);

export const DEFAULT_TOPOLOGY_NAME = 'two-socket';

/** The topology registered under `name`, or undefined. */
export function topologyByName(name: string): Topology | undefined {
  const build = Object.prototype.hasOwnProperty.call(BUILDERS, name) ? BUILDERS[name] : undefined;
  return build?.();
}
