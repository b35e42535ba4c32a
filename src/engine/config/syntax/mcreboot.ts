/**
 * IHK/McKernel's boot script, `mcreboot.sh` (RIKEN-SysSoft/mckernel,
 * arch/x86_64/tools/mcreboot-smp-x86.sh.in): `-c <cpulist>` the CPUs given to McKernel,
 * `-m <size>@<numa>[,<size>@<numa>...]` the memory it reserves per NUMA domain, and
 * `-r <cpulist>:<linux cpu>[+<cpulist>:<linux cpu>...]` the IKC map: the Linux CPU each group of
 * McKernel CPUs sends its messages (and IPIs) to. In the model: the LWK CPUs, the LWK memory
 * (lwkmem) and each group's syscall CPU, i.e. a partition. Its other options are accepted and
 * have no effect in the model.
 *
 * Defaults are the script's: without -c, the second half of NUMA node 0's CPUs (in lscpu order);
 * without -m, 512M@0; without -r, every McKernel CPU's IKC messages go to Linux CPU 0 (the script
 * loads ihk-smp with ihk_ikc_irq_core=0, the module's "Target CPU of IHK IKC IRQ").
 */
import type { Topology } from '../../node/hardware';
import { formatCpuList, parseCount, type CpuListItem } from '../cpuList';
import { diag, type Diagnostic } from '../diagnostic';
import { lwkCapacity, LINUX_MIN_BYTES_PER_CPU_DOMAIN, type LwkGroup, type Partition } from '../partitionTypes';
import { parsePartition, printPartition } from '../partitionText';
import { formatSize, humanBytes, parseSize } from '../size';
import type { FoundCommand } from './commands';
import { getopt, lastUse, type OptionSpec } from './getopt';
import { diagIn, type Word } from './shell';
import { cpuWord, domainsText, readCpuList } from './words';

export const MCREBOOT_OPTIONS: readonly OptionSpec[] = [
  { key: 'cpus', short: 'c', arg: 'required', hint: 'the CPUs for McKernel, a list such as 2-15,18-31' },
  { key: 'mem', short: 'm', arg: 'required', hint: 'memory per NUMA domain such as 32G@0,32G@1' },
  { key: 'ikc', short: 'r', arg: 'required', hint: 'an IKC map such as 2-15:0+18-31:16 (McKernel CPUs:Linux CPU)' },
  { key: 'owner', short: 'o', arg: 'required', ignored: 'owner of the /dev/mcd* and /dev/mcos* device files' },
  { key: 'facility', short: 'f', arg: 'required', ignored: "ihkmond's syslog facility" },
  { key: 'kmsg', short: 'k', arg: 'required', ignored: 'redirection of kernel messages to /dev/log' },
  { key: 'interval', short: 'i', arg: 'required', ignored: "ihkmond's hang-detection interval" },
  { key: 'irq', short: 'q', arg: 'required', ignored: 'the IRQ number IHK uses' },
  { key: 'turbo', short: 't', arg: 'none', ignored: 'Turbo Boost on McKernel CPUs' },
  { key: 'dump', short: 'd', arg: 'required', ignored: 'dump level after a Linux panic' },
  { key: 'kargs', short: 'e', arg: 'required', ignored: 'extra McKernel kernel arguments' },
  { key: 'halt', short: 'h', arg: 'none', ignored: 'idle_halt: idle McKernel CPUs halt; the model does not model idle power' },
  { key: 'oversubscribe', short: 'O', arg: 'none', ignored: 'allow_oversubscribe: more threads than McKernel CPUs' },
];

/** What mcreboot.sh reserves without -m. */
const DEFAULT_MEM = '512M@0';
/** mcreboot.sh loads ihk-smp with ihk_ikc_irq_core=0: without -r, IKC IRQs go to CPU 0. */
const IKC_IRQ_CORE = 0;

export interface McrebootResult {
  readonly partition: Partition;
}

