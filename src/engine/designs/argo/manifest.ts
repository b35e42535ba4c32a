/**
 * An Argo NRM application manifest (anlsys/nrm-core resources/basic.yml, resources/examples/
 * default.yaml) as the Argo design's option syntax: the compute container's slice of the node.
 *
 *   name: simulation
 *   app:
 *     slice:
 *       cpus: 62        hardware threads of the compute container
 *       mems: 2         NUMA nodes of its memory
 *     scheduler: FIFO   FIFO, HPC or Other (Argo's scheduling class for runtimes is HPC)
 *   hwbind: false
 *
 * The YAML read here is the subset such a manifest uses: `key: value` lines and nested maps by
 * indentation, `#` comments. Explorer rules, since NRM leaves the placement to itself: the
 * ServiceOS keeps the machine's first core (the Argo NodeOS ServiceOS "currently occupying a
 * single core"), the container takes whole cores after it, lowest first, and every CPU outside
 * the container stays with the ServiceOS. The container's cores get what Argo's cgroups give
 * them, expressed in the node model's Linux settings: no kernel daemons (isolcpus), no device
 * interrupts (IRQ affinity), and a stopped tick while one task runs (nohz_full, ASSUMPTION: the
 * Argo papers found do not say how the tick is handled).
 */
import type { Topology } from '../../node/hardware';
import type { NodeConfig } from '../../config/nodeConfig';
import { diag, type Diagnostic } from '../../config/diagnostic';
import { defaultMosPartition } from '../../config/partitionPresets';
import { formatCpuList } from '../../config/cpuList';
import { formatSize } from '../../config/size';
import type { DesignSyntax } from '../registry';

interface Line {
  readonly indent: number;
  readonly key: string;
  readonly keyStart: number;
  readonly value: string;
  readonly valueStart: number;
  readonly valueEnd: number;
}

type Result = { readonly ok: true; readonly overrides: Readonly<Record<string, unknown>>; readonly warnings: readonly Diagnostic[] } | { readonly ok: false; readonly errors: readonly Diagnostic[] };

/** Keys a manifest may have, by their dotted path; a map's value is empty. */
const KEYS = new Set(['name', 'version', 'hwbind', 'app', 'app.slice', 'app.slice.cpus', 'app.slice.mems', 'app.scheduler', 'app.power', 'app.perfwrapper', 'app.instrumentation']);
const SCHEDULERS = ['FIFO', 'HPC', 'Other'];

