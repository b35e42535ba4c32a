/**
 * The design's enclaves in the Memory view (Hobbes: the Pisces co-kernel's memory and the Linux
 * host's): which cells of each NUMA domain's block each enclave owns, and the outline around
 * them. The co-kernel's memory is the LWK pool at the top of each domain (the last cells); the
 * host has the rest. Pure, so it is testable.
 */
import type { NodeConfig } from '../../../engine/config/nodeConfig';
import { designEnclaves } from '../../../engine/designs/enclaves';
import { MEMORY_CELLS } from '../../../worker/protocol';
import type { DomainInfo } from './memoryModel';

export interface EnclaveCells {
  readonly name: string;
  /** 0 for the first enclave, 1 for the next: picks the outline's dash pattern. */
  readonly index: number;
  /** Per NUMA domain (by position in `domains`): the enclave's cells [first, end) and its bytes. */
  readonly ranges: readonly { readonly first: number; readonly end: number; readonly bytes: number }[];
}

export function enclaveCells(config: NodeConfig, domains: readonly DomainInfo[]): EnclaveCells[] {
  return designEnclaves(config).map((e, index) => ({
    name: e.name,
    index,
    ranges: domains.map((d) => {
      const pool = Math.round(d.lwkBytes / d.cellBytes);
      if (e.memory === 'rest') return { first: 0, end: MEMORY_CELLS - pool, bytes: d.bytes - d.lwkBytes };
      const own = e.memory.filter((m) => m.numa === d.id).reduce((a, m) => a + m.bytes, 0);
      const cells = Math.min(MEMORY_CELLS, Math.round(Math.min(own, d.bytes) / d.cellBytes));
      return { first: MEMORY_CELLS - cells, end: MEMORY_CELLS, bytes: Math.min(own, d.bytes) };
    }),
  }));
}

/**
 * The outline, as polygon corners in grid units (column, row), of cells [first, end) of a
 * row-major grid `cols` wide: a partial first row, full rows, a partial last row.
 */
export function rangeOutline(first: number, end: number, cols: number): [number, number][] {
  if (end <= first) return [];
  const r0 = Math.floor(first / cols), c0 = first % cols;
  const last = end - 1;
  const r1 = Math.floor(last / cols), c1 = (last % cols) + 1;
  if (r0 === r1) return [[c0, r0], [c1, r0], [c1, r0 + 1], [c0, r0 + 1]];
  return [
    [c0, r0], [cols, r0], [cols, r1], [c1, r1], [c1, r1 + 1], [0, r1 + 1], [0, r0 + 1], [c0, r0 + 1],
  ];
}