/** The partition mcreboot.sh's options describe, or undefined (with errors). */
export function readMcreboot(cmd: FoundCommand, topology: Topology, errors: Diagnostic[], warnings: Diagnostic[]): McrebootResult | undefined {
  const before = errors.length;
  const opts = getopt('mcreboot.sh', cmd.args, MCREBOOT_OPTIONS, errors, warnings);
  if (opts.operands.length > 0) {
    const extra = opts.operands;
    warnings.push(diag(`mcreboot.sh ignores the words after its options ('${extra[0].text}'…)`, extra[0].start, extra[extra.length - 1].end));
  }
  const n = topology.cpus.length;
  const name = cmd.nameWord;

  // -c: the McKernel CPUs.
  const cpusUse = lastUse(opts, 'cpus');
  const lwk = new Set<number>();
  let cpusOk = true;
  let cpuItems: readonly CpuListItem[] = [];
  if (cpusUse?.value) {
    const v = cpusUse.value;
    const mark = errors.length;
    const { items } = readCpuList(v, 0, v.text.length, topology, errors);
    cpuItems = items;
    for (const item of items) {
      const twice: number[] = [];
      for (let c = item.lo; c <= Math.min(item.hi, n - 1); c++) {
        if (lwk.has(c)) twice.push(c);
        lwk.add(c);
      }
      if (twice.length > 0) errors.push(diagIn(`${cpuWord(twice)} listed twice in -c`, v, item.start, item.end));
    }
    cpusOk = errors.length === mark;
    if (cpusOk && lwk.size === n) {
      errors.push(diagIn(`no Linux CPU left: all ${n} CPUs are McKernel CPUs; Linux needs at least one, to run mcexec and take IKC messages`, v));
      cpusOk = false;
    }
  } else {
    const node0 = topology.cpus.filter((c) => c.numa === 0).map((c) => c.id).sort((a, b) => a - b);
    for (const c of node0.slice(node0.length - Math.floor(node0.length / 2))) lwk.add(c);
    warnings.push(diag(`no -c: mcreboot.sh takes the second half of NUMA node 0's CPUs, ${formatCpuList(lwk)}`, name.start, name.end));
  }

  // -r: the IKC map, one group per entry.
  const groups: LwkGroup[] = [];
  const ikcUse = lastUse(opts, 'ikc');
  if (ikcUse?.value) readIkcMap(ikcUse.value, topology, lwk, cpusOk, groups, errors);
  else {
    groups.push({ syscallCpu: IKC_IRQ_CORE, lwkCpus: [...lwk].sort((a, b) => a - b) });
    if (lwk.has(IKC_IRQ_CORE)) {
      const at = cpusUse?.value ?? name;
      errors.push(diagIn(`without -r every McKernel CPU sends its IKC messages to Linux CPU ${IKC_IRQ_CORE} (mcreboot.sh loads IHK with ihk_ikc_irq_core=${IKC_IRQ_CORE}), but CPU ${IKC_IRQ_CORE} is in -c: give -r`, at));
    } else if (cpusOk) {
      warnings.push(diag(`no -r: every McKernel CPU sends its IKC messages to Linux CPU ${IKC_IRQ_CORE} (ihk_ikc_irq_core=${IKC_IRQ_CORE})`, name.start, name.end));
    }
  }

  // -m: memory per domain.
  const linuxDomains = new Set(topology.cpus.filter((c) => !lwk.has(c.id)).map((c) => c.numa));
  const memUse = lastUse(opts, 'mem');
  let lwkMem: { numa: number; bytes: number }[] = [];
  if (memUse?.value) lwkMem = readMem(memUse.value, topology, linuxDomains, errors, warnings);
  else {
    warnings.push(diag(`no -m: mcreboot.sh reserves ${DEFAULT_MEM}, its default`, name.start, name.end));
    lwkMem = [{ numa: 0, bytes: 512 * 1024 * 1024 }];
  }
  if (errors.length > before) return undefined;
  // The partition's own rules (docs/partitions.md) have been checked above; its warnings (SMT
  // siblings split between Linux and McKernel, sizes not in 2 MiB pages) concern the CPUs or the memory.
  const partition: Partition = { groups, lwkMem };
  const check = parsePartition(printPartition(partition), topology);
  const cpusAt = cpusUse?.value ?? name;
  if (!check.ok) {
    for (const e of check.errors) errors.push(diagIn(e.message, cpusAt));
    return undefined;
  }
  for (const w of check.warnings) {
    if (/MiB pages|binary units/.test(w.message)) {
      warnings.push(diagIn(w.message, memUse?.value ?? name));
      continue;
    }
    // An SMT warning names an LWK CPU: underline the -c item that holds it.
    const cpu = Number(/LWK CPUs? (\d+)/.exec(w.message)?.[1] ?? -1);
    const item = cpuItems.find((it) => it.lo <= cpu && cpu <= it.hi);
    warnings.push(item && cpusUse?.value ? diagIn(w.message, cpusUse.value, item.start, item.end) : diagIn(w.message, cpusAt));
  }
  return { partition };
}

