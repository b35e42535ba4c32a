/**
 * Every setting's name in the Configuration panel's words, for messages about a change ("IPI
 * latency (one way)", "the partition"), never its internal key: the main form's number fields,
 * the Advanced costs fields, the structure of the node, and for anything else a name made from
 * the path.
 */
import { MS } from '../../engine/kernel/time';
import { ADVANCED_FIELDS } from './advancedFields';
import { generatedLabel } from './paramLabels';

/** The main form's number fields: their path, the unit shown and its size, and their label. */
export const NUM_FIELDS = {
  hz: { path: 'linux.hz', perUnit: 1, unit: 'Hz', label: 'Linux tick (HZ)' },
  rrQuantumMs: { path: 'lwk.rrQuantumNs', perUnit: MS, unit: 'ms', label: 'LWK round-robin quantum (ms, 0 = off)' },
  interference: { path: 'interference.perBusyCpu', perUnit: 1, unit: '', label: 'Cache interference per busy CPU (assumption)' },
  channelCapacity: { path: 'syscalls.channelCapacity', perUnit: 1, unit: '', label: 'Channel slots' },
  proxyThreads: { path: 'syscalls.proxyThreads', perUnit: 1, unit: '', label: 'Proxy threads per process' },
} as const;

/** The node's structure and the main form's choices. */
const NAMES: Readonly<Record<string, string>> = {
  partitionText: 'the partition', roles: 'the partition', appCpus: 'the partition', syscallCpuOf: 'the partition', lwkMem: 'the LWK memory',
  topology: 'the machine', cpuCount: 'the machine', 'syscalls.mechanism': 'the design', 'workload.kind': 'the workload',
  'syscalls.wait': 'Caller waits by', 'syscalls.replyIpi': 'Reply IPI', 'syscalls.ipiPolicy': 'IPIs', 'syscalls.osNodeShipper': 'PFS I/O shipped by',
  'linux.nohzFull': 'nohz_full', 'linux.isolcpus': 'isolcpus', 'linux.irqAffinity': 'IRQ affinity', 'linux.thp': 'transparent huge pages',
  ...Object.fromEntries(Object.values(NUM_FIELDS).map((f) => [f.path, f.label.replace(/ \((?!HZ).*\)$/, '')])),
  ...Object.fromEntries(ADVANCED_FIELDS.map((f) => [f.path, f.label])),
};

export function settingName(path: string): string {
  return Object.hasOwn(NAMES, path) ? NAMES[path] : generatedLabel(path, path.split('.')[0]);
}

/** "is" or "are" after settingNames(paths). */
export const isOrAre = (paths: readonly string[]) => (new Set(paths.map(settingName)).size === 1 ? 'is' : 'are');

/** Several names, each once, at most three then "and N more". */
export function settingNames(paths: readonly string[]): string {
  const names = [...new Set(paths.map(settingName))];
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}
