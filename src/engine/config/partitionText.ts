/**
 * The partition as text, in mOS boot/lwkctl syntax:
 *   lwkcpus=<syscall cpu>.<LWK cpu list>:<syscall cpu>.<LWK cpu list>... lwkmem=<domain>:<size>,...
 * parsePartition never throws: every problem comes back as a Diagnostic with its text range.
 */
import { siblingsOf, type Topology } from '../node/hardware';
import { formatCpuList, parseCount, parseCpuList, type CpuListItem } from './cpuList';
import { diag, emptyAt, type Diagnostic } from './diagnostic';
import { parseLwkMem } from './lwkmem';
import type { Partition, PartitionParse } from './partitionTypes';
import { formatSize } from './size';

const KEYS = ['lwkcpus', 'lwkmem'] as const;
type Key = (typeof KEYS)[number];

interface Field {
  readonly value: string;
  readonly valueStart: number;
  readonly start: number;
  readonly end: number;
}

interface RawGroup {
  readonly syscall?: { readonly cpu: number; readonly start: number; readonly end: number };
  readonly items: readonly CpuListItem[];
  /** Where the group stands in the text. */
  readonly start: number;
  readonly end: number;
}

/** Canonical text: `lwkcpus=0.1-15,33-47:16.17-31,49-63 lwkmem=0:88G,1:88G`. */
export function printPartition(p: Partition): string {
  return `${printLwkCpus(p)} ${printLwkMem(p)}`;
}

/** The mOS kernel command line fragment for this partition. */
export function mosBootLine(p: Partition): string {
  return printPartition(p);
}

export function printLwkCpus(p: Partition): string {
  return `lwkcpus=${p.groups.map((g) => `${g.syscallCpu >= 0 ? `${g.syscallCpu}.` : ''}${formatCpuList(g.lwkCpus)}`).join(':')}`;
}

export function printLwkMem(p: Partition): string {
  return `lwkmem=${p.lwkMem.map((m) => `${m.numa}:${formatSize(m.bytes)}`).join(',')}`;
}

export function parsePartition(text: string, topology: Topology): PartitionParse {
  try {
    return parseChecked(String(text), topology);
  } catch (e) {
    // A bug, not bad input: still report it as a diagnostic rather than crash the editor.
    return { ok: false, errors: [diag(`internal error while reading the partition: ${String(e)}`, 0, String(text).length)] };
  }
}

function parseChecked(text: string, topology: Topology): PartitionParse {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const fields = splitFields(text, errors);

  const cpusField = fields.get('lwkcpus');
  const memField = fields.get('lwkmem');
  const whole = text.trim().length === 0 ? [0, text.length] : [text.length - text.trimStart().length, text.trimEnd().length];
  if (cpusField === undefined) errors.push(diag('missing lwkcpus=<syscall cpu>.<LWK cpus>, e.g. lwkcpus=0.1-13:14.15-27', whole[0], whole[1]));
  if (memField === undefined) errors.push(diag('missing lwkmem=<domain>:<size>,..., e.g. lwkmem=0:16G,1:16G, or a total such as lwkmem=108G', whole[0], whole[1]));

  const n = topology.cpus.length;
  const groupOf = new Int32Array(n).fill(-1);
  let groups: RawGroup[] = [];
  if (cpusField !== undefined) {
    groups = parseGroups(cpusField.value, cpusField.valueStart, errors);
    assignCpus(groups, topology, groupOf, errors);
    if (groupOf.every((g) => g >= 0)) {
      errors.push(diag(`no Linux CPU left: all ${n} CPUs are LWK CPUs; Linux needs at least one, and each group's syscall CPU must be one`, cpusField.start, cpusField.end));
    }
  }
  const linuxDomains = new Set<number>();
  for (const c of topology.cpus) if (groupOf[c.id] < 0) linuxDomains.add(c.numa);

  let lwkMem: Partition['lwkMem'] = [];
  if (memField !== undefined) {
    const mem = parseLwkMem(memField.value, memField.valueStart, topology, linuxDomains);
    errors.push(...mem.errors);
    warnings.push(...mem.warnings);
    lwkMem = mem.entries;
  }
  if (errors.length > 0) return { ok: false, errors: capped(errors.sort(byPosition)) };

  warnings.push(...smtWarnings(groups, topology, groupOf));
  groups.forEach((g, i) => {
    if (g.syscall === undefined) {
      warnings.push(diag(`group ${i + 1} has no syscall CPU: its calls go to the syscall CPU of the nearest group (a Linux CPU if no group has one)`, g.start, g.end));
    }
  });
  const partition: Partition = {
    groups: groups.map((g, i) => ({
      syscallCpu: g.syscall?.cpu ?? -1,
      lwkCpus: topology.cpus.filter((c) => groupOf[c.id] === i).map((c) => c.id),
    })),
    lwkMem,
  };
  return { ok: true, partition, warnings: warnings.sort(byPosition) };
}