function readIkcMap(v: Word, topology: Topology, lwk: ReadonlySet<number>, cpusOk: boolean, groups: LwkGroup[], errors: Diagnostic[]): void {
  const n = topology.cpus.length;
  const entryOf = new Map<number, number>();
  const text = v.text;
  if (text.length === 0) {
    errors.push(diagIn('-r is empty: expected an IKC map such as 2-15:0+18-31:16', v));
    return;
  }
  const before = errors.length;
  let pos = 0;
  let firstTarget: number | undefined;
  for (const part of text.split('+')) {
    const start = pos;
    const end = start + part.length;
    pos = end + 1;
    if (part.length === 0) {
      errors.push(diagIn("empty entry in -r (two '+' in a row, or '+' at an end)", v, Math.max(0, start - 1), start + 1));
      continue;
    }
    const colon = part.indexOf(':');
    if (colon < 0) {
      errors.push(diagIn(`expected <McKernel CPUs>:<Linux CPU> such as 2-15:0, found '${part}'`, v, start, end));
      continue;
    }
    const mark = errors.length;
    const { items } = readCpuList(v, start, start + colon, topology, errors);
    const tText = part.slice(colon + 1);
    const target = tText.length === 0 ? undefined : parseCount(tText);
    if (target === undefined) {
      errors.push(
        tText.length === 0
          ? diagIn(`missing the Linux CPU after '${part}': write e.g. ${part}0`, v, start + colon, end)
          : diagIn(`cannot read IKC target '${tText}': expected one Linux CPU number, such as 0`, v, start + colon + 1, end),
      );
    } else if (target >= n) {
      errors.push(diagIn(`IKC target CPU ${target} does not exist: this node has CPUs 0-${n - 1}`, v, start + colon + 1, end));
    } else if (cpusOk && lwk.has(target)) {
      errors.push(diagIn(`IKC target CPU ${target} is a McKernel CPU (in -c): IKC messages go to a Linux CPU`, v, start + colon + 1, end));
    }
    const index = groups.length;
    const cpus: number[] = [];
    for (const item of items) {
      const notMck: number[] = [];
      const twice = new Map<number, number[]>();
      for (let c = item.lo; c <= Math.min(item.hi, n - 1); c++) {
        if (cpusOk && !lwk.has(c)) notMck.push(c);
        else if (entryOf.has(c)) twice.set(entryOf.get(c)!, [...(twice.get(entryOf.get(c)!) ?? []), c]);
        else {
          entryOf.set(c, index);
          cpus.push(c);
        }
      }
      if (notMck.length > 0) {
        errors.push(diagIn(`${cpuWord(notMck)} ${notMck.length === 1 ? 'is not a McKernel CPU' : 'are not McKernel CPUs'} (not in -c): -r maps McKernel CPUs to the Linux CPU their IKC messages go to`, v, item.start, item.end));
      }
      for (const [entry, cs] of twice) {
        errors.push(diagIn(`${cpuWord(cs)} already mapped by -r entry ${entry + 1}: a McKernel CPU has one IKC target`, v, item.start, item.end));
      }
    }
    if (target !== undefined && target < n && !lwk.has(target)) firstTarget ??= target;
    if (errors.length === mark) groups.push({ syscallCpu: target ?? -1, lwkCpus: cpus.sort((a, b) => a - b) });
  }
  // Which McKernel CPUs no entry maps, once the entries themselves are readable.
  if (!cpusOk || errors.length > before) return;
  const missing = [...lwk].filter((c) => !entryOf.has(c)).sort((a, b) => a - b);
  if (missing.length > 0) {
    const linux = firstTarget ?? topology.cpus.find((c) => !lwk.has(c.id))?.id ?? 0;
    errors.push(diagIn(`McKernel ${cpuWord(missing)} (from -c) ${missing.length === 1 ? 'has' : 'have'} no IKC target in -r: add an entry such as +${formatCpuList(missing)}:${linux}`, v));
  }
}

