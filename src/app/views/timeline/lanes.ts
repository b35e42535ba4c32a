/**
 * Where each CPU's lane goes in the timeline: grouped by partition (Linux, syscall CPUs, LWK),
 * with lane heights chosen so that every CPU fits the height available. Small groups (the few
 * Linux CPUs, where the interesting traffic is) get taller lanes than the many LWK CPUs.
 * Pure, so it is testable.
 */
import type { NodeConfig } from '../../../engine/config/nodeConfig';
import { Role } from '../../../engine/node/kinds';

export interface LaneGroup { readonly title: string; readonly cpus: readonly number[] }
export interface Lane { readonly cpu: number; readonly y: number; readonly h: number; readonly group: number }
export interface GroupBand { readonly title: string; readonly y: number; readonly h: number; readonly laneH: number; readonly count: number }
export interface LaneLayout {
  readonly lanes: readonly Lane[];
  /** Lane index per CPU (-1 for a CPU without a lane). */
  readonly laneOf: Int32Array;
  readonly groups: readonly GroupBand[];
  /** Bottom of the last lane. */
  readonly lanesBottom: number;
  /** Total height including the time axis (at most the height asked for, unless 1 px lanes need more). */
  readonly height: number;
}

export const HEADER_H = 17;
export const AXIS_H = 24;
export const GROUP_GAP = 4;
export const MAX_LANE = 18;

export function timelineGroups(config: NodeConfig): LaneGroup[] {
  const all = config.roles.map((_, i) => i);
  const byNumaCore = (a: number, b: number) => config.numaOf[a] - config.numaOf[b] || config.coreOf[a] - config.coreOf[b] || a - b;
  let groups: LaneGroup[];
  if (config.system === 'mos') {
    groups = [
      { title: 'Linux', cpus: all.filter((c) => config.roles[c] === Role.Linux).sort(byNumaCore) },
      { title: 'Syscall CPUs (Linux)', cpus: all.filter((c) => config.roles[c] === Role.Syscall).sort(byNumaCore) },
      { title: 'LWK', cpus: all.filter((c) => config.roles[c] === Role.Lwk).sort(byNumaCore) },
    ];
  } else {
    const app = new Set(config.appCpus);
    groups = [
      { title: 'Linux housekeeping', cpus: all.filter((c) => !app.has(c)).sort(byNumaCore) },
      { title: 'Linux application', cpus: all.filter((c) => app.has(c)).sort(byNumaCore) },
    ];
  }
  return groups.filter((g) => g.cpus.length > 0);
}

/**
 * Lane heights: the space is shared between groups in proportion to the square root of their
 * size, capped at MAX_LANE per lane (what a capped group leaves goes to the others), at least 1 px.
 */
export function laneHeights(sizes: readonly number[], avail: number): number[] {
  const h = sizes.map(() => 0);
  const open = new Set(sizes.map((_, i) => i).filter((i) => sizes[i] > 0));
  let space = Math.max(0, avail);
  while (open.size > 0) {
    let weight = 0;
    for (const i of open) weight += Math.sqrt(sizes[i]);
    let capped = false;
    for (const i of open) {
      const share = (space * Math.sqrt(sizes[i])) / weight / sizes[i];
      if (share >= MAX_LANE) {
        h[i] = MAX_LANE;
        space -= MAX_LANE * sizes[i];
        open.delete(i);
        capped = true;
      }
    }
    if (capped) continue;
    for (const i of open) h[i] = Math.max(1, Math.floor((space * Math.sqrt(sizes[i])) / weight / sizes[i]));
    break;
  }
  // Lanes of at least 1 px may overflow: take it back from the tallest lanes first.
  let used = h.reduce((sum, x, i) => sum + x * sizes[i], 0);
  while (used > avail) {
    let tallest = -1;
    for (let i = 0; i < h.length; i++) if (h[i] > 1 && (tallest < 0 || h[i] > h[tallest])) tallest = i;
    if (tallest < 0) break;
    h[tallest]--;
    used -= sizes[tallest];
  }
  return h;
}

export function layoutLanes(groups: readonly LaneGroup[], height: number, cpuCount: number): LaneLayout {
  const avail = height - AXIS_H - groups.length * (HEADER_H + GROUP_GAP);
  const heights = laneHeights(groups.map((g) => g.cpus.length), avail);
  const lanes: Lane[] = [];
  const bands: GroupBand[] = [];
  const laneOf = new Int32Array(cpuCount).fill(-1);
  let y = 0;
  groups.forEach((g, gi) => {
    const laneH = heights[gi];
    bands.push({ title: g.title, y, h: HEADER_H + laneH * g.cpus.length, laneH, count: g.cpus.length });
    y += HEADER_H;
    for (const cpu of g.cpus) {
      if (cpu >= 0 && cpu < cpuCount) laneOf[cpu] = lanes.length;
      lanes.push({ cpu, y, h: laneH, group: gi });
      y += laneH;
    }
    y += GROUP_GAP;
  });
  return { lanes, laneOf, groups: bands, lanesBottom: y, height: y + AXIS_H };
}

/** The lane under a y coordinate, or -1. */
export function laneAt(layout: LaneLayout, y: number): number {
  let lo = 0, hi = layout.lanes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = layout.lanes[mid];
    if (y < l.y) hi = mid - 1;
    else if (y >= l.y + l.h) lo = mid + 1;
    else return mid;
  }
  return -1;
}
