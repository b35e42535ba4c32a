/**
 * Hobbes' enclave files (the XML that `hobbes create_enclave` reads: drouyang/leviathan
 * shell/pisces_enclave_ctrl.c, examples/pisces.xml) as the Hobbes design's option syntax. The
 * Pisces co-kernel enclave's CPUs and memory become the partition's LWK CPUs and memory:
 *
 *   <enclave type="pisces" name="simulation">
 *     <boot_env numa="0" cpu="1"> <memory size="128"/> </boot_env>   boot CPU, zone, boot memory (MB)
 *     <cpus> <core>2</core> <cores numa="0">28</cores> </cpus>        a CPU by id; N CPUs of a zone
 *     <memory> <blocks numa="0">703</blocks> <node>1</node> </memory>  N memory blocks of a zone; a whole zone
 *   </enclave>
 *
 * As in Hobbes, a value may be an attribute or a child element's text, not both; `kernel`,
 * `init_task` and `cmd_line` name files and are accepted as they are. Explorer rules, since
 * Pisces leaves these choices to the host: `cores` takes a zone's lowest free CPUs, skipping the
 * zone's first core (Linux keeps it); `node` takes what the default partition gives the LWK in
 * that zone; the Linux CPU serving a zone's enclave CPUs (the syscall CPU of the partition) is
 * the zone's lowest CPU outside the enclave; memory blocks are 128 MiB (ASSUMPTION: x86_64's
 * smallest memory block; large hosts use up to 2 GiB).
 */
import type { Topology } from '../../node/hardware';
import type { NodeConfig } from '../../config/nodeConfig';
import { diag, type Diagnostic } from '../../config/diagnostic';
import { defaultMosPartition } from '../../config/partitionPresets';
import { parsePartition } from '../../config/partitionText';
import { formatCpuList } from '../../config/cpuList';
import { formatSize } from '../../config/size';
import { topologyByName } from '../../node/topologies';
import type { DesignSyntax } from '../registry';
import { isDiagnostic, parseXml, valueOf, type XmlElement, type XmlValue } from './xml';

/** Linux memory block size: what Pisces moves between Linux and an enclave. ASSUMPTION (see above). */
export const BLOCK_BYTES = 128 * 1024 * 1024;
const BLOCK_MB = BLOCK_BYTES / (1024 * 1024);

const ROOT_CHILDREN = ['name', 'type', 'kernel', 'init_task', 'cmd_line', 'boot_env', 'cpus', 'memory', 'devices', 'files'];

type Result = { readonly ok: true; readonly overrides: Readonly<Record<string, unknown>>; readonly warnings: readonly Diagnostic[] } | { readonly ok: false; readonly errors: readonly Diagnostic[] };

class Enclave {
  readonly cpus: number[] = [];
  readonly bytes: number[];
  readonly errors: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];
  constructor(readonly topology: Topology) {
    this.bytes = topology.numa.map(() => 0);
  }

  /** A whole number in the value, or an error placed on it. */
  whole(v: XmlValue, what: string, min: number, max: number): number | null {
    if (!/^\d+$/.test(v.text)) {
      this.errors.push(diag(`${what}: expected a whole number, got '${v.text}'`, v.start, Math.max(v.end, v.start + 1)));
      return null;
    }
    const n = Number(v.text);
    if (n < min || n > max) {
      this.errors.push(diag(`${what}: ${n} is out of range (${min} to ${max})`, v.start, v.end));
      return null;
    }
    return n;
  }

  zone(v: XmlValue | undefined, what: string): number | null {
    if (!v) return -1;
    return this.whole(v, what, 0, this.topology.numa.length - 1);
  }

  /** The first core of each zone with CPUs stays with Linux unless a CPU of it is named. */
  private reserved(cpu: number): boolean {
    const c = this.topology.cpus[cpu];
    const first = Math.min(...this.topology.cpus.filter((x) => x.numa === c.numa).map((x) => x.core));
    return c.core === first;
  }

  /** Free CPUs of a zone (or of any zone, -1), lowest first, the zone's first core excluded. */
  free(zone: number): number[] {
    return this.topology.cpus.filter((c) => (zone < 0 || c.numa === zone) && !this.cpus.includes(c.id) && !this.reserved(c.id)).map((c) => c.id);
  }

  addCpu(cpu: number, at: XmlValue): void {
    if (this.cpus.includes(cpu)) this.errors.push(diag(`CPU ${cpu} is already in the enclave`, at.start, at.end));
    else this.cpus.push(cpu);
  }
}

