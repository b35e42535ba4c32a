/**
 * mOS's partitioning tool, `lwkctl -c '<spec>'` (intel/mOS mOS/tools/lwkctl/lwkctl.c, man page
 * mOS/tools/lwkctl/lwkctl.1.man). The spec is the boot syntax the explorer already reads
 * (src/engine/config/partitionText.ts): `lwkcpus=<utility cpu>.<LWK cpus>:...` and
 * `lwkmem=<node>:<size>,...`, plus what lwkctl adds:
 *
 * - `lwkcpu_profile=normal|debug` (CPU hotplug states of LWK CPUs): accepted, no effect.
 * - `lwkcpus=auto`, `lwkmem=auto`: mOS derives the partition from the topology; the model uses
 *   its default partition's CPUs or memory (docs/partitions.md, "Default partitions").
 * - `lwkmem=auto:max`: all the memory the LWK may take on every domain (what Linux's 1 GiB
 *   minimum leaves).
 *
 * Problems inside the quoted spec are underlined where they were written.
 */
import type { Topology } from '../../node/hardware';
import type { Diagnostic } from '../diagnostic';
import { diag } from '../diagnostic';
import { defaultMosPartition } from '../partitionPresets';
import { parsePartition, printLwkCpus, printLwkMem } from '../partitionText';
import { describePartition, lwkCapacity, type Partition } from '../partitionTypes';
import { formatSize } from '../size';
import type { FoundCommand } from './commands';
import { getopt, lastUse, type OptionSpec } from './getopt';
import { diagIn, type Word } from './shell';

export const LWKCTL_OPTIONS: readonly OptionSpec[] = [
  { key: 'create', short: 'c', long: ['create'], arg: 'required', hint: "the partition, e.g. -c 'lwkcpus=0.1-15:16.17-31 lwkmem=0:16G,1:16G'" },
  { key: 'delete', short: 'd', long: ['delete'], arg: 'none', ignored: 'deletes the LWK partition; the model keeps the one it runs' },
  { key: 'show', short: 's', long: ['show'], arg: 'none', ignored: 'shows the partition' },
  { key: 'raw', short: 'r', long: ['raw'], arg: 'none', ignored: 'raw format for --show' },
  { key: 'precise', short: 'p', long: ['precise'], arg: 'required', ignored: 'fail instead of creating a smaller partition; the model rejects what a node cannot give' },
  { key: 'timeout', short: 't', long: ['timeout'], arg: 'required', ignored: "timeout of lwkctl's lock" },
  { key: 'force', short: 'f', long: ['force'], arg: 'none', ignored: 'partitions even while a job runs' },
  { key: 'verbose', short: 'v', long: ['verbose'], arg: 'required', ignored: "lwkctl's verbosity" },
  { key: 'help', short: 'h', long: ['help'], arg: 'none', ignored: 'prints help' },
];

const strip = (s: string, key: string): string => s.slice(key.length + 1);

/** The partition `lwkctl -c` creates, or undefined (no -c, or errors). */
export function readLwkctl(cmd: FoundCommand, topology: Topology, errors: Diagnostic[], warnings: Diagnostic[]): Partition | undefined {
  const opts = getopt('lwkctl', cmd.args, LWKCTL_OPTIONS, errors, warnings);
  if (opts.operands.length > 0) {
    const w = opts.operands;
    errors.push(diag(`lwkctl takes no words after its options, found '${w[0].text}': quote the partition, lwkctl -c '…'`, w[0].start, w[w.length - 1].end));
  }
  const create = lastUse(opts, 'create');
  if (!create?.value) return undefined;
  return readSpec(create.value, topology, errors, warnings);
}

interface Piece {
  readonly text: string;
  /** Where it came from in the word: [from, to). A substituted piece maps all of it to its token. */
  readonly from: number;
  readonly to: number;
  readonly substituted: boolean;
}

