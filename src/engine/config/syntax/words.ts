/** Small readers shared by the command syntaxes: CPU lists in a word, whole numbers, CPU wording. */
import type { Topology } from '../../node/hardware';
import type { DesignSyntax } from '../../designs/registry';
import { formatCpuList, parseCount, parseCpuList, type CpuListItem } from '../cpuList';
import type { Diagnostic } from '../diagnostic';
import { diagIn, placeIn, type Word } from './shell';

/** "CPU 5" or "CPUs 5-7,9". */
export function cpuWord(cpus: readonly number[]): string {
  return `${cpus.length === 1 ? 'CPU' : 'CPUs'} ${formatCpuList(cpus)}`;
}

/** "NUMA domain 2" is not there: the domains a topology has, for messages. */
export function domainsText(topology: Topology): string {
  return topology.numa.length === 1 ? 'this node has domain 0' : `this node has domains 0-${topology.numa.length - 1}`;
}

/**
 * A cpulist written in characters [from, to) of a word. Items are returned in the word's
 * coordinates; CPUs beyond the node are reported and left out of `cpus`.
 */
export function readCpuList(word: Word, from: number, to: number, topology: Topology, errors: Diagnostic[]): { items: readonly CpuListItem[]; cpus: number[] } {
  const list = parseCpuList(word.text.slice(from, to), from);
  for (const e of list.errors) errors.push(placeIn(word, e));
  const n = topology.cpus.length;
  const cpus: number[] = [];
  for (const item of list.items) {
    if (item.hi >= n) {
      const missing = item.lo >= n ? item.lo : n;
      const what = missing === item.hi ? `CPU ${item.hi} does not exist` : `CPUs ${missing}-${item.hi} do not exist`;
      errors.push(diagIn(`${what}: this node has CPUs 0-${n - 1}`, word, item.start, item.end));
    }
    for (let c = item.lo; c <= Math.min(item.hi, n - 1); c++) cpus.push(c);
  }
  return { items: list.items, cpus };
}

/** A whole number above 0 in a word, or undefined with an error naming `what`. */
export function readPositive(word: Word, what: string, errors: Diagnostic[]): number | undefined {
  const v = parseCount(word.text);
  if (v === undefined || v === 0) {
    errors.push(diagIn(`${what}: cannot read '${word.text}' as a whole number above 0`, word));
    return undefined;
  }
  return v;
}

type SyntaxParse = ReturnType<DesignSyntax['parse']>;

/** A parser that reports its own bug as a problem with the text rather than throwing at the editor. */
export function neverThrows(parse: (text: string, topology: Topology) => SyntaxParse): DesignSyntax['parse'] {
  return (text, topology) => {
    try {
      return parse(text, topology);
    } catch (e) {
      return { ok: false, errors: [{ message: `internal error while reading the options: ${String(e)}`, start: 0, end: String(text).length }] };
    }
  };
}
