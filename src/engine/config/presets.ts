/**
 * Built-in configurations. The three baselines share one machine and one set of application
 * CPUs so that they can be compared fairly: only the kernel managing those CPUs differs.
 */
import { Role } from '../node/kinds';
import type { DaemonSpec, LinuxConfig, NodeConfig } from './nodeConfig';
import { MS, US } from '../kernel/time';

/** Default machine: 2 sockets x 16 cores x 2 hardware threads; CPU i and i+32 are SMT siblings. */
const CPU_COUNT = 64;
const coreOf = Array.from({ length: CPU_COUNT }, (_, i) => i % 32);
const numaOf = coreOf.map((c) => (c < 16 ? 0 : 1));

/** Linux keeps one whole core per socket (both threads): cores 0 and 16, i.e. CPUs 0, 32, 16, 48. */
const HOUSEKEEPING = [0, 16, 32, 48];
const SYSCALL_CPU_OF_SOCKET = [0, 16];
const APP_CPUS = Array.from({ length: CPU_COUNT }, (_, i) => i).filter((i) => !HOUSEKEEPING.includes(i));

/** Kernel daemons of a stock distribution. ASSUMPTION: rates and durations are typical orders of magnitude. */
export const STOCK_DAEMONS: readonly DaemonSpec[] = [
  { name: 'kworker', ratePerSec: 40, medianNs: 6 * US, sigma: 0.6 },
  { name: 'rcu_sched', ratePerSec: 60, medianNs: 2 * US, sigma: 0.4 },
  { name: 'ksoftirqd', ratePerSec: 15, medianNs: 10 * US, sigma: 0.7 },
  { name: 'monitoring agent', ratePerSec: 1, medianNs: 150 * US, sigma: 0.5 },
];

const UNTUNED_LINUX: LinuxConfig = {
  hz: 1000,
  tickNs: 1_500,
  nohzFull: false,
  isolcpus: false,
  irqAffinity: false,
  thp: false,
  daemons: STOCK_DAEMONS,
  nicIrqPerSec: 2_000,
  nicIrqNs: 3 * US,
};

const TUNED_LINUX: LinuxConfig = { ...UNTUNED_LINUX, nohzFull: true, isolcpus: true, irqAffinity: true, thp: true };

function rolesFor(system: 'mos' | 'linux'): Role[] {
  return Array.from({ length: CPU_COUNT }, (_, i) => {
    if (system === 'linux') return Role.Linux;
    if (SYSCALL_CPU_OF_SOCKET.includes(i)) return Role.Syscall;
    return HOUSEKEEPING.includes(i) ? Role.Linux : Role.Lwk;
  });
}

function syscallCpusFor(system: 'mos' | 'linux'): number[] {
  return Array.from({ length: CPU_COUNT }, (_, i) => (system === 'mos' && !HOUSEKEEPING.includes(i) ? SYSCALL_CPU_OF_SOCKET[numaOf[i]] : -1));
}

const BASE = {
  cpuCount: CPU_COUNT,
  coreOf,
  numaOf,
  appCpus: APP_CPUS,
  lwk: { rrQuantumNs: 0, interference: 0.01 },
  workload: { kind: 'fwq', quantumNs: 1 * MS },
} as const;

export const PRESETS: Readonly<Record<string, NodeConfig>> = {
  mos: {
    ...BASE,
    name: 'mos',
    system: 'mos',
    roles: rolesFor('mos'),
    syscallCpuOf: syscallCpusFor('mos'),
    partitionText: 'lwkcpus=0.1-15,33-47:16.17-31,49-63 lwkmem=0:88G,1:88G',
    linux: UNTUNED_LINUX,
  },
  linux: {
    ...BASE,
    name: 'linux',
    system: 'linux',
    roles: rolesFor('linux'),
    syscallCpuOf: syscallCpusFor('linux'),
    partitionText: '',
    linux: UNTUNED_LINUX,
  },
  'linux-tuned': {
    ...BASE,
    name: 'linux-tuned',
    system: 'linux',
    roles: rolesFor('linux'),
    syscallCpuOf: syscallCpusFor('linux'),
    partitionText: '',
    linux: TUNED_LINUX,
  },
};

export const PRESET_NAMES = Object.keys(PRESETS);

export const PRESET_TITLES: Readonly<Record<string, string>> = {
  mos: 'mOS: Linux + LWK',
  linux: 'Linux (untuned)',
  'linux-tuned': 'Linux (tuned: nohz_full, isolcpus)',
};
