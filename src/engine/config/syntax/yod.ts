/**
 * mOS's job launcher, `yod [options] <program> [args]` (intel/mOS mOS/tools/yod/yod.c,
 * getopt_long "+c:C:M:p:R:U:u:x:y:o:v:h" and its long options; man page mOS/tools/yod/yod.1.man).
 * yod reserves LWK CPUs and memory for one process. What the model uses:
 *
 * - `-R 1/N` (`--resources`, also 0.25 or `all` = 1/1): each rank takes 1/N of the LWK CPUs and
 *   memory, as `mpirun -n N yod -R 1/N` does: the BSP mini-app with N processes, which the model
 *   lays out the same way (process i takes the i-th share of the LWK CPUs, in NUMA order).
 * - `-o lwksched-enable-rr=<ms>`: round-robin time slicing on LWK CPUs (kernel/sched/mos.c,
 *   lwksched_enable_rr; 0 turns it off): lwk.rrQuantumNs.
 * - `-p all:<order>` (`--memory-preference`): which kind of memory to use first, backfilled with
 *   hbm,dram,nvram as yod does: memory.kindOrder (the model has HBM and DDR, no NVRAM).
 * - `-o lwkmem-heap-page-size=4k|2m|4m|1g` (older mOS, mOS/mem_mgmt.c): the heap's page size,
 *   the step brk grows it by: memory.heapStepBytes.
 *
 * `-c`/`--cpus`, `-C`/`--cores` and `-M`/`--mem` are checked as yod checks them (LWK CPUs only,
 * -c/-C need -M and the reverse, -R combines with none of them) and otherwise have no effect: the
 * model's job always runs on every LWK CPU. Every other option is accepted with a warning.
 */
import type { Topology } from '../../node/hardware';
import { GiB, KiB, MiB } from '../../node/hardware';
import { closeMatch } from '../closeMatch';
import { formatCpuList, parseCount } from '../cpuList';
import { diag, type Diagnostic } from '../diagnostic';
import { describePartition, type Partition } from '../partitionTypes';
import { humanBytes } from '../size';
import type { FoundCommand } from './commands';
import { getopt, lastUse, type OptionUse, type OptionSpec } from './getopt';
import { diagIn, slice, type Word } from './shell';
import { cpuWord, readCpuList } from './words';

const NO_EFFECT_CPUS = "the model's job runs on every LWK CPU";
export const YOD_OPTIONS: readonly OptionSpec[] = [
  { key: 'resources', short: 'R', long: ['resources'], arg: 'required', hint: 'a share of the LWK resources: 1/N, a fraction such as 0.25, all, MPI or file:<map>' },
  { key: 'cpus', short: 'c', long: ['cpus'], arg: 'required', hint: 'LWK CPUs: a list such as 1-15, a mask such as 0xfffe, or all', ignored: NO_EFFECT_CPUS },
  { key: 'cores', short: 'C', long: ['cores'], arg: 'required', hint: 'a number of LWK cores, a fraction, or all', ignored: NO_EFFECT_CPUS },
  { key: 'mem', short: 'M', long: ['mem'], arg: 'required', hint: 'LWK memory: a size such as 16G, a fraction, or all', ignored: 'the model gives the job all LWK memory' },
  { key: 'pref', short: 'p', long: ['memory-preference'], arg: 'required', repeat: true, hint: 'scope[:size]:order, e.g. all:dram' },
  { key: 'opt', short: 'o', long: ['opt', 'option'], arg: 'required', repeat: true, hint: 'a kernel option name[=value], e.g. lwksched-enable-rr=10' },
  { key: 'util', short: 'u', long: ['util_threads'], arg: 'required', ignored: 'utility threads placed apart; the model has none' },
  { key: 'resalg', long: ['resource_algorithm'], arg: 'required', ignored: 'how yod picks the CPUs and memory it reserves' },
  { key: 'memalg', long: ['mem_algorithm'], arg: 'required', ignored: "yod's memory algorithm" },
  { key: 'layout', long: ['layout'], arg: 'required', ignored: 'the order threads take the reserved CPUs in' },
  { key: 'rankLayout', long: ['rank-layout'], arg: 'required', ignored: 'a hint for laying out MPI ranks' },
  { key: 'alignedMmap', long: ['aligned-mmap'], arg: 'required', ignored: 'alignment of large anonymous mmaps' },
  { key: 'brkClear', long: ['brk-clear-length'], arg: 'required', ignored: 'how much of a grown heap brk zeroes; the model zeroes each heap step' },
  { key: 'mosview', long: ['mosview'], arg: 'required', ignored: "which resources the process sees (lwk or all)" },
  { key: 'dryRun', long: ['dry-run'], arg: 'none', ignored: 'yod would reserve nothing and not run the program' },
  { key: 'verbose', short: 'v', long: ['verbose'], arg: 'required', ignored: "yod's verbosity" },
  { key: 'help', short: 'h', long: ['help'], arg: 'none', ignored: 'prints help' },
];