function known(el: XmlElement, names: readonly string[], e: Enclave): void {
  for (const c of el.children) if (!names.includes(c.name)) e.errors.push(diag(`<${c.name}> is not part of <${el.name}> (known: ${names.join(', ')})`, c.nameStart, c.nameEnd));
  for (const a of el.attrs) if (!names.includes(a.name)) e.errors.push(diag(`attribute ${a.name} is not part of <${el.name}> (known: ${names.join(', ')})`, a.start, a.end));
}

function get(el: XmlElement, tag: string, e: Enclave): XmlValue | undefined {
  const v = valueOf(el, tag);
  if (isDiagnostic(v)) {
    e.errors.push(v);
    return undefined;
  }
  return v && v.text !== '' ? v : undefined;
}

function bootEnv(root: XmlElement, e: Enclave): { zone: number; blocks: number } {
  const env = root.children.find((c) => c.name === 'boot_env');
  let zone = -1;
  let blocks = 1;
  let cpu = -1;
  if (env) {
    known(env, ['numa', 'cpu', 'memory'], e);
    zone = e.zone(get(env, 'numa', e), 'boot_env numa') ?? -1;
    const cpuValue = get(env, 'cpu', e);
    if (cpuValue) {
      cpu = e.whole(cpuValue, 'boot_env cpu', 0, e.topology.cpus.length - 1) ?? -1;
      if (cpu >= 0 && zone >= 0 && e.topology.cpus[cpu].numa !== zone) e.errors.push(diag(`boot CPU ${cpu} is in zone ${e.topology.cpus[cpu].numa}, not ${zone}`, cpuValue.start, cpuValue.end));
      if (cpu >= 0) e.addCpu(cpu, cpuValue);
    }
    const blockAttr = env.attrs.find((a) => a.name === 'memory');
    if (blockAttr) e.warnings.push(diag('an explicit boot memory block is not modelled: the boot memory comes from the boot zone', blockAttr.start, blockAttr.end));
    const mem = env.children.find((c) => c.name === 'memory');
    if (mem) {
      known(mem, ['size'], e);
      const size = get(mem, 'size', e);
      if (size) {
        const mb = e.whole(size, 'boot memory size (MB)', 1, 1 << 30);
        if (mb !== null) {
          if (mb % BLOCK_MB !== 0) e.warnings.push(diag(`${mb} MB is not a multiple of the ${BLOCK_MB} MB memory block: truncated, as Hobbes does`, size.start, size.end));
          blocks = Math.floor(mb / BLOCK_MB);
          if (blocks === 0) e.errors.push(diag(`the boot memory must be at least one ${BLOCK_MB} MB block`, size.start, size.end));
        }
      }
    }
  }
  if (cpu < 0) {
    // No boot CPU named: the boot zone's (or the machine's) lowest free CPU.
    const first = e.free(zone)[0];
    if (first === undefined) e.errors.push(diag(`no free CPU for the enclave to boot on${zone >= 0 ? ` in zone ${zone}` : ''}`, env?.start ?? root.start, env?.end ?? root.nameEnd));
    else e.cpus.push(first);
  }
  if (zone < 0) zone = e.cpus.length > 0 ? e.topology.cpus[e.cpus[0]].numa : 0;
  return { zone, blocks };
}