/** At most this many problems are listed; one more diagnostic counts the rest. */
const MAX_LISTED = 20;

function capped(errors: Diagnostic[]): Diagnostic[] {
  if (errors.length <= MAX_LISTED) return errors;
  const rest = errors.slice(MAX_LISTED);
  const more = diag(`… and ${rest.length} more problem${rest.length === 1 ? '' : 's'} like these`, rest[0].start, rest[rest.length - 1].end);
  return [...errors.slice(0, MAX_LISTED), more];
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.start - b.start || a.end - b.end;
}

function splitFields(text: string, errors: Diagnostic[]): Map<Key, Field> {
  const fields = new Map<Key, Field>();
  for (const m of text.matchAll(/\S+/g)) {
    const token = m[0];
    const start = m.index;
    const end = start + token.length;
    const eq = token.indexOf('=');
    if (eq <= 0) {
      errors.push(diag(`expected key=value (lwkcpus=... or lwkmem=...), found '${clip(token)}'`, start, end));
      continue;
    }
    const key = token.slice(0, eq);
    if (!(KEYS as readonly string[]).includes(key)) {
      const near = KEYS.find((k) => k.startsWith(key.toLowerCase().slice(0, 5)) || key.toLowerCase() === k);
      const hint = near !== undefined ? `; did you mean ${near}?` : '';
      errors.push(diag(`unknown key '${clip(key)}': expected lwkcpus or lwkmem${hint}`, start, start + eq));
      continue;
    }
    const k = key as Key;
    if (fields.has(k)) {
      errors.push(diag(`${k} is given twice: give it once`, start, start + eq));
      continue;
    }
    fields.set(k, { value: token.slice(eq + 1), valueStart: start + eq + 1, start, end });
  }
  return fields;
}

function clip(s: string): string {
  return s.length > 24 ? `${s.slice(0, 21)}...` : s;
}

function parseGroups(value: string, offset: number, errors: Diagnostic[]): RawGroup[] {
  const groups: RawGroup[] = [];
  if (value.length === 0) {
    errors.push(diag('lwkcpus is empty: expected <syscall cpu>.<LWK cpus>, e.g. lwkcpus=0.1-13', offset - 'lwkcpus='.length, offset));
    return groups;
  }
  if (/^:+$/.test(value)) {
    errors.push(diag('lwkcpus names no group: expected <syscall cpu>.<LWK cpus>, e.g. lwkcpus=0.1-13', offset, offset + value.length));
    return groups;
  }
  let pos = 0;
  for (const part of value.split(':')) {
    const start = offset + pos;
    const end = start + part.length;
    pos += part.length + 1;
    if (part.length === 0) {
      errors.push(emptyAt("empty group in lwkcpus (two ':' in a row, or ':' at an end)", start, offset, offset + value.length));
      continue;
    }
    // As in mOS (lwkcpu_parse_args, intel/mOS mOS/lwkctrl.c), a group may name no syscall
    // ("utility") CPU: `1-13` or `.1-13`; it may not name more than one.
    const dot = part.indexOf('.');
    const scText = dot < 0 ? '' : part.slice(0, dot);
    const cpu = scText.length === 0 ? undefined : parseCount(scText);
    if (scText.length > 0 && cpu === undefined) {
      errors.push(diag(`cannot read syscall CPU '${clip(scText)}': a group has at most one syscall CPU, a number`, start, start + Math.max(dot, 1)));
    }
    const list = parseCpuList(part.slice(dot + 1), start + dot + 1);
    errors.push(...list.errors);
    groups.push({ syscall: cpu === undefined ? undefined : { cpu, start, end: start + dot }, items: list.items, start, end });
  }
  return groups;
}