/** mOS kernel options (`yod -o name[=value]`) the model reads. */
const RR = 'lwksched-enable-rr';
const HEAP_PAGE = 'lwkmem-heap-page-size';
/**
 * Other options mOS registers (mos_register_option_callback): kernel/sched/mos.c,
 * mOS/mem_mgmt.c (older LWK memory) and mOS/lwkmem/yod_options.c (newer).
 */
const OTHER_KERNEL_OPTIONS: readonly string[] = [
  'lwksched-disable-setaffinity', 'lwksched-stats', 'util-threshold', 'overcommit-behavior', 'one-cpu-per-util',
  'idle-control', 'cmci-control', 'enable-balancer', 'move-syscalls-disable',
  'lwkmem-brk-disable', 'lwkmem-max-page-size', 'lwkmem-memory-preferences', 'lwkmem-aligned-mmap', 'lwkmem-blocks-allocated',
  'lwkmem-brk-clear-len', 'lwkmem-interleave-disable', 'lwkmem-load-elf-disable', 'lwkmem-interleave', 'lwkmem-trace-block-list',
  'lwkmem-zeroes-check', 'lwkmem-prot-none-delegation-enable', 'lwkmem-xpmem-stats',
  'lwkmem-pma', 'lwkmem-report', 'lwkmem-vmr-disable', 'lwkmem-pma-cache',
];
const HEAP_PAGES: Readonly<Record<string, number>> = { '4k': 4 * KiB, '2m': 2 * MiB, '4m': 4 * MiB, '1g': GiB };
/** The model's bounds: at most 1,024 ranks; a round-robin quantum of at most an hour. */
const MAX_PROCESSES = 1024;
const MAX_RR_MS = 3_600_000;

export interface YodResult {
  readonly processes?: number;
  readonly rrQuantumNs?: number;
  readonly kindOrder?: readonly ('HBM' | 'DDR')[];
  readonly heapStepBytes?: number;
}

/** A fraction as yod reads it: M/N, or a decimal number; undefined if it is neither. */
function fraction(text: string): { value: number; num?: number; den?: number } | undefined {
  const r = /^(\d+)\/(\d+)$/.exec(text);
  if (r) {
    const num = Number(r[1]);
    const den = Number(r[2]);
    return den === 0 ? undefined : { value: num / den, num, den };
  }
  if (/^(\d+\.?\d*|\.\d+)$/.test(text)) return { value: Number(text) };
  return undefined;
}

/** What yod knows of the partition it reserves from (when lwkctl is given too). */
interface Designated {
  readonly lwkCpus: ReadonlySet<number>;
  readonly cores: number;
  readonly bytes: number;
}

function designated(p: Partition, topology: Topology): Designated {
  const layout = describePartition(p, topology);
  const lwk = new Set(layout.lwkCpus);
  // Whole cores, as yod counts them (yod_count_by YOD_CORE).
  const cores = new Set(topology.cpus.filter((c) => lwk.has(c.id)).map((c) => c.core));
  for (const c of topology.cpus) if (!lwk.has(c.id)) cores.delete(c.core);
  return { lwkCpus: lwk, cores: cores.size, bytes: layout.lwkBytes.reduce((a, b) => a + b, 0) };
}

