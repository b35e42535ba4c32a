/**
 * The `lwkmem=` value: `<domain>:<size>,<domain>:<size>...` or one total size (`lwkmem=108G`).
 *
 * A total is spread evenly over all domains in 2 MiB pages; a domain that cannot take its
 * share (its size, minus Linux's reserve where Linux has CPUs) takes what it can and the
 * others share the rest ("water-filling"); pages that do not divide evenly go to the
 * lowest-numbered domains. mOS likewise moves what one node cannot give to the other
 * requested nodes (lwkmem/init.c, mos_mem_init); this exact rule is the explorer's.
 */
import type { Topology } from '../node/hardware';
import { parseCount } from './cpuList';
import { diag, emptyAt, type Diagnostic } from './diagnostic';
import { LINUX_MIN_BYTES_PER_CPU_DOMAIN, LWK_PAGE_BYTES, lwkCapacity, type LwkMemory } from './partitionTypes';
import { formatSize, humanBytes, parseSize } from './size';

export interface LwkMemParse {
  /** Ascending by domain, no zero entries. */
  readonly entries: readonly LwkMemory[];
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
}

function reserveNote(linux: boolean): string {
  return linux ? `Linux keeps ${humanBytes(LINUX_MIN_BYTES_PER_CPU_DOMAIN)} on a domain where it has CPUs` : 'the whole domain';
}

/** `value` sits at `offset` in the whole text. `linuxDomains`: domains that keep a Linux CPU. */
export function parseLwkMem(value: string, offset: number, topology: Topology, linuxDomains: ReadonlySet<number>): LwkMemParse {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const end = offset + value.length;
  if (value.length === 0) {
    errors.push(diag('lwkmem is empty: expected <domain>:<size>,... such as 0:16G,1:16G, or a total such as 108G', offset - 'lwkmem='.length, end));
    return { entries: [], errors, warnings };
  }
  const capacity = lwkCapacity(topology, linuxDomains);
  const checkPages = (bytes: number, text: string, start: number): void => {
    if (bytes % LWK_PAGE_BYTES !== 0) {
      warnings.push(diag(`${text} is not a multiple of 2 MiB: the LWK manages memory in 2 MiB pages and would round it down`, start, start + text.length));
    }
  };

  if (!value.includes(':') && !value.includes(',')) {
    const size = parseSize(value);
    if (!size.ok) {
      errors.push(diag(size.message, offset, end));
      return { entries: [], errors, warnings };
    }
    if (size.warning !== undefined) warnings.push(diag(size.warning, offset, end));
    if (size.bytes === 0) {
      errors.push(diag('lwkmem=0 gives the LWK no memory: ask for more than 0', offset, end));
      return { entries: [], errors, warnings };
    }
    const total = capacity.reduce((s, c) => s + c, 0);
    if (size.bytes > total) {
      errors.push(
        diag(
          `lwkmem=${value} asks ${humanBytes(size.bytes)}, but this node can give the LWK at most ${humanBytes(total)} (${formatSize(total)}): ` +
            `Linux keeps ${humanBytes(LINUX_MIN_BYTES_PER_CPU_DOMAIN)} on each domain where it has CPUs`,
          offset,
          end,
        ),
      );
      return { entries: [], errors, warnings };
    }
    checkPages(size.bytes, value, offset);
    return { entries: spread(size.bytes, capacity), errors, warnings };
  }

  const entries: LwkMemory[] = [];
  const seen = new Set<number>();
  let pos = 0;
  for (const part of value.split(',')) {
    const start = offset + pos;
    const partEnd = start + part.length;
    pos += part.length + 1;
    const colon = part.indexOf(':');
    if (colon < 0) {
      const message = `expected <domain>:<size> such as 0:16G, found ${part.length === 0 ? 'an empty entry' : `'${part}'`} (a bare total size must be the only entry)`;
      errors.push(part.length === 0 ? emptyAt(message, start, offset, end) : diag(message, start, partEnd));
      continue;
    }
    const nidText = part.slice(0, colon);
    const sizeText = part.slice(colon + 1);
    const sizeStart = start + colon + 1;
    const nid = parseCount(nidText);
    if (nid === undefined) {
      errors.push(diag(`cannot read NUMA domain '${nidText}': expected a domain number such as 0`, start, start + Math.max(colon, 1)));
      continue;
    }
    if (nid >= topology.numa.length) {
      errors.push(diag(`NUMA domain ${nid} does not exist: this node has domains 0-${topology.numa.length - 1}`, start, start + colon));
      continue;
    }
    if (seen.has(nid)) {
      errors.push(diag(`NUMA domain ${nid} is listed twice: give each domain once`, start, start + colon));
      continue;
    }
    seen.add(nid);
    const size = parseSize(sizeText);
    if (!size.ok) {
      errors.push(sizeText.length === 0 ? diag(`missing size after '${nidText}:'`, start, sizeStart) : diag(size.message, sizeStart, partEnd));
      continue;
    }
    if (size.warning !== undefined) warnings.push(diag(size.warning, sizeStart, partEnd));
    if (size.bytes === 0) {
      errors.push(diag(`NUMA domain ${nid}: a size of 0 gives the LWK nothing: leave the domain out instead`, start, partEnd));
      continue;
    }
    const domain = topology.numa[nid];
    if (size.bytes > capacity[nid]) {
      const linux = linuxDomains.has(nid);
      errors.push(
        diag(
          `NUMA domain ${nid} (${domain.kind}, ${humanBytes(domain.bytes)}) cannot give ${humanBytes(size.bytes)} to the LWK: ` +
            `at most ${humanBytes(capacity[nid])} is available (${reserveNote(linux)})`,
          sizeStart,
          partEnd,
        ),
      );
      continue;
    }
    checkPages(size.bytes, sizeText, sizeStart);
    entries.push({ numa: nid, bytes: size.bytes });
  }
  entries.sort((a, b) => a.numa - b.numa);
  return { entries, errors, warnings };
}

/** Spread `bytes` (at most the sum of `capacity`) over the domains: see the module comment. */
export function spread(bytes: number, capacity: readonly number[]): LwkMemory[] {
  const capUnits = capacity.map((c) => Math.floor(c / LWK_PAGE_BYTES));
  const share = capUnits.map(() => 0);
  let left = Math.min(Math.floor(bytes / LWK_PAGE_BYTES), capUnits.reduce((s, c) => s + c, 0));
  let open = capUnits.flatMap((c, d) => (c > 0 ? [d] : []));
  // Water-filling: equal shares; what a full domain cannot take is shared by the others.
  while (left > 0 && open.length > 0) {
    const each = Math.floor(left / open.length);
    for (const d of open) {
      const add = Math.min(Math.max(each, 1), capUnits[d] - share[d], left);
      share[d] += add;
      left -= add;
    }
    open = open.filter((d) => share[d] < capUnits[d]);
  }
  const out = share.map((u) => u * LWK_PAGE_BYTES);
  // Whatever is not a whole page goes to the first domain with room for it.
  let rest = bytes - out.reduce((s, b) => s + b, 0);
  for (let d = 0; d < out.length && rest > 0; d++) {
    const add = Math.min(rest, capacity[d] - out[d]);
    out[d] += add;
    rest -= add;
  }
  return out.flatMap((b, numa) => (b > 0 ? [{ numa, bytes: b }] : []));
}