function cpuWord(cpus: readonly number[]): string {
  return `${cpus.length === 1 ? 'CPU' : 'CPUs'} ${formatCpuList(cpus)}`;
}

/** Check that CPUs exist and are listed once, and mark each LWK CPU with its group. */
function assignCpus(groups: readonly RawGroup[], topology: Topology, groupOf: Int32Array, errors: Diagnostic[]): void {
  const n = topology.cpus.length;
  const valid = `this node has CPUs 0-${n - 1}`;
  groups.forEach((g, gi) => {
    for (const item of g.items) {
      if (item.hi >= n) {
        const missing = item.lo >= n ? `${item.lo}` : `${n}`;
        const what = item.lo === item.hi || missing === `${item.hi}` ? `CPU ${item.hi} does not exist` : `CPUs ${missing}-${item.hi} do not exist`;
        errors.push(diag(`${what}: ${valid}`, item.start, item.end));
      }
      const dupSame: number[] = [];
      const dupOther = new Map<number, number[]>();
      for (let cpu = item.lo; cpu <= Math.min(item.hi, n - 1); cpu++) {
        const owner = groupOf[cpu];
        if (owner === gi) dupSame.push(cpu);
        else if (owner >= 0) dupOther.set(owner, [...(dupOther.get(owner) ?? []), cpu]);
        else groupOf[cpu] = gi;
      }
      if (dupSame.length > 0) errors.push(diag(`${cpuWord(dupSame)} listed twice in this group`, item.start, item.end));
      for (const [owner, cpus] of dupOther) {
        errors.push(diag(`${cpuWord(cpus)} listed twice: already an LWK CPU of group ${owner + 1}; a CPU belongs to one group`, item.start, item.end));
      }
    }
  });
  groups.forEach((g) => {
    if (g.syscall === undefined) return;
    const { cpu, start, end } = g.syscall;
    if (cpu >= n) errors.push(diag(`syscall CPU ${cpu} does not exist: ${valid}`, start, end));
    else if (groupOf[cpu] >= 0) {
      errors.push(diag(`syscall CPU ${cpu} is an LWK CPU (of group ${groupOf[cpu] + 1}): a syscall CPU must be a Linux CPU`, start, end));
    }
  });
}

/** Only this many cores get their own SMT warning; the rest are summed up in one more. */
const MAX_SMT_WARNINGS = 8;

function smtWarnings(groups: readonly RawGroup[], topology: Topology, groupOf: Int32Array): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seenCores = new Set<number>();
  let extra = 0;
  for (const g of groups) {
    for (const item of g.items) {
      for (let cpu = item.lo; cpu <= item.hi; cpu++) {
        const core = topology.cpus[cpu].core;
        if (seenCores.has(core)) continue;
        const linux = siblingsOf(topology, cpu).filter((s) => groupOf[s] < 0);
        if (linux.length === 0) continue;
        seenCores.add(core);
        if (out.length >= MAX_SMT_WARNINGS) {
          extra++;
          continue;
        }
        const lwk = [cpu, ...siblingsOf(topology, cpu).filter((s) => groupOf[s] >= 0)];
        out.push(
          diag(
            `Linux ${cpuWord(linux)} and LWK ${cpuWord(lwk)} are SMT siblings (core ${core}): ` +
              'they share the core, so Linux activity slows the LWK thread; give both threads to one side',
            item.start,
            item.end,
          ),
        );
      }
    }
  }
  if (extra > 0) {
    const last = out[out.length - 1];
    out.push(diag(`${extra} more cores are shared between Linux and LWK CPUs`, last.start, last.end));
  }
  return out;
}