function readMem(v: Word, topology: Topology, linuxDomains: ReadonlySet<number>, errors: Diagnostic[], warnings: Diagnostic[]): { numa: number; bytes: number }[] {
  const text = v.text;
  if (text.length === 0) {
    errors.push(diagIn('-m is empty: expected memory per NUMA domain such as 32G@0,32G@1', v));
    return [];
  }
  const capacity = lwkCapacity(topology, linuxDomains);
  const sums = capacity.map(() => 0);
  const lastAt = capacity.map((): [number, number] => [0, text.length]);
  const seen = new Set<number>();
  const mark = errors.length;
  let pos = 0;
  for (const part of text.split(',')) {
    const start = pos;
    const end = start + part.length;
    pos = end + 1;
    if (part.length === 0) {
      errors.push(diagIn("empty entry in -m (two ',' in a row, or ',' at an end)", v, Math.max(0, start - 1), start + 1));
      continue;
    }
    const at = part.indexOf('@');
    const sizeText = at < 0 ? part : part.slice(0, at);
    let nid = 0;
    if (at < 0) {
      warnings.push(diagIn(`'${part}' names no NUMA domain: read as ${part}@0`, v, start, end));
    } else {
      const nidText = part.slice(at + 1);
      const parsed = parseCount(nidText);
      if (parsed === undefined) {
        errors.push(diagIn(`cannot read NUMA domain '${nidText}': expected <size>@<domain> such as 32G@0`, v, start + at, end));
        continue;
      }
      if (parsed >= topology.numa.length) {
        errors.push(diagIn(`NUMA domain ${parsed} does not exist: ${domainsText(topology)}`, v, start + at + 1, end));
        continue;
      }
      nid = parsed;
    }
    const size = parseSize(sizeText);
    const sizeEnd = start + sizeText.length;
    if (!size.ok) {
      errors.push(sizeText.length === 0 ? diagIn(`missing the size before '@': write e.g. 32G${part}`, v, start, start + 1) : diagIn(size.message, v, start, sizeEnd));
      continue;
    }
    if (size.warning !== undefined) warnings.push(diagIn(size.warning, v, start, sizeEnd));
    if (size.bytes === 0) {
      warnings.push(diagIn(`NUMA domain ${nid}: a size of 0 gives McKernel nothing and is skipped`, v, start, end));
      continue;
    }
    if (seen.has(nid)) warnings.push(diagIn(`NUMA domain ${nid} is listed again: the sizes add up`, v, start, end));
    seen.add(nid);
    sums[nid] += size.bytes;
    lastAt[nid] = [start, sizeEnd];
  }
  const out: { numa: number; bytes: number }[] = [];
  sums.forEach((bytes, nid) => {
    if (bytes <= 0) return;
    if (bytes > capacity[nid]) {
      const d = topology.numa[nid];
      const why = linuxDomains.has(nid) ? `Linux keeps ${humanBytes(LINUX_MIN_BYTES_PER_CPU_DOMAIN)} on a domain where it has CPUs` : 'the whole domain';
      errors.push(
        diagIn(
          `NUMA domain ${nid} (${d.kind}, ${humanBytes(d.bytes)}) cannot give ${humanBytes(bytes)} to McKernel: at most ${humanBytes(capacity[nid])} (${formatSize(capacity[nid])}) is available (${why})`,
          v,
          lastAt[nid][0],
          lastAt[nid][1],
        ),
      );
      return;
    }
    out.push({ numa: nid, bytes });
  });
  if (errors.length === mark && out.length === 0) errors.push(diagIn('-m gives McKernel no memory: ask for more than 0', v));
  return out;
}

/**
 * The canonical mcreboot.sh command for a partition: -c every LWK CPU, -m ascending by domain,
 * -r one entry per group in order. `targetOf` gives a group's IKC target (a group that names no
 * syscall CPU, as mOS allows, is printed with the CPU the model sends its calls to).
 */
export function printMcreboot(p: Partition, targetOf: (g: LwkGroup) => number): string {
  const groups = p.groups.filter((g) => g.lwkCpus.length > 0);
  const cpus = formatCpuList(groups.flatMap((g) => g.lwkCpus));
  const mem = p.lwkMem.map((m) => `${formatSize(m.bytes)}@${m.numa}`).join(',');
  const ikc = groups.map((g) => `${formatCpuList(g.lwkCpus)}:${g.syscallCpu >= 0 ? g.syscallCpu : targetOf(g)}`).join('+');
  return `mcreboot.sh -c ${cpus} -m ${mem} -r ${ikc}`;
}