function cpusOf(root: XmlElement, zone: number, e: Enclave): void {
  const cpus = root.children.find((c) => c.name === 'cpus');
  if (!cpus) return;
  known(cpus, ['core', 'cores'], e);
  for (const core of cpus.children.filter((c) => c.name === 'core')) {
    known(core, [], e);
    const v = core.textStart >= 0 ? { text: core.text, start: core.textStart, end: core.textEnd } : { text: '', start: core.start, end: core.end };
    const cpu = e.whole(v, '<core>', 0, e.topology.cpus.length - 1);
    if (cpu !== null) e.addCpu(cpu, v);
  }
  for (const cores of cpus.children.filter((c) => c.name === 'cores')) {
    known(cores, ['numa'], e);
    const numa = e.zone(get(cores, 'numa', e), '<cores> numa');
    const v = cores.textStart >= 0 ? { text: cores.text, start: cores.textStart, end: cores.textEnd } : { text: '', start: cores.start, end: cores.end };
    const count = e.whole(v, '<cores>', 1, e.topology.cpus.length);
    if (numa === null || count === null) continue;
    // Without a zone, Pisces takes CPUs from any zone: the boot zone's first.
    const free = numa >= 0 ? e.free(numa) : [...e.free(zone), ...e.free(-1).filter((c) => e.topology.cpus[c].numa !== zone)];
    if (free.length < count) {
      e.errors.push(diag(`only ${free.length} free CPU(s) left${numa >= 0 ? ` in zone ${numa}` : ''} (the zone's first core stays with Linux)`, v.start, v.end));
      continue;
    }
    e.cpus.push(...free.slice(0, count));
  }
}

function memoryOf(root: XmlElement, zone: number, bootBlocks: number, e: Enclave): void {
  e.bytes[zone] += bootBlocks * BLOCK_BYTES;
  const memory = root.children.find((c) => c.name === 'memory');
  if (!memory) return;
  known(memory, ['block', 'blocks', 'node'], e);
  for (const block of memory.children.filter((c) => c.name === 'block')) {
    e.errors.push(diag('explicit memory block ids are not modelled: use <blocks numa="...">N</blocks> or <node>zone</node>', block.start, block.end));
  }
  for (const blocks of memory.children.filter((c) => c.name === 'blocks')) {
    known(blocks, ['numa', 'contig'], e);
    const numa = e.zone(get(blocks, 'numa', e), '<blocks> numa');
    const contig = get(blocks, 'contig', e);
    if (contig && contig.text !== '0') e.errors.push(diag('contiguous block allocations are not supported (Hobbes says so too)', contig.start, contig.end));
    const v = blocks.textStart >= 0 ? { text: blocks.text, start: blocks.textStart, end: blocks.textEnd } : { text: '', start: blocks.start, end: blocks.end };
    const count = e.whole(v, '<blocks>', 1, 1 << 30);
    if (numa === null || count === null) continue;
    e.bytes[numa >= 0 ? numa : zone] += count * BLOCK_BYTES;
  }
  const lwkDefault = defaultMosPartition(e.topology).lwkMem;
  for (const node of memory.children.filter((c) => c.name === 'node')) {
    known(node, [], e);
    const v = node.textStart >= 0 ? { text: node.text, start: node.textStart, end: node.textEnd } : { text: '', start: node.start, end: node.end };
    const numa = e.whole(v, '<node>', 0, e.topology.numa.length - 1);
    if (numa === null) continue;
    const whole = Math.floor((lwkDefault.find((m) => m.numa === numa)?.bytes ?? 0) / BLOCK_BYTES) * BLOCK_BYTES;
    e.bytes[numa] = Math.max(e.bytes[numa], whole);
  }
}

/** The partition text an enclave gives: its CPUs grouped by zone, each served by the zone's lowest Linux CPU. */
function partitionText(e: Enclave): string {
  const zones = [...new Set(e.cpus.map((c) => e.topology.cpus[c].numa))].sort((a, b) => a - b);
  const groups = zones.map((z) => {
    const mine = e.cpus.filter((c) => e.topology.cpus[c].numa === z);
    const linux = e.topology.cpus.find((c) => c.numa === z && !e.cpus.includes(c.id));
    return `${linux ? linux.id : ''}.${formatCpuList(mine)}`;
  });
  const mem = e.bytes.flatMap((b, d) => (b > 0 ? [`${d}:${formatSize(b)}`] : []));
  return `lwkcpus=${groups.join(':')} lwkmem=${mem.join(',')}`;
}