function lines(text: string, errors: Diagnostic[]): Line[] {
  const out: Line[] = [];
  let at = 0;
  for (const raw of text.split('\n')) {
    const start = at;
    at += raw.length + 1;
    const hash = raw.search(/(^|\s)#/);
    const body = (hash >= 0 ? raw.slice(0, hash) : raw).replace(/\s+$/, '');
    if (body.trim() === '') continue;
    const indent = body.length - body.trimStart().length;
    if (body.slice(0, indent).includes('\t')) {
      errors.push(diag('indent with spaces, not tabs (YAML)', start, start + indent));
      continue;
    }
    const m = /^([A-Za-z_][\w-]*)\s*:(?:\s+(.*))?$/.exec(body.slice(indent));
    if (!m) {
      errors.push(diag('expected `key: value` or `key:` followed by an indented map', start + indent, start + body.length));
      continue;
    }
    let value = (m[2] ?? '').trim();
    let valueStart = value === '' ? start + body.length : start + body.lastIndexOf(value);
    const quoted = /^"(.*)"$|^'(.*)'$/.exec(value);
    if (quoted) {
      value = quoted[1] ?? quoted[2];
      valueStart++;
    }
    out.push({ indent, key: m[1], keyStart: start + indent, value, valueStart, valueEnd: valueStart + value.length });
  }
  return out;
}

/** The container's CPUs: whole cores after the machine's first, lowest first, `cpus` hardware threads in all. */
function containerCpus(topology: Topology, cpus: number): number[] | null {
  const byCore = new Map<number, number[]>();
  for (const c of topology.cpus) byCore.set(c.core, [...(byCore.get(c.core) ?? []), c.id]);
  const cores = [...byCore.keys()].sort((a, b) => a - b).slice(1);
  const out: number[] = [];
  for (const core of cores) for (const cpu of byCore.get(core)!) if (out.length < cpus) out.push(cpu);
  return out.length === cpus ? out : null;
}

export function parseManifest(text: string, topology: Topology): Result {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const parsed = lines(text, errors);
  const values = new Map<string, Line>();
  const stack: { indent: number; path: string }[] = [];
  for (const l of parsed) {
    while (stack.length > 0 && stack[stack.length - 1].indent >= l.indent) stack.pop();
    const parent = stack[stack.length - 1];
    const path = parent ? `${parent.path}.${l.key}` : l.key;
    if (!KEYS.has(path)) {
      const siblings = [...KEYS].filter((k) => k.startsWith(parent ? `${parent.path}.` : '') && k.split('.').length === path.split('.').length).map((k) => k.split('.').pop());
      errors.push(diag(`unknown key ${path} (known here: ${siblings.join(', ')})`, l.keyStart, l.keyStart + l.key.length));
      continue;
    }
    if (values.has(path)) errors.push(diag(`${path} is given twice`, l.keyStart, l.keyStart + l.key.length));
    values.set(path, l);
    if (l.value === '') stack.push({ indent: l.indent, path });
  }
  for (const path of ['app.power', 'app.perfwrapper', 'app.instrumentation']) {
    const l = values.get(path);
    if (l) warnings.push(diag(`${path} is not modelled (power, performance counters and progress reports are NRM's, not the node's)`, l.keyStart, l.keyStart + l.key.length));
  }
  const whole = (path: string, min: number, max: number): number | null => {
    const l = values.get(path);
    if (!l) return null;
    if (!/^\d+$/.test(l.value) || Number(l.value) < min || Number(l.value) > max) {
      errors.push(diag(`${path}: expected a whole number from ${min} to ${max}, got '${l.value}'`, l.valueStart, Math.max(l.valueEnd, l.valueStart + 1)));
      return null;
    }
    return Number(l.value);
  };
  const firstCore = topology.cpus.filter((c) => c.core === Math.min(...topology.cpus.map((x) => x.core))).length;
  const max = topology.cpus.length - firstCore;
  const cpus = whole('app.slice.cpus', 1, max);
  if (!values.has('app.slice.cpus')) errors.push(diag('app.slice.cpus is missing: the compute container\'s hardware threads', 0, Math.min(text.length, 1)));
  const mems = whole('app.slice.mems', 1, topology.numa.length);
  const scheduler = values.get('app.scheduler');
  if (scheduler && !SCHEDULERS.some((s) => s.toLowerCase() === scheduler.value.toLowerCase())) {
    errors.push(diag(`app.scheduler: expected ${SCHEDULERS.join(', ')}, got '${scheduler.value}'`, scheduler.valueStart, Math.max(scheduler.valueEnd, scheduler.valueStart + 1)));
  } else if (scheduler && scheduler.value.toLowerCase() === 'hpc') {
    warnings.push(diag('the HPC scheduling class is not modelled: with one thread per core there is nothing for it to decide', scheduler.valueStart, scheduler.valueEnd));
  }
  const hwbind = values.get('hwbind');
  if (hwbind && !/^(true|false)$/.test(hwbind.value)) errors.push(diag(`hwbind: expected true or false, got '${hwbind.value}'`, hwbind.valueStart, Math.max(hwbind.valueEnd, hwbind.valueStart + 1)));
  if (errors.length > 0 || cpus === null) return { ok: false, errors };
  const container = containerCpus(topology, cpus)!;
  const spans = new Set(container.map((c) => topology.cpus[c].numa)).size;
  const memsLine = values.get('app.slice.mems');
  if (mems !== null && memsLine && mems !== spans) {
    warnings.push(diag(`the container's CPUs span ${spans} NUMA node(s), not ${mems}: Linux memory is one pool per NUMA node here, so mems changes nothing`, memsLine.valueStart, memsLine.valueEnd));
  }
  const service = topology.cpus.find((c) => !container.includes(c.id))!.id;
  const lwkmem = defaultMosPartition(topology).lwkMem.map((m) => `${m.numa}:${formatSize(m.bytes)}`).join(',');
  return {
    ok: true,
    overrides: { partition: `lwkcpus=${service}.${formatCpuList(container)} lwkmem=${lwkmem}`, linux: { nohzFull: true, isolcpus: true, irqAffinity: true } },
    warnings,
  };
}

/** The manifest of a configuration: its compute container's size, and the NUMA nodes it spans. */
export function printManifest(config: NodeConfig): string {
  const mems = new Set(config.appCpus.map((c) => config.numaOf[c])).size;
  return [`name: ${JSON.stringify(config.name)}`, 'app:', '  slice:', `    cpus: ${config.appCpus.length}`, `    mems: ${Math.max(1, mems)}`, '  scheduler: FIFO'].join('\n');
}

export const MANIFEST_SYNTAX: DesignSyntax = {
  title: 'Argo NRM application manifest (YAML: app.slice.cpus, app.slice.mems, app.scheduler)',
  example: 'name: simulation\napp:\n  slice:\n    cpus: 62\n    mems: 2\n  scheduler: FIFO',
  parse: parseManifest,
  print: printManifest,
};