function readSpec(v: Word, topology: Topology, errors: Diagnostic[], warnings: Diagnostic[]): Partition | undefined {
  const pieces: Piece[] = [];
  const text = v.text;
  let last = 0;
  let memAutoMax: { from: number; to: number } | undefined;
  const keep = (to: number): void => {
    if (to > last) pieces.push({ text: text.slice(last, to), from: last, to, substituted: false });
  };
  const fallback = defaultMosPartition(topology);
  for (const m of text.matchAll(/\S+/g)) {
    const token = m[0];
    const from = m.index;
    const to = from + token.length;
    if (token.startsWith('lwkcpu_profile=')) {
      const profile = strip(token, 'lwkcpu_profile');
      keep(from);
      pieces.push({ text: ' '.repeat(token.length), from, to, substituted: false });
      last = to;
      const note = profile === 'normal' || profile === 'debug' ? '' : `; '${profile}' is not a profile, and mOS takes normal`;
      warnings.push(diagIn(`lwkcpu_profile=${profile} is accepted, has no effect in the model (the CPU hotplug states LWK CPUs boot through)${note}`, v, from, to));
    } else if (token === 'lwkcpus=auto') {
      keep(from);
      const cpus = printLwkCpus(fallback);
      pieces.push({ text: cpus, from, to, substituted: true });
      last = to;
      warnings.push(diagIn(`lwkcpus=auto: mOS picks the LWK CPUs from the topology; the model uses its default partition's, ${strip(cpus, 'lwkcpus')}`, v, from, to));
    } else if (token === 'lwkmem=auto') {
      keep(from);
      const mem = printLwkMem(fallback);
      pieces.push({ text: mem, from, to, substituted: true });
      last = to;
      warnings.push(diagIn(`lwkmem=auto: mOS designates memory from the topology; the model uses its default partition's, ${strip(mem, 'lwkmem')}`, v, from, to));
    } else if (token === 'lwkmem=auto:max') {
      keep(from);
      pieces.push({ text: '\u0000', from, to, substituted: true }); // filled in once the LWK CPUs are known
      last = to;
      memAutoMax = { from, to };
    }
  }
  keep(text.length);

  const build = (mem: string): { out: string; parts: { start: number; piece: Piece }[] } => {
    let out = '';
    const parts: { start: number; piece: Piece }[] = [];
    for (const p of pieces) {
      const t = p.text === '\u0000' ? mem : p.text;
      parts.push({ start: out.length, piece: { ...p, text: t } });
      out += t;
    }
    return { out, parts };
  };
  let maxMem = '';
  if (memAutoMax) {
    // All the LWK may take, given which domains keep Linux CPUs (from a first reading of lwkcpus=).
    const probe = parsePartition(build('lwkmem=2M').out, topology);
    const partition = probe.ok ? probe.partition : fallback;
    const layout = describePartition(partition, topology);
    const linuxDomains = new Set(layout.linuxCpus.map((c) => topology.cpus[c].numa));
    const cap = lwkCapacity(topology, linuxDomains);
    maxMem = `lwkmem=${cap.flatMap((b, nid) => (b > 0 ? [`${nid}:${formatSize(b)}`] : [])).join(',')}`;
    warnings.push(diagIn(`lwkmem=auto:max: all the memory the LWK may take, ${strip(maxMem, 'lwkmem')}`, v, memAutoMax.from, memAutoMax.to));
  }
  const { out, parts } = build(maxMem);
  // Back from the rewritten spec to the word: a position inside a substituted piece is its token.
  const back = (pos: number, isEnd: boolean): number => {
    for (const { start, piece } of parts) {
      const len = piece.text.length;
      if (pos < start || pos > start + len || (pos === start + len && !isEnd)) continue;
      if (piece.substituted) return isEnd ? piece.to : piece.from;
      return piece.from + (pos - start);
    }
    return isEnd ? text.length : 0;
  };
  const place = (d: Diagnostic): Diagnostic => {
    const s = back(d.start, false);
    const e = Math.max(s + 1, back(d.end, true));
    return diagIn(d.message, v, s, e);
  };
  const parsed = parsePartition(out, topology);
  if (!parsed.ok) {
    for (const e of parsed.errors) errors.push(place(e));
    return undefined;
  }
  for (const w of parsed.warnings) warnings.push(place(w));
  return parsed.partition;
}
