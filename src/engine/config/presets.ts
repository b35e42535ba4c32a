/**
 * Built-in configurations. The baselines share one machine and one set of application CPUs
 * with `mos`, so they compare fairly: only the kernel managing those CPUs differs.
 */
import { Role } from '../node/kinds';
import type { NodeConfig, SyscallConfig, WorkloadConfig, LinuxConfig } from './nodeConfig';
import { MS } from '../kernel/time';
import { topologyByName } from '../node/topologies';
import type { Topology } from '../node/hardware';
import { defaultMosPartition } from './partitionPresets';
import { describePartition, syscallTargets, type Partition } from './partitionTypes';
import { parsePartition, printPartition } from './partitionText';
import { DEFAULT_OSNODE_PARAMS } from '../osnode';
import { DEFAULT_MEMORY_PARAMS } from '../node/memory';
import { CNK_IO_NODES, CNK_NETWORK, CNK_NO_LINUX, CNK_SYSCALLS } from '../designs/cnk/defaults';
import { cnkMachine } from '../designs/cnk/machine';
import { KITTEN_LWK, KITTEN_PALACIOS_SYSCALLS, KITTEN_PARTITION, KITTEN_SYSCALLS } from '../designs/kitten/defaults';
import { APP_MEMORY, DEFAULT_INTERFERENCE, DEFAULT_LAUNCH, DEFAULT_LWK, DEFAULT_NETWORK, DEFAULT_SYSCALLS, EVANESCENCE_SYSCALLS, MCKERNEL_SYSCALLS, NATIVE_SYSCALLS, TUNED_LINUX, UNTUNED_LINUX } from './defaults';
import { ARGO_SYSCALLS, CAKE_SYSCALLS, FFMK_SYSCALLS, HOBBES_SYSCALLS } from './defaults';

export const DEFAULT_WORKLOAD: WorkloadConfig = { kind: 'fwq', quantumNs: 1 * MS };

export const BSP_WORKLOAD: WorkloadConfig = {
  kind: 'bsp',
  processes: 4,
  computeNs: 1 * MS,
  haloBytes: 64 * 1024,
  syscallsPerIteration: 4,
  checkpointEvery: 50,
  checkpointBytes: 4 * 1024 * 1024,
};

interface Build {
  readonly name: string;
  readonly system: 'mos' | 'linux';
  readonly topology: Topology;
  /** The LWK partition; for Linux baselines, the same partition decides which CPUs are housekeeping. */
  readonly partition: Partition;
  readonly linux: LinuxConfig;
  readonly syscalls: SyscallConfig;
  readonly workload?: WorkloadConfig;
}

/** Resolves a topology and a partition into the flat per-CPU arrays the engine uses. */
export function buildNodeConfig(b: Build): NodeConfig {
  const t = b.topology;
  const layout = describePartition(b.partition, t);
  const roles: Role[] = layout.roles.map((r) => (b.system === 'linux' ? Role.Linux : r === 'lwk' ? Role.Lwk : r === 'syscall' ? Role.Syscall : Role.Linux));
  const targets = syscallTargets(b.partition, t);
  const syscallCpuOf = t.cpus.map((c) => (b.system === 'mos' ? targets[c.id] : -1));
  return {
    name: b.name,
    system: b.system,
    topology: t.name,
    cpuCount: t.cpus.length,
    coreOf: t.cpus.map((c) => c.core),
    numaOf: t.cpus.map((c) => c.numa),
    numaDistance: t.numa.map((d) => d.distance),
    roles,
    syscallCpuOf,
    appCpus: layout.lwkCpus,
    partitionText: b.system === 'mos' ? printPartition(b.partition) : '',
    lwkMem: b.system === 'mos' ? b.partition.lwkMem : [],
    memory: DEFAULT_MEMORY_PARAMS,
    app: (b.workload ?? DEFAULT_WORKLOAD).kind === 'bsp' ? APP_MEMORY.bsp : APP_MEMORY.small,
    linux: b.linux,
    lwk: DEFAULT_LWK,
    interference: DEFAULT_INTERFERENCE,
    launch: DEFAULT_LAUNCH,
    syscalls: b.syscalls,
    network: DEFAULT_NETWORK,
    osnode: { ...DEFAULT_OSNODE_PARAMS, mode: b.system === 'mos' && b.syscalls.osNodeShipper !== 'none' ? 'osnode' : 'direct' },
    workload: b.workload ?? DEFAULT_WORKLOAD,
  };
}

