/**
 * Where each CPU's lane goes in the timeline: grouped by partition (Linux, syscall CPUs, LWK),
 * a core's SMT siblings side by side. Every lane drawn is tall enough for its CPU label; a
 * group with more CPUs than fit (60 LWK CPUs) is folded to its first cores until the user
 * unfolds it (then the lanes area scrolls); below its lanes a "+N" strip stands for the CPUs
 * hidden (arrows from and to them end there). Small groups (the few Linux CPUs, where the
 * interesting traffic is) get taller lanes than the many LWK CPUs. Pure, so it is testable.
 * Grouping by process is in ./processGroups.ts.
 */
import type { NodeConfig } from '../../../engine/config/nodeConfig';
import { Role } from '../../../engine/node/kinds';
import { groupBySocketAndCore } from '../cpuLayout';

export interface LaneGroup {
  readonly title: string;
  readonly cpus: readonly number[];
  /** A shorter name for buttons ("All 60 LWK lanes"); the title when absent. */
  readonly short?: string;
  /** The processes the group belongs to (grouping by process). */
  readonly pids?: readonly number[];
}
export interface Lane { readonly cpu: number; readonly y: number; readonly h: number; readonly group: number }
export interface GroupBand {
  readonly title: string;
  /** For buttons ("All 60 LWK lanes", "Fold pid 1000 lanes"). */
  readonly short: string;
  readonly y: number;
  readonly h: number;
  readonly laneH: number;
  /** CPUs in the group, and how many of them have a lane now (fewer while the group is folded). */
  readonly count: number;
  readonly shown: number;
  /** The group was unfolded by the user (all its lanes shown, the lanes area scrolls). */
  readonly expanded: boolean;
  /** Top of the "+N" strip standing for the CPUs without a lane (-1 when all are shown); as tall as a lane. */
  readonly moreY: number;
  readonly pids: readonly number[];
}
export interface LaneLayout {
  readonly lanes: readonly Lane[];
  /** Lane index per CPU (-1 for a CPU without a lane). */
  readonly laneOf: Int32Array;
  /** Group index per CPU (-1 for a CPU in no group). */
  readonly groupOf: Int32Array;
  readonly groups: readonly GroupBand[];
  /** Bottom of the last lane. */
  readonly lanesBottom: number;
  /** Total height including the time axis (more than the height asked for when a group is unfolded). */
  readonly height: number;
}

export const HEADER_H = 20;
export const AXIS_H = 24;
export const GROUP_GAP = 4;
export const MAX_LANE = 22;
/** Every lane drawn is labelled with its CPU number: no lane is lower than the label (13 px text). */
export const MIN_LANE = 16;
/** A group never folds below this many lanes (the few Linux CPUs are always all shown). */
const MIN_SHOWN = 4;

/** Lanes grouped by partition; within a group by socket and core, SMT siblings together. */
export function timelineGroups(config: NodeConfig): LaneGroup[] {
  const all = config.roles.map((_, i) => i);
  const ordered = (cpus: number[]) => groupBySocketAndCore(config, cpus).flatMap((s) => s.cores.flatMap((c) => c.cpus));
  let groups: LaneGroup[];
  if (config.system === 'mos') {
    groups = [
      { title: 'Linux', cpus: ordered(all.filter((c) => config.roles[c] === Role.Linux)) },
      { title: 'Syscall CPUs (Linux)', cpus: ordered(all.filter((c) => config.roles[c] === Role.Syscall)) },
      { title: 'LWK', cpus: ordered(all.filter((c) => config.roles[c] === Role.Lwk)) },
    ];
  } else {
    const app = new Set(config.appCpus);
    groups = [
      { title: 'Linux housekeeping', cpus: ordered(all.filter((c) => !app.has(c))) },
      { title: 'Linux application', cpus: ordered(all.filter((c) => app.has(c))) },
    ];
  }
  return groups.filter((g) => g.cpus.length > 0);
}

/**
 * How many lanes each group shows in `avail` px: every lane at least MIN_LANE tall. Groups the
 * user unfolded show all; the others share what is left, the smallest first (a group that fits
 * shows all its CPUs), never fewer than MIN_SHOWN.
 */
export function shownCounts(sizes: readonly number[], avail: number, expanded: ReadonlySet<number>): number[] {
  const shown = sizes.map((n, i) => (expanded.has(i) ? n : 0));
  let budget = Math.floor(avail / MIN_LANE) - shown.reduce((a, b) => a + b, 0);
  const rest = sizes.map((_, i) => i).filter((i) => !expanded.has(i)).sort((a, b) => sizes[a] - sizes[b]);
  rest.forEach((i, k) => {
    const fair = Math.floor(Math.max(0, budget) / (rest.length - k));
    shown[i] = Math.min(sizes[i], Math.max(MIN_SHOWN, fair));
    budget -= shown[i];
  });
  return shown;
}

/**
 * Lane heights: the space is shared between groups in proportion to the square root of their
 * size, capped at MAX_LANE per lane (what a capped group leaves goes to the others), at least
 * MIN_LANE (then the lanes need more than `avail`).
 */