/** yod's options; `partition`: the one lwkctl creates in the same text, if any. */
export function readYod(cmd: FoundCommand, topology: Topology, partition: Partition | undefined, errors: Diagnostic[], warnings: Diagnostic[]): YodResult {
  const opts = getopt('yod', cmd.args, YOD_OPTIONS, errors, warnings);
  const known = partition ? designated(partition, topology) : undefined;
  const out: { -readonly [K in keyof YodResult]: YodResult[K] } = {};
  const use = (key: string): OptionUse | undefined => lastUse(opts, key);
  const R = use('resources');
  const cpus = use('cpus');
  const cores = use('cores');
  const mem = use('mem');

  // The rules of yod's resolve_options().
  if (R && (cpus || cores || mem)) {
    const other = [cpus, cores, mem].find((u) => u)!;
    errors.push(diag(`yod ${R.written} may not be combined with --cpus, --cores or --mem`, other.nameStart, other.end));
  } else {
    if ((cpus || cores) && !mem) {
      const u = (cpus ?? cores)!;
      errors.push(diag(`yod ${u.written} requires --mem/-M to also be specified`, u.nameStart, u.end));
    }
    if (mem && !cpus && !cores) errors.push(diag(`yod ${mem.written} requires either --cores/-C or --cpus/-c to also be specified`, mem.nameStart, mem.end));
    if (cpus && cores) errors.push(diag('yod: give one of --cpus and --cores, not both', cores.nameStart, cores.end));
  }
  if (R?.value) out.processes = readResources(R, known, errors, warnings);
  if (cpus?.value) readCpus(cpus.value, topology, known, errors);
  if (cores?.value) readCores(cores.value, known, errors);
  if (mem?.value) readMem(mem.value, known, errors);

  for (const u of opts.uses) {
    if (u.spec.key === 'pref' && u.value) {
      const order = readPreference(u.value, errors, warnings);
      if (order) out.kindOrder = order;
    }
    if (u.spec.key === 'opt' && u.value) readKernelOption(u.value, out, errors, warnings);
  }
  if (opts.operands.length === 0) {
    const end = cmd.args.length > 0 ? cmd.args[cmd.args.length - 1].end : cmd.nameWord.end;
    errors.push(diag('yod needs the program to run, e.g. yod -R 1/4 ./app', cmd.nameWord.start, end));
  }
  return out;
}

function readResources(u: OptionUse, known: Designated | undefined, errors: Diagnostic[], warnings: Diagnostic[]): number | undefined {
  const v = u.value!;
  const t = v.text;
  if (t === 'MPI') {
    warnings.push(diag(`yod ${u.written} MPI is accepted, has no effect in the model (the share comes from the MPI launcher's environment; the model keeps its configured ranks)`, u.nameStart, u.end));
    return undefined;
  }
  if (t.startsWith('file:')) {
    warnings.push(diag(`yod ${u.written} ${t} is accepted, has no effect in the model (a resource map file is not read)`, u.nameStart, u.end));
    return undefined;
  }
  const f = t === 'all' ? { value: 1, num: 1, den: 1 } : fraction(t);
  if (!f) {
    errors.push(diagIn(`yod ${u.written}: cannot read '${t}': expected 1/N, a fraction such as 0.25, all, MPI or file:<map>`, v));
    return undefined;
  }
  if (!(f.value > 0 && f.value <= 1)) {
    errors.push(diagIn(`yod ${u.written} ${t}: a fraction must be in (0, 1]`, v));
    return undefined;
  }
  const n = 1 / f.value;
  if (Math.abs(n - Math.round(n)) > 1e-9) {
    warnings.push(diag(`yod ${u.written} ${t} is accepted, has no effect in the model (its ranks share all LWK CPUs equally: only 1/N, N ranks, maps)`, u.nameStart, u.end));
    return undefined;
  }
  const ranks = Math.round(n);
  if (ranks > MAX_PROCESSES) {
    errors.push(diagIn(`yod ${u.written} ${t}: the model runs at most ${MAX_PROCESSES} ranks on a node`, v));
    return undefined;
  }
  if (known && Math.floor(known.cores / ranks) < 1) {
    errors.push(diagIn(`yod ${u.written} ${t}: requested fractional number of compute cores is zero (1/${ranks} of ${known.cores} whole LWK cores < 1; yod counts the cores whose every thread is an LWK CPU)`, v));
    return undefined;
  }
  return ranks;
}