const twoSocket = topologyByName('two-socket')!;
const phi = topologyByName('xeon-phi-7250-snc4-flat')!;
const node = { topology: twoSocket, partition: defaultMosPartition(twoSocket) };
/** Kitten beside a Linux enclave: one lwkcpus group, so the HIO ring (one per Kitten) is one channel. */
const kittenNode = (() => {
  const p = parsePartition(KITTEN_PARTITION, twoSocket);
  if (!p.ok) throw new Error(`kitten partition: ${p.errors.map((e) => e.message).join('; ')}`);
  return { topology: twoSocket, partition: p.partition };
})();

/** A partition written as text (the presets' own, so a mistake fails at load). */
function partitionOf(text: string, topology: Topology): Partition {
  const parsed = parsePartition(text, topology);
  if (!parsed.ok) throw new Error(`preset partition "${text}": ${parsed.errors.map((e) => e.message).join('; ')}`);
  return parsed.partition;
}
/**
 * Hobbes: the Pisces co-kernel enclave is socket 0 but its first core (the simulation's 30 CPUs
 * and 88 GiB); the Linux host keeps core 0 and socket 1, where the analytics runs.
 */
const hobbesNode = { topology: twoSocket, partition: partitionOf('lwkcpus=0.1-15,33-47 lwkmem=0:88G', twoSocket) };
/** Argo: the ServiceOS keeps one core (CPUs 0 and 32); the compute container has the other 62 CPUs. */
const argoNode = { topology: twoSocket, partition: partitionOf('lwkcpus=0.1-31,33-63 lwkmem=0:88G,1:88G', twoSocket) };

export const PRESETS: Readonly<Record<string, NodeConfig>> = {
  mos: buildNodeConfig({ ...node, name: 'mos', system: 'mos', linux: UNTUNED_LINUX, syscalls: DEFAULT_SYSCALLS }),
  linux: buildNodeConfig({ ...node, name: 'linux', system: 'linux', linux: UNTUNED_LINUX, syscalls: NATIVE_SYSCALLS }),
  'linux-tuned': buildNodeConfig({ ...node, name: 'linux-tuned', system: 'linux', linux: TUNED_LINUX, syscalls: NATIVE_SYSCALLS }),
  'mos-bsp': buildNodeConfig({ ...node, name: 'mos-bsp', system: 'mos', linux: UNTUNED_LINUX, syscalls: DEFAULT_SYSCALLS, workload: BSP_WORKLOAD }),
  'linux-bsp': buildNodeConfig({ ...node, name: 'linux-bsp', system: 'linux', linux: UNTUNED_LINUX, syscalls: NATIVE_SYSCALLS, workload: BSP_WORKLOAD }),
  'linux-tuned-bsp': buildNodeConfig({ ...node, name: 'linux-tuned-bsp', system: 'linux', linux: TUNED_LINUX, syscalls: NATIVE_SYSCALLS, workload: BSP_WORKLOAD }),
  mckernel: buildNodeConfig({ ...node, name: 'mckernel', system: 'mos', linux: UNTUNED_LINUX, syscalls: MCKERNEL_SYSCALLS, workload: BSP_WORKLOAD }),
  'mos-as-built': buildNodeConfig({ ...node, name: 'mos-as-built', system: 'mos', linux: UNTUNED_LINUX, syscalls: EVANESCENCE_SYSCALLS, workload: BSP_WORKLOAD }),
  'xeon-phi': buildNodeConfig({ topology: phi, partition: defaultMosPartition(phi), name: 'xeon-phi', system: 'mos', linux: UNTUNED_LINUX, syscalls: DEFAULT_SYSCALLS }),
  kitten: { ...buildNodeConfig({ ...kittenNode, name: 'kitten', system: 'mos', linux: UNTUNED_LINUX, syscalls: KITTEN_SYSCALLS, workload: BSP_WORKLOAD }), lwk: KITTEN_LWK },
  'kitten-palacios': { ...buildNodeConfig({ ...kittenNode, name: 'kitten-palacios', system: 'mos', linux: UNTUNED_LINUX, syscalls: KITTEN_PALACIOS_SYSCALLS, workload: BSP_WORKLOAD }), lwk: KITTEN_LWK },
  cnk: { ...cnkMachine(buildNodeConfig({ ...node, name: 'cnk', system: 'mos', linux: CNK_NO_LINUX, syscalls: CNK_SYSCALLS, workload: BSP_WORKLOAD })), network: CNK_NETWORK, osnode: CNK_IO_NODES },
  hobbes: buildNodeConfig({ ...hobbesNode, name: 'hobbes', system: 'mos', linux: UNTUNED_LINUX, syscalls: HOBBES_SYSCALLS, workload: BSP_WORKLOAD }),
  argo: buildNodeConfig({ ...argoNode, name: 'argo', system: 'linux', linux: TUNED_LINUX, syscalls: ARGO_SYSCALLS, workload: BSP_WORKLOAD }),
  ffmk: buildNodeConfig({ ...node, name: 'ffmk', system: 'mos', linux: UNTUNED_LINUX, syscalls: FFMK_SYSCALLS, workload: BSP_WORKLOAD }),
  cake: buildNodeConfig({ ...node, name: 'cake', system: 'mos', linux: UNTUNED_LINUX, syscalls: CAKE_SYSCALLS, workload: BSP_WORKLOAD }),
};