export function laneHeights(sizes: readonly number[], avail: number): number[] {
  const h = sizes.map(() => 0);
  const open = new Set(sizes.map((_, i) => i).filter((i) => sizes[i] > 0));
  let space = Math.max(0, avail);
  while (open.size > 0) {
    let weight = 0;
    for (const i of open) weight += Math.sqrt(sizes[i]);
    // Groups whose share is below the minimum are fixed there first (they take space), then
    // those above the cap (they leave space to the others).
    const shares = new Map([...open].map((i) => [i, (space * Math.sqrt(sizes[i])) / weight / sizes[i]]));
    const low = [...shares.values()].some((x) => x < MIN_LANE);
    let fixed = false;
    for (const [i, share] of shares) {
      const bound = low ? (share < MIN_LANE ? MIN_LANE : 0) : share >= MAX_LANE ? MAX_LANE : 0;
      if (bound > 0) {
        h[i] = bound;
        space -= bound * sizes[i];
        open.delete(i);
        fixed = true;
      }
    }
    if (fixed) continue;
    for (const i of open) h[i] = Math.max(MIN_LANE, Math.floor((space * Math.sqrt(sizes[i])) / weight / sizes[i]));
    break;
  }
  return h;
}

export function layoutLanes(groups: readonly LaneGroup[], height: number, cpuCount: number, expanded: ReadonlySet<number> = new Set()): LaneLayout {
  const avail = height - AXIS_H - groups.length * (HEADER_H + GROUP_GAP);
  const sizes = groups.map((g) => g.cpus.length);
  // A folded group gives one of its rows to the "+N" strip (it keeps at least one lane).
  const shown = shownCounts(sizes, avail, expanded).map((n, i) => (n < sizes[i] && n > 1 ? n - 1 : n));
  const rows = shown.map((n, i) => n + (n < sizes[i] ? 1 : 0));
  const heights = laneHeights(rows, avail);
  const lanes: Lane[] = [];
  const bands: GroupBand[] = [];
  const laneOf = new Int32Array(cpuCount).fill(-1);
  const groupOf = new Int32Array(cpuCount).fill(-1);
  let y = 0;
  groups.forEach((g, gi) => {
    const laneH = heights[gi];
    const top = y;
    y += HEADER_H;
    for (const cpu of g.cpus) if (cpu >= 0 && cpu < cpuCount) groupOf[cpu] = gi;
    for (const cpu of g.cpus.slice(0, shown[gi])) {
      if (cpu >= 0 && cpu < cpuCount) laneOf[cpu] = lanes.length;
      lanes.push({ cpu, y, h: laneH, group: gi });
      y += laneH;
    }
    const moreY = shown[gi] < g.cpus.length ? y : -1;
    if (moreY >= 0) y += laneH;
    bands.push({
      title: g.title, short: g.short ?? g.title, y: top, h: y - top, laneH, count: g.cpus.length, shown: shown[gi], expanded: expanded.has(gi), moreY, pids: g.pids ?? [],
    });
    y += GROUP_GAP;
  });
  return { lanes, laneOf, groupOf, groups: bands, lanesBottom: y, height: y + AXIS_H };
}

/**
 * Where a forwarded call's arrow ends at a CPU: the middle of its lane, or of its group's "+N"
 * strip when the group is folded (`folded`), or null for a CPU in no group.
 */
export function flowEnd(layout: LaneLayout, cpu: number): { y: number; folded: boolean } | null {
  if (cpu < 0 || cpu >= layout.laneOf.length) return null;
  const li = layout.laneOf[cpu];
  if (li >= 0) return { y: layout.lanes[li].y + layout.lanes[li].h / 2, folded: false };
  const g = layout.groups[layout.groupOf[cpu]];
  return g && g.moreY >= 0 ? { y: g.moreY + g.laneH / 2, folded: true } : null;
}

/** The group whose header or "+N" strip is under a y coordinate (a click there folds or unfolds it), or -1. */
export function foldToggleAt(layout: LaneLayout, y: number): number {
  return layout.groups.findIndex((g) => (y >= g.y && y < g.y + HEADER_H) || (g.moreY >= 0 && y >= g.moreY && y < g.moreY + g.laneH));
}

/** Same titles, same CPUs in the same order. */
export function sameLaneGroups(a: readonly LaneGroup[], b: readonly LaneGroup[]): boolean {
  return a.length === b.length && a.every((g, i) => g.title === b[i].title && g.cpus.length === b[i].cpus.length && g.cpus.every((c, k) => c === b[i].cpus[k]));
}

/** The group whose header is under a y coordinate, or -1. */
export function headerAt(layout: LaneLayout, y: number): number {
  return layout.groups.findIndex((g) => y >= g.y && y < g.y + HEADER_H);
}

/** A group header's text: its name, size, and whether a click shows more or fewer of its lanes. */
export function headerText(g: GroupBand): string {
  const base = `${g.title} · ${g.count} CPU${g.count === 1 ? '' : 's'}`;
  if (g.expanded) return `▾ ${base} · all shown (click to fold)`;
  if (g.shown < g.count) return `▸ ${base} · ${g.shown} shown (click to show all)`;
  return base;
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