function readCpus(v: Word, topology: Topology, known: Designated | undefined, errors: Diagnostic[]): void {
  const t = v.text;
  if (t === 'all') return;
  let cpus: number[];
  if (/^0x/i.test(t)) {
    if (!/^0x[0-9a-f]+$/i.test(t)) {
      errors.push(diagIn(`yod --cpus: cannot read mask '${t}': expected hexadecimal digits after 0x`, v));
      return;
    }
    const bits = BigInt(t);
    cpus = [];
    for (let c = 0; bits >> BigInt(c) > 0n; c++) if ((bits >> BigInt(c)) & 1n) cpus.push(c);
    const missing = cpus.filter((c) => c >= topology.cpus.length);
    if (missing.length > 0) {
      errors.push(diagIn(`yod --cpus: ${cpuWord(missing)} of the mask ${missing.length === 1 ? 'does' : 'do'} not exist: this node has CPUs 0-${topology.cpus.length - 1}`, v));
      return;
    }
  } else {
    const mark = errors.length;
    cpus = readCpuList(v, 0, t.length, topology, errors).cpus;
    if (errors.length > mark) return;
  }
  if (known) {
    const notLwk = cpus.filter((c) => !known.lwkCpus.has(c));
    if (notLwk.length > 0) {
      errors.push(diagIn(`yod --cpus: ${cpuWord(notLwk)} ${notLwk.length === 1 ? 'is not an LWK CPU' : 'are not LWK CPUs'} (lwkcpus= designates ${formatCpuList(known.lwkCpus)}): yod reserves LWK CPUs only`, v));
    }
  }
}

function readCores(v: Word, known: Designated | undefined, errors: Diagnostic[]): void {
  const t = v.text;
  if (t === 'all') return;
  const count = parseCount(t);
  if (count !== undefined) {
    if (count === 0) errors.push(diagIn('yod --cores 0: reserve at least one core', v));
    else if (known && count > known.cores) errors.push(diagIn(`yod --cores ${count}: only ${known.cores} whole LWK cores are designated`, v));
    return;
  }
  const f = fraction(t);
  if (!f) errors.push(diagIn(`yod --cores: cannot read '${t}': expected a number of cores, a fraction such as 1/2, or all`, v));
  else if (!(f.value > 0 && f.value <= 1)) errors.push(diagIn(`yod --cores ${t}: a fraction must be in (0, 1]`, v));
}

function readMem(v: Word, known: Designated | undefined, errors: Diagnostic[]): void {
  const t = v.text;
  if (t === 'all') return;
  const f = t.includes('/') || /^0?\.\d+$/.test(t) ? fraction(t) : undefined;
  if (f) {
    if (!(f.value > 0 && f.value <= 1)) errors.push(diagIn(`yod --mem ${t}: a fraction must be in (0, 1)`, v));
    return;
  }
  const m = /^(\d+\.?\d*|\.\d+)([kmg])?$/i.exec(t);
  if (!m) {
    errors.push(diagIn(`yod --mem: cannot read '${t}': expected a size such as 16G or 1.5G, a fraction such as 1/2, or all`, v));
    return;
  }
  const unit = { '': 1, k: KiB, m: MiB, g: GiB }[(m[2] ?? '').toLowerCase() as '' | 'k' | 'm' | 'g'];
  const bytes = Number(m[1]) * unit;
  if (known && bytes > known.bytes) {
    errors.push(diagIn(`yod --mem ${t}: requested memory exceeds memory designated for LWK usage (${humanBytes(known.bytes)})`, v));
  }
}

const SCOPES = ['mmap', 'stack', 'static', 'brk', 'all'];
const GROUPS = ['hbm', 'dram', 'nvram'];

