/**
 * Configuration files, stored settings and the app's configuration panel are untrusted: this
 * turns them into a NodeConfig, naming every problem by its path ("linux.hz: expected a number
 * > 0, got -5") and, for the partition text, by its place. Never throws.
 */
import type { NodeConfig, SyscallConfig } from './nodeConfig';
import { buildNodeConfig, PRESETS, PRESET_NAMES } from './presets';
import { parsePartition } from './partition';
import { topologyByName, TOPOLOGY_NAMES } from '../node/topologies';
import { DEFAULT_SYSCALLS, EVANESCENCE_SYSCALLS, MCKERNEL_SYSCALLS, NATIVE_SYSCALLS } from './defaults';

export type ConfigResult =
  | { ok: true; config: NodeConfig; seed: number | null; warnings: string[] }
  | { ok: false; errors: string[] };

type Check = (value: unknown) => string | null;

const show = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? s.slice(0, 37) + '...' : s;
};
const positive: Check = (v) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? null : `expected a number > 0, got ${show(v)}`);
const nonNegative: Check = (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? null : `expected a number >= 0, got ${show(v)}`);
const count = (min: number, max: number): Check => (v) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? null : `expected a whole number from ${min} to ${max}, got ${show(v)}`;
const boolean: Check = (v) => (typeof v === 'boolean' ? null : `expected true or false, got ${show(v)}`);
const oneOf = (...xs: string[]): Check => (v) => (typeof v === 'string' && xs.includes(v) ? null : `expected one of ${xs.join(', ')}, got ${show(v)}`);
const text: Check = (v) => (typeof v === 'string' && v.length <= 200 ? null : `expected a short text, got ${show(v)}`);
const section = (fields: Readonly<Record<string, Check>>) => fields;

/** Every setting a user may change on top of a preset, with its check. */
const SECTIONS = {
  linux: section({ hz: positive, tickNs: nonNegative, nohzFull: boolean, isolcpus: boolean, irqAffinity: boolean, thp: boolean, nicIrqPerSec: nonNegative, nicIrqNs: nonNegative, timesliceNs: positive, switchNs: nonNegative, wakeupNs: nonNegative }),
  lwk: section({ rrQuantumNs: nonNegative, switchNs: nonNegative }),
  interference: section({ perBusyCpu: nonNegative, windowNs: positive }),
  syscalls: section({
    mechanism: oneOf('shipping', 'mckernel', 'evanescence', 'native'),
    wait: oneOf('spin', 'block'),
    replyIpi: boolean,
    ipiPolicy: oneOf('coalesce', 'every'),
    channelCapacity: count(1, 4096),
    proxyThreads: count(1, 64),
    pfsPrefix: text,
    osNodeShipper: oneOf('glibc', 'lwk', 'linux', 'none'),
  }),
  aggregation: section({ enabled: boolean, smallBytes: nonNegative, bufferBytes: positive, timeoutNs: positive }),
  network: section({ latencyNs: nonNegative, bytesPerNs: positive, irqPerMessage: count(0, 1) }),
  osnode: section({ osNodes: count(1, 1 << 20), computeNodes: count(1, 1 << 20) }),
  workload: section({
    kind: oneOf('fwq', 'bsp', 'syscall'),
    quantumNs: positive,
    processes: count(1, 1024),
    computeNs: positive,
    haloBytes: nonNegative,
    syscallsPerIteration: count(0, 64),
    checkpointEvery: count(0, 1_000_000),
    checkpointBytes: nonNegative,
    call: text,
    bytes: nonNegative,
    thinkNs: nonNegative,
    path: text,
  }),
} as const;

type SectionName = keyof typeof SECTIONS;

