/**
 * What the Memory view needs to know about a node's physical memory, derived from the
 * configuration alone (domains, their kind and size, the LWK pool), and small pure helpers
 * over the frame's cell codes (docs/memory.md, "Drawing: cells"). No DOM, so it is testable.
 */
import type { NodeConfig } from '../../../engine/config/nodeConfig';
import { topologyByName } from '../../../engine/node/topologies';
import { MEMORY_CELLS } from '../../../worker/protocol';

export const PAGE_4K = 4096;
const PAGE_2M = 2 * 1024 * 1024;

export interface DomainInfo {
  readonly id: number;
  readonly kind: 'DDR' | 'HBM';
  readonly bytes: number;
  /** Physical address of the domain's first byte (domains are laid out in id order). */
  readonly base: number;
  /** Bytes of the LWK pool at the top of the domain (0 without an LWK). */
  readonly lwkBytes: number;
  /** Bytes one drawn cell stands for. */
  readonly cellBytes: number;
}

export function domainsOf(config: NodeConfig): DomainInfo[] {
  const topo = topologyByName(config.topology);
  const numa = topo?.numa ?? [];
  let base = 0;
  return numa.map((d) => {
    const lwk = config.lwkMem.filter((m) => m.numa === d.id).reduce((a, m) => a + m.bytes, 0);
    const info: DomainInfo = {
      id: d.id,
      kind: d.kind === 'HBM' ? 'HBM' : 'DDR',
      bytes: d.bytes,
      base,
      lwkBytes: Math.min(d.bytes, Math.floor(lwk / PAGE_2M) * PAGE_2M),
      cellBytes: d.bytes / MEMORY_CELLS,
    };
    base += d.bytes;
    return info;
  });
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** "384 MiB", "1.5 GiB", "4 KiB": binary units, at most 3 significant digits. */
export function formatBytes(bytes: number): string {
  let v = Math.abs(bytes);
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  const digits = v >= 100 || Number.isInteger(v) ? 0 : v >= 10 ? 1 : 2;
  return `${bytes < 0 ? '-' : ''}${Number(v.toFixed(digits))} ${UNITS[u]}`;
}

const INT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
/** "61,440": one shared formatter (toLocaleString builds a new one per call). */
export const fmtInt = (x: number): string => INT.format(Math.round(x));

export function formatPages(bytes: number): string {
  return `${fmtInt(bytes / PAGE_4K)} pages of 4 KiB`;
}

export const KIND_NAMES = ['text', 'heap', 'stack', 'mmap'] as const;
export const PAGE_NAMES = ['4 KiB', '2 MiB', '1 GiB'] as const;

/** Cell owner (bits 0-1): 0 Linux, 1 LWK free, 2 LWK region. */
export const owner = (code: number): number => code & 3;
export const cellKind = (code: number): number => (code >>> 2) & 3;
export const cellPage = (code: number): number => Math.min(2, (code >>> 4) & 3);
export const cellPid = (code: number): number => code >>> 8;
export const linuxUsed = (code: number): number => ((code >>> 8) & 255) / 255;
export const linuxHuge = (code: number): number => ((code >>> 16) & 255) / 255;
export const linuxFrag = (code: number): number => (code >>> 24) / 255;

/** A cheap fingerprint of the cells (FNV-1a over the codes). */
export function cellsHash(cells: Uint32Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < cells.length; i++) h = Math.imul(h ^ cells[i], 0x01000193) >>> 0;
  return h;
}

export interface CellCounts {
  linux: number;
  lwkFree: number;
  region: number;
  /** Region cells per pid. */
  byPid: Map<number, number>;
}

export function countCells(cells: Uint32Array, domain: number): CellCounts {
  const out: CellCounts = { linux: 0, lwkFree: 0, region: 0, byPid: new Map() };
  const o = domain * MEMORY_CELLS;
  for (let i = o; i < o + MEMORY_CELLS && i < cells.length; i++) {
    const c = cells[i];
    const w = owner(c);
    if (w === 0) out.linux++;
    else if (w === 1) out.lwkFree++;
    else {
      out.region++;
      out.byPid.set(cellPid(c), (out.byPid.get(cellPid(c)) ?? 0) + 1);
    }
  }
  return out;
}

/**
 * The Linux cell where new pages of a domain land: Linux fills its lowest cells first, so
 * the first one not yet full (or the last Linux cell). -1 when the domain has no Linux cell.
 */
export function faultCell(cells: Uint32Array, domain: number): number {
  const o = domain * MEMORY_CELLS;
  let last = -1;
  for (let i = 0; i < MEMORY_CELLS; i++) {
    const c = cells[o + i];
    if (owner(c) !== 0) continue;
    if (linuxUsed(c) < 0.999) return i;
    last = i;
  }
  return last;
}

/**
 * Frames are double-buffered and the worker refreshes memory cells only every ~250 ms, so a
 * reused buffer can carry an older picture. Accept cells whose fingerprint is new (or any
 * cells when paused, where the worker always refreshes them); ignore a return to a recent one.
 */
export class CellsFilter {
  private recent: number[] = [];
  private current = -1;
  private lastTime = -1;

  /** True when `cells` should replace what is shown. */
  accept(cells: Uint32Array, running: boolean, time: number): boolean {
    if (time < this.lastTime) this.recent = [];
    this.lastTime = time;
    const h = cellsHash(cells);
    if (h === this.current) return false;
    if (running && this.recent.includes(h)) return false;
    if (this.current >= 0) this.recent.push(this.current);
    if (this.recent.length > 6) this.recent.shift();
    this.current = h;
    return true;
  }
}