/** `-p scope[:size]:order[/...]`: the order for scope `all` (size 1) becomes the model's kindOrder. */
function readPreference(v: Word, errors: Diagnostic[], warnings: Diagnostic[]): ('HBM' | 'DDR')[] | undefined {
  let result: ('HBM' | 'DDR')[] | undefined;
  let pos = 0;
  for (const pref of v.text.split('/')) {
    const start = pos;
    pos += pref.length + 1;
    if (pref.length === 0) continue;
    const fields = pref.split(':');
    if (fields.length < 2 || fields.length > 3) {
      errors.push(diagIn(`yod --memory-preference: cannot read '${pref}': expected scope[:size]:order such as all:dram or mmap:65536:hbm`, v, start, start + pref.length));
      continue;
    }
    const [scope, ...rest] = fields;
    const orderText = rest[rest.length - 1];
    const sizeText = rest.length === 2 ? rest[0] : '1';
    if (!SCOPES.includes(scope)) {
      const near = closeMatch(scope, SCOPES);
      errors.push(diagIn(`yod --memory-preference: invalid scope '${scope}' (one of ${SCOPES.join(', ')})${near ? `; did you mean ${near}?` : ''}`, v, start, start + scope.length));
      continue;
    }
    const threshold = parseCount(sizeText);
    if (threshold === undefined) {
      const at = start + scope.length + 1;
      errors.push(diagIn(`yod --memory-preference: invalid threshold '${sizeText}': expected a whole number of bytes`, v, at, at + sizeText.length));
      continue;
    }
    const orderStart = start + pref.length - orderText.length;
    const order: string[] = [];
    let bad = false;
    let p2 = orderStart;
    for (const g of orderText.split(',')) {
      if (!GROUPS.includes(g)) {
        const near = closeMatch(g, GROUPS);
        errors.push(diagIn(`yod --memory-preference: invalid memory type '${g}' (one of ${GROUPS.join(', ')})${near ? `; did you mean ${near}?` : ''}`, v, p2, p2 + Math.max(1, g.length)));
        bad = true;
      } else if (order.includes(g)) {
        errors.push(diagIn(`yod --memory-preference: memory type '${g}' is given more than once`, v, p2, p2 + g.length));
        bad = true;
      } else order.push(g);
      p2 += g.length + 1;
    }
    if (bad) continue;
    if (scope !== 'all' || threshold > 1) {
      warnings.push(diagIn(`yod --memory-preference ${pref} is accepted, has no effect in the model (it has one order for every allocation: give all:<order>)`, v, start, start + pref.length));
      continue;
    }
    // Backfilled with the default order, as yod does; the model has no NVRAM.
    const full = [...order, ...GROUPS.filter((g) => !order.includes(g))];
    result = full.flatMap((g) => (g === 'hbm' ? ['HBM' as const] : g === 'dram' ? ['DDR' as const] : []));
  }
  return result;
}

function readKernelOption(v: Word, out: { rrQuantumNs?: number; heapStepBytes?: number }, errors: Diagnostic[], warnings: Diagnostic[]): void {
  const t = v.text;
  const eq = t.indexOf('=');
  const name = eq < 0 ? t : t.slice(0, eq);
  const value = eq < 0 ? undefined : slice(v, eq + 1);
  if (name === RR) {
    const ms = value === undefined ? undefined : parseCount(value.text);
    if (value === undefined || ms === undefined) {
      errors.push(diagIn(`${RR} takes a whole number of milliseconds (0 turns round-robin off), e.g. ${RR}=10`, value ?? v));
    } else if (ms > MAX_RR_MS) {
      errors.push(diagIn(`${RR}=${ms}: the model's round-robin quantum is at most ${MAX_RR_MS.toLocaleString('en-US')} ms (an hour)`, value!));
    } else out.rrQuantumNs = ms * 1_000_000;
    return;
  }
  if (name === HEAP_PAGE) {
    const bytes = value === undefined ? undefined : HEAP_PAGES[value.text.toLowerCase()];
    if (bytes === undefined) errors.push(diagIn(`${HEAP_PAGE} takes a page size: 4k, 2m, 4m or 1g`, value ?? v));
    else out.heapStepBytes = bytes;
    return;
  }
  if (OTHER_KERNEL_OPTIONS.includes(name)) {
    warnings.push(diagIn(`yod -o ${name} is accepted, has no effect in the model`, v));
    return;
  }
  const near = closeMatch(name, [RR, HEAP_PAGE, ...OTHER_KERNEL_OPTIONS]);
  errors.push(diagIn(`unknown mOS option '${name}'${near ? `: did you mean ${near}?` : ` (the model reads ${RR} and ${HEAP_PAGE})`}`, v, 0, Math.max(1, name.length)));
}

/** The canonical yod command. */
export function printYod(r: { processes?: number; rrQuantumNs: number; kindOrder: readonly string[]; heapStepBytes: number }): string {
  const words = ['yod'];
  if (r.processes !== undefined) words.push('-R', r.processes === 1 ? 'all' : `1/${r.processes}`);
  const order = r.kindOrder.flatMap((k) => (k === 'HBM' ? ['hbm'] : k === 'DDR' ? ['dram'] : []));
  if (order.length > 0) words.push('-p', `all:${order.join(',')}`);
  // lwksched-enable-rr takes whole milliseconds (at least 1 when on).
  const ms = r.rrQuantumNs > 0 ? Math.max(1, Math.round(r.rrQuantumNs / 1_000_000)) : 0;
  words.push('-o', `${RR}=${ms}`);
  const page = Object.entries(HEAP_PAGES).find(([, b]) => b === r.heapStepBytes);
  if (page) words.push('-o', `${HEAP_PAGE}=${page[0]}`);
  words.push('./app');
  return words.join(' ');
}
