/**
 * Hardware topology of one compute node as plain, readonly data: hardware threads (what
 * Linux calls CPUs), cores, sockets and NUMA domains. Builders live in ./topologies.
 */

export const KiB = 1024;
export const MiB = 1024 * KiB;
export const GiB = 1024 * MiB;

/** One hardware thread. `id` is the logical CPU number the kernel command line uses. */
export interface Cpu {
  readonly id: number;
  readonly core: number;
  readonly socket: number;
  readonly numa: number;
  /** 0 for the first thread of its core, 1.. for its SMT siblings. */
  readonly smtIndex: number;
}

export type MemoryKind = 'DDR' | 'HBM';

/** A NUMA domain. Domains may have no CPUs (e.g. KNL's MCDRAM in flat mode). */
export interface NumaDomain {
  readonly id: number;
  readonly kind: MemoryKind;
  readonly bytes: number;
  readonly cpus: readonly number[];
  /** SLIT-style relative distance to every domain (10 = local). */
  readonly distance: readonly number[];
}

export interface Nic {
  /** The NUMA domain the card is attached to (its PCIe root). */
  readonly numa: number;
  readonly name: string;
}

export interface Topology {
  readonly name: string;
  readonly title: string;
  /** Indexed by CPU id: cpus[i].id === i. */
  readonly cpus: readonly Cpu[];
  readonly cores: number;
  readonly sockets: number;
  /** Indexed by domain id, in physical address order (lowest addresses first). */
  readonly numa: readonly NumaDomain[];
  readonly nic: Nic;
}

/** The other hardware threads of `cpu`'s core (not `cpu` itself), ascending. */
export function siblingsOf(topology: Topology, cpu: number): readonly number[] {
  const me = topology.cpus[cpu];
  if (me === undefined) return [];
  return topology.cpus.filter((c) => c.core === me.core && c.id !== cpu).map((c) => c.id);
}

/** All hardware threads of a core, ascending. */
export function threadsOfCore(topology: Topology, core: number): readonly number[] {
  return topology.cpus.filter((c) => c.core === core).map((c) => c.id);
}

export function totalBytes(topology: Topology): number {
  return topology.numa.reduce((sum, d) => sum + d.bytes, 0);
}

/**
 * Build the CPU table from a numbering rule. Linux and KNL both enumerate the first thread
 * of every core before any second thread, so cpu = core + smtIndex * cores.
 */
export function threadMajorCpus(
  cores: number,
  threadsPerCore: number,
  socketOfCore: (core: number) => number,
  numaOfCore: (core: number) => number,
): Cpu[] {
  const cpus: Cpu[] = [];
  for (let t = 0; t < threadsPerCore; t++) {
    for (let core = 0; core < cores; core++) {
      cpus.push({ id: t * cores + core, core, socket: socketOfCore(core), numa: numaOfCore(core), smtIndex: t });
    }
  }
  return cpus;
}

/** Domain CPU lists derived from the CPU table, ascending. */
export function cpusOfDomain(cpus: readonly Cpu[], numa: number): number[] {
  return cpus.filter((c) => c.numa === numa).map((c) => c.id);
}