const WORKLOAD_FIELDS: Readonly<Record<string, readonly string[]>> = {
  fwq: ['kind', 'quantumNs'],
  bsp: ['kind', 'processes', 'computeNs', 'haloBytes', 'syscallsPerIteration', 'checkpointEvery', 'checkpointBytes'],
  syscall: ['kind', 'call', 'bytes', 'thinkNs', 'path'],
};
const WORKLOAD_DEFAULTS: Readonly<Record<string, Record<string, unknown>>> = {
  fwq: { kind: 'fwq', quantumNs: 1_000_000 },
  bsp: { ...(PRESETS['mos-bsp'].workload as unknown as Record<string, unknown>) },
  syscall: { kind: 'syscall', call: 'getpid', bytes: 0, thinkNs: 10_000, path: '/pfs/data' },
};
const MECHANISM_DEFAULTS: Readonly<Record<string, SyscallConfig>> = {
  shipping: DEFAULT_SYSCALLS, mckernel: MCKERNEL_SYSCALLS, evanescence: EVANESCENCE_SYSCALLS, native: NATIVE_SYSCALLS,
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const TOP_KEYS = ['preset', 'seed', 'topology', 'partition', ...Object.keys(SECTIONS)];

/** Builds a configuration from a preset and a user's overrides (a parsed JSON object). */
export function applyOverrides(input: unknown, source = 'config'): ConfigResult {
  if (!isObject(input)) return { ok: false, errors: [`${source}: expected a JSON object, got ${show(input)}`] };
  const errors: string[] = [];
  const warnings: string[] = [];
  const at = (path: string, msg: string) => errors.push(`${source}: ${path}: ${msg}`);
  const presetName = input.preset ?? 'mos';
  if (typeof presetName !== 'string' || !PRESETS[presetName]) return { ok: false, errors: [`${source}: preset: unknown preset ${show(presetName)} (one of: ${PRESET_NAMES.join(', ')})`] };
  let config: NodeConfig = PRESETS[presetName];
  let seed: number | null = null;
  if ('seed' in input) {
    if (typeof input.seed === 'number' && Number.isSafeInteger(input.seed) && input.seed >= 0) seed = input.seed;
    else at('seed', `expected a whole number >= 0, got ${show(input.seed)}`);
  }
  for (const key of Object.keys(input)) if (!TOP_KEYS.includes(key)) at(key, `unknown key (known: ${TOP_KEYS.join(', ')})`);

  // The machine and its partition.
  const topologyName = input.topology ?? config.topology;
  const topology = typeof topologyName === 'string' ? topologyByName(topologyName) : undefined;
  if (!topology) at('topology', `unknown topology ${show(topologyName)} (one of: ${TOPOLOGY_NAMES.join(', ')})`);
  if (topology && ('partition' in input || 'topology' in input)) {
    const partitionText = input.partition ?? (topologyName === config.topology ? config.partitionText : undefined);
    if (typeof partitionText !== 'string' || partitionText.trim() === '') at('partition', 'expected a partition such as "lwkcpus=0.1-13:14.15-27 lwkmem=0:16G,1:16G"');
    else {
      const p = parsePartition(partitionText, topology);
      if (!p.ok) for (const e of p.errors) at('partition', `${e.message} (characters ${e.start + 1}-${e.end})`);
      else {
        for (const w of p.warnings) warnings.push(`partition: ${w.message}`);
        config = buildNodeConfig({ name: config.name, system: config.system, topology, partition: p.partition, linux: config.linux, syscalls: config.syscalls, workload: config.workload });
      }
    }
  }

  // Sections: each field checked, unknown fields named.
  const merged: Record<string, Record<string, unknown>> = {};
  for (const name of Object.keys(SECTIONS) as SectionName[]) {
    if (!(name in input)) continue;
    const given = input[name];
    if (!isObject(given)) {
      at(name, `expected an object, got ${show(given)}`);
      continue;
    }
    const fields: Readonly<Record<string, Check>> = SECTIONS[name];
    for (const [field, value] of Object.entries(given)) {
      const check = fields[field];
      if (!check) at(`${name}.${field}`, `unknown setting (known: ${Object.keys(fields).join(', ')})`);
      else {
        const problem = check(value);
        if (problem) at(`${name}.${field}`, problem);
      }
    }
    merged[name] = given;
  }
  if (merged.workload) {
    const kind = (merged.workload.kind as string | undefined) ?? config.workload.kind;
    for (const field of Object.keys(merged.workload)) {
      if (WORKLOAD_FIELDS[kind] && !WORKLOAD_FIELDS[kind].includes(field)) at(`workload.${field}`, `does not apply to the ${kind} workload (its settings: ${WORKLOAD_FIELDS[kind].join(', ')})`);
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const mechanism = merged.syscalls?.mechanism as string | undefined;
  const baseSyscalls = mechanism && mechanism !== config.syscalls.mechanism ? MECHANISM_DEFAULTS[mechanism] : config.syscalls;
  const workloadBase = merged.workload?.kind && merged.workload.kind !== config.workload.kind ? WORKLOAD_DEFAULTS[merged.workload.kind as string] : config.workload;
  const result: NodeConfig = {
    ...config,
    linux: { ...config.linux, ...merged.linux },
    lwk: { ...config.lwk, ...merged.lwk },
    interference: { ...config.interference, ...merged.interference },
    syscalls: { ...baseSyscalls, ...merged.syscalls, aggregation: { ...baseSyscalls.aggregation, ...merged.aggregation } } as SyscallConfig,
    network: { ...config.network, ...merged.network },
    osnode: { ...config.osnode, ...merged.osnode },
    workload: { ...workloadBase, ...merged.workload } as NodeConfig['workload'],
  };
  return { ok: true, config: result, seed, warnings };
}

export function parseConfigText(text: string, source = 'config'): ConfigResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`${source}: not valid JSON (${e instanceof Error ? e.message : String(e)})`] };
  }
  return applyOverrides(json, source);
}