export const PRESET_NAMES = Object.keys(PRESETS);

/**
 * The configuration with the application on the other kernel ('mos': LWK CPUs; 'linux': the
 * same CPUs managed by Linux), keeping its partition (or the topology's default one) and every
 * other setting. Choosing a design whose application kernel differs goes through this.
 */
export function withSystem(config: NodeConfig, system: 'mos' | 'linux'): NodeConfig {
  if (config.system === system) return config;
  const topology = topologyByName(config.topology);
  if (!topology) return config;
  const parsed = config.partitionText ? parsePartition(config.partitionText, topology) : null;
  const partition = parsed?.ok ? parsed.partition : defaultMosPartition(topology);
  const rebuilt = buildNodeConfig({ name: config.name, system, topology, partition, linux: config.linux, syscalls: config.syscalls, workload: config.workload });
  return {
    ...config,
    system,
    roles: rebuilt.roles,
    syscallCpuOf: rebuilt.syscallCpuOf,
    appCpus: rebuilt.appCpus,
    partitionText: rebuilt.partitionText,
    lwkMem: rebuilt.lwkMem,
    osnode: { ...config.osnode, mode: rebuilt.osnode.mode },
  };
}

export const PRESET_TITLES: Readonly<Record<string, string>> = {
  mos: 'mOS: Linux + LWK (FWQ)',
  linux: 'Linux, untuned (FWQ)',
  'linux-tuned': 'Linux, tuned: nohz_full, isolcpus (FWQ)',
  'mos-bsp': 'mOS: BSP mini-app, function shipping',
  'linux-bsp': 'Linux: BSP mini-app',
  'linux-tuned-bsp': 'Linux, tuned: BSP mini-app',
  mckernel: 'McKernel-style: IPI per message, spinning',
  'mos-as-built': 'mOS as built: thread migration',
  'xeon-phi': 'mOS on Xeon Phi 7250 (SNC-4 flat)',
  kitten: 'Kitten: HIO forwarding to a Linux enclave (BSP)',
  'kitten-palacios': 'Kitten + Palacios: the BSP in a Linux guest VM',
  cnk: 'IBM Blue Gene CNK: no Linux, I/O shipped to an I/O node (BSP)',
  hobbes: 'Hobbes: co-kernel simulation + Linux analytics (XEMEM)',
  argo: 'Argo NodeOS: compute container + ServiceOS',
  ffmk: 'FFMK: decoupled threads, IPC to L4Linux',
  cake: 'CAKE: a user-level agent serves a class of calls',
};