export function parseEnclave(text: string, topology: Topology): Result {
  const xml = parseXml(text);
  if (!xml.ok) return { ok: false, errors: xml.errors };
  const root = xml.root;
  const e = new Enclave(topology);
  if (root.name !== 'enclave') return { ok: false, errors: [diag(`expected <enclave type="pisces">, found <${root.name}>: a Hobbes enclave file`, root.nameStart, root.nameEnd)] };
  known(root, ROOT_CHILDREN, e);
  const type = get(root, 'type', e);
  if (!type) e.errors.push(diag('the enclave type is missing: type="pisces"', root.nameStart, root.nameEnd));
  else if (/^vm/i.test(type.text)) e.errors.push(diag('VM enclaves (Palacios) are not modelled: only type="pisces"', type.start, type.end));
  else if (!/^pisces/i.test(type.text)) e.errors.push(diag(`unknown enclave type '${type.text}': expected pisces`, type.start, type.end));
  for (const c of root.children.filter((x) => x.name === 'devices' || x.name === 'files')) e.warnings.push(diag(`<${c.name}> is not modelled (the node model has no devices or files to hand over)`, c.start, c.end));
  const { zone, blocks } = bootEnv(root, e);
  memoryOf(root, zone, blocks, e);
  cpusOf(root, zone, e);
  if (e.errors.length > 0) return { ok: false, errors: e.errors };
  const partition = partitionText(e);
  const checked = parsePartition(partition, topology);
  if (!checked.ok) return { ok: false, errors: checked.errors.map((d) => diag(`the enclave gives the partition "${partition}", which is not valid: ${d.message}`, root.start, root.end)) };
  return { ok: true, overrides: { partition }, warnings: e.warnings };
}

function enclaveText(bootCpu: number, zone: number, cpuLines: readonly string[], blocks: readonly string[]): string {
  return [
    '<enclave type="pisces" name="simulation">',
    `  <boot_env numa="${zone}" cpu="${bootCpu}">`,
    `    <memory size="${BLOCK_MB}"/>`,
    '  </boot_env>',
    ...(cpuLines.length > 0 ? ['  <cpus>', ...cpuLines.map((l) => `    ${l}`), '  </cpus>'] : []),
    ...(blocks.length > 0 ? ['  <memory>', ...blocks.map((l) => `    ${l}`), '  </memory>'] : []),
    '</enclave>',
  ].join('\n');
}

/** The enclave file of a configuration's partition (memory in whole blocks; compact `<cores>` where they pick the same CPUs). */
export function printEnclave(config: NodeConfig): string {
  const topology = topologyByName(config.topology);
  if (!topology) return '';
  const parsed = config.partitionText ? parsePartition(config.partitionText, topology) : null;
  const partition = parsed?.ok ? parsed.partition : defaultMosPartition(topology);
  const cpus = partition.groups.flatMap((g) => g.lwkCpus).sort((a, b) => a - b);
  if (cpus.length === 0) return '';
  const bootCpu = cpus[0];
  const zone = topology.cpus[bootCpu].numa;
  const blocks = partition.lwkMem.flatMap((m) => {
    const n = Math.floor(m.bytes / BLOCK_BYTES) - (m.numa === zone ? 1 : 0);
    return n > 0 ? [`<blocks numa="${m.numa}">${n}</blocks>`] : [];
  });
  const rest = cpus.slice(1);
  const zones = [...new Set(rest.map((c) => topology.cpus[c].numa))].sort((a, b) => a - b);
  const compact = zones.map((z) => `<cores numa="${z}">${rest.filter((c) => topology.cpus[c].numa === z).length}</cores>`);
  const text = enclaveText(bootCpu, zone, compact, blocks);
  const back = parseEnclave(text, topology);
  const same = back.ok && String(back.overrides.partition).split(' ')[0] === partitionOfCpus(topology, cpus);
  return same ? text : enclaveText(bootCpu, zone, rest.map((c) => `<core>${c}</core>`), blocks);
}

/** The lwkcpus field the enclave rule gives for a set of CPUs (to compare a compact form with the exact one). */
function partitionOfCpus(topology: Topology, cpus: readonly number[]): string {
  const e = new Enclave(topology);
  e.cpus.push(...cpus);
  return partitionText(e).split(' ')[0];
}

export const ENCLAVE_SYNTAX: DesignSyntax = {
  title: 'Hobbes enclave file (<enclave type="pisces">, as `hobbes create_enclave` reads it)',
  example: '<enclave type="pisces" name="simulation">\n  <boot_env numa="0" cpu="1"> <memory size="128"/> </boot_env>\n  <cpus> <cores numa="0">29</cores> </cpus>\n  <memory> <blocks numa="0">703</blocks> </memory>\n</enclave>',
  parse: parseEnclave,
  print: printEnclave,
};
