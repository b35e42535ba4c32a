/**
 * The CNK compute node on the explorer's hardware: no Linux at all. The first core (CPU 0 and
 * its SMT siblings) is the system core that runs CNK's own work (as Blue Gene/Q's 17th core, which
 * is "reserved for system software", SG24-7948 ch. 3); every other CPU runs the application under
 * CNK. Memory is the LWK's, mapped at job start (one GiB per domain left to the kernel, ASSUMPTION:
 * Blue Gene/Q keeps 16 MiB of 16 GiB).
 */
import type { NodeConfig } from '../../config/nodeConfig';
import { Role } from '../../node/kinds';
import { topologyByName } from '../../node/topologies';
import { GiB } from '../../node/hardware';

/** The core whose CPUs CNK keeps for itself. */
export const CNK_SYSTEM_CORE = 0;

/** CPUs of the system core. */
export function systemCoreCpus(config: NodeConfig): number[] {
  const core = config.coreOf[0] ?? CNK_SYSTEM_CORE;
  return config.coreOf.flatMap((c, cpu) => (c === core ? [cpu] : []));
}

/** `config` (any partition of its topology) turned into a CNK node: every CPU CNK's, the application on all but the system core. */
export function cnkMachine(config: NodeConfig): NodeConfig {
  const system = new Set(systemCoreCpus(config));
  const topology = topologyByName(config.topology);
  const lwkMem = (topology?.numa ?? [])
    .filter((d) => d.kind === 'DDR' || d.cpus.length > 0)
    .map((d) => ({ numa: d.id, bytes: Math.max(0, d.bytes - GiB) }));
  return {
    ...config,
    system: 'mos',
    roles: config.roles.map(() => Role.Lwk),
    syscallCpuOf: config.roles.map(() => -1),
    appCpus: config.roles.map((_, cpu) => cpu).filter((cpu) => !system.has(cpu)),
    partitionText: '',
    lwkMem,
  };
}
