/**
 * The `lwkmem=` value: `<domain>:<size>,<domain>:<size>...` or one total size (`lwkmem=108G`); as
 * in mOS, a domain listed again adds up and an entry without a domain is spread over all of them.
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

  // As mOS reads it (lwkmem_parse_args, intel/mOS mOS/lwkctrl.c): entries add up per domain,
  // a size without a domain is spread over all domains, a size of 0 is skipped.
  const sums = capacity.map(() => 0);
  const lastAt = capacity.map(() => [offset, end]);
  const seen = new Set<number>();
  let pos = 0;
  for (const part of value.split(',')) {
    const start = offset + pos;
    const partEnd = start + part.length;
    pos += part.length + 1;
    if (part.length === 0) {
      errors.push(emptyAt('expected <domain>:<size> such as 0:16G, found an empty entry', start, offset, end));
      continue;
    }
    const colon = part.indexOf(':');
    if (colon < 0) {
      const size = parseSize(part);
      if (!size.ok) {
        errors.push(diag(size.message, start, partEnd));
        continue;
      }
      if (size.bytes === 0) continue;
      const free = capacity.map((c, d) => c - sums[d]);
      const total = free.reduce((a, b) => a + b, 0);
      if (size.bytes > total) {
        errors.push(diag(`${part} without a domain is spread over all domains, but only ${humanBytes(total)} is left for the LWK`, start, partEnd));
        continue;
      }
      warnings.push(diag(`${part} names no domain: it is spread over all domains, as mOS does`, start, partEnd));
      for (const e of spread(size.bytes, free)) sums[e.numa] += e.bytes;
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
    const size = parseSize(sizeText);
    if (!size.ok) {
      errors.push(sizeText.length === 0 ? diag(`missing size after '${nidText}:'`, start, sizeStart) : diag(size.message, sizeStart, partEnd));
      continue;
    }
    if (size.warning !== undefined) warnings.push(diag(size.warning, sizeStart, partEnd));
    if (size.bytes === 0) {
      warnings.push(diag(`NUMA domain ${nid}: a size of 0 gives the LWK nothing and is skipped`, start, partEnd));
      continue;
    }
    if (seen.has(nid)) warnings.push(diag(`NUMA domain ${nid} is listed again: the sizes add up, as mOS adds them`, start, start + colon));
    seen.add(nid);
    checkPages(size.bytes, sizeText, sizeStart);
    sums[nid] += size.bytes;
    lastAt[nid] = [sizeStart, partEnd];
  }
  const entries: LwkMemory[] = [];
  sums.forEach((bytes, nid) => {
    if (bytes <= 0) return;
    if (bytes > capacity[nid]) {
      const domain = topology.numa[nid];
      errors.push(
        diag(
          `NUMA domain ${nid} (${domain.kind}, ${humanBytes(domain.bytes)}) cannot give ${humanBytes(bytes)} to the LWK: ` +
            `at most ${humanBytes(capacity[nid])} is available (${reserveNote(linuxDomains.has(nid))})`,
          lastAt[nid][0],
          lastAt[nid][1],
        ),
      );
      return;
    }
    entries.push({ numa: nid, bytes });
  });
  if (errors.length === 0 && entries.length === 0) errors.push(diag('lwkmem gives the LWK no memory: ask for more than 0', offset, end));
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
