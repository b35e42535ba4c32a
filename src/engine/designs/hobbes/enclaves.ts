/**
 * Hobbes' enclaves as plain data, computed from a configuration: which CPUs and memory each
 * enclave owns and where its program runs. Kept apart from the design's behaviour (../hobbes.ts)
 * so views and checks can draw the boundaries without loading the simulation.
 */
import type { HobbesConfig, NodeConfig } from '../../config/nodeConfig';
import { HOBBES_DEFAULTS } from '../../config/defaults';
import { Role } from '../../node/kinds';

/** One enclave of the node: its kernel, CPUs and memory (what a view needs to draw its boundary). */
export interface Enclave {
  readonly name: string;
  readonly kernel: 'lwk' | 'linux';
  /** Every CPU the enclave owns. */
  readonly cpus: readonly number[];
  /** The CPUs its program runs on (the simulation's, the analytics'). */
  readonly programCpus: readonly number[];
  /** Memory per NUMA domain; the Linux enclave has everything the co-kernel does not (`rest`). */
  readonly memory: readonly { readonly numa: number; readonly bytes: number }[] | 'rest';
}

/** The Hobbes settings of a configuration (defaults for any the configuration lacks). */
export function hobbesSettings(config: NodeConfig): HobbesConfig {
  return { ...HOBBES_DEFAULTS, ...config.syscalls.hobbes };
}

/** The Linux CPUs the analytics runs on: one per process, those serving no syscall group, lowest first. */
export function analyticsCpus(config: NodeConfig): number[] {
  const free = config.roles.flatMap((r, cpu) => (r === Role.Linux ? [cpu] : []));
  return free.slice(0, Math.max(0, hobbesSettings(config).analyticsThreads));
}

/** The node's two enclaves: the Pisces co-kernel (the partition's LWK CPUs and memory) and the Linux host. */
export function hobbesEnclaves(config: NodeConfig): Enclave[] {
  const lwk = config.roles.flatMap((r, cpu) => (r === Role.Lwk ? [cpu] : []));
  const linux = config.roles.flatMap((r, cpu) => (r !== Role.Lwk ? [cpu] : []));
  return [
    { name: 'simulation: Pisces co-kernel (Kitten)', kernel: 'lwk', cpus: lwk, programCpus: config.appCpus, memory: config.lwkMem },
    { name: 'analytics: Linux host', kernel: 'linux', cpus: linux, programCpus: analyticsCpus(config), memory: 'rest' },
  ];
}
