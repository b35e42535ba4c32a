/**
 * Where each CPU tile goes. CPUs are grouped by partition (or, for a design with enclaves, by
 * enclave), then by socket, then by core: a core's SMT siblings sit side by side in one core box
 * (CPU 1 beside CPU 33 on the two-socket node), never interleaved with other cores. Pure, so it
 * is testable.
 */
import type { NodeConfig } from '../../engine/config/nodeConfig';
import { designEnclaves } from '../../engine/designs/enclaves';
import { Role } from '../../engine/node/kinds';
import { topologyByName } from '../../engine/node/topologies';

export interface TileRect { readonly cpu: number; readonly x: number; readonly y: number; readonly w: number; readonly h: number }
export interface Box { readonly x: number; readonly y: number; readonly w: number; readonly h: number }
export interface GroupBox extends Box {
  readonly title: string;
  /** Set when the group is an enclave of the design: its boundary is drawn around the group. */
  readonly enclave?: string;
}
/** A socket's row label ("S1") at the left of its first row of cores. */
export interface SocketLabel { readonly text: string; readonly x: number; readonly y: number }
export interface CpuLayout {
  readonly tiles: readonly TileRect[];
  readonly groups: readonly GroupBox[];
  /** One box per core (around its SMT siblings). */
  readonly cores: readonly Box[];
  readonly sockets: readonly SocketLabel[];
  readonly height: number;
}

export interface CoreGroup { readonly core: number; readonly cpus: readonly number[] }
export interface SocketGroup { readonly socket: number; readonly cores: readonly CoreGroup[] }
export interface CpuGroup {
  readonly title: string;
  /** The group's CPUs in drawing order: by socket, core, then SMT sibling. */
  readonly cpus: number[];
  readonly sockets: readonly SocketGroup[];
  readonly enclave?: string;
}

/** Per CPU: its socket (from the topology; its NUMA domain when the topology is unknown). */
export function socketsOf(config: NodeConfig): readonly number[] {
  const topo = topologyByName(config.topology);
  return config.roles.map((_, cpu) => topo?.cpus[cpu]?.socket ?? config.numaOf[cpu]);
}

/** `cpus` by socket, then core (ascending), SMT siblings together in CPU order. */
export function groupBySocketAndCore(config: NodeConfig, cpus: readonly number[]): SocketGroup[] {
  const socketOf = socketsOf(config);
  const sockets = new Map<number, Map<number, number[]>>();
  for (const cpu of [...cpus].sort((a, b) => a - b)) {
    const s = socketOf[cpu];
    let cores = sockets.get(s);
    if (!cores) sockets.set(s, (cores = new Map()));
    const core = config.coreOf[cpu];
    const list = cores.get(core);
    if (list) list.push(cpu);
    else cores.set(core, [cpu]);
  }
  return [...sockets.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([socket, cores]) => ({
      socket,
      cores: [...cores.entries()].sort((a, b) => a[0] - b[0]).map(([core, list]) => ({ core, cpus: list })),
    }));
}

function group(config: NodeConfig, title: string, cpus: readonly number[], enclave?: string): CpuGroup {
  const sockets = groupBySocketAndCore(config, cpus);
  return { title, cpus: sockets.flatMap((s) => s.cores.flatMap((c) => c.cpus)), sockets, ...(enclave ? { enclave } : {}) };
}

export function cpuGroups(config: NodeConfig): CpuGroup[] {
  const all = config.roles.map((_, i) => i);
  const enclaves = designEnclaves(config);
  if (enclaves.length > 0) return enclaves.map((e) => group(config, `Enclave: ${e.name}`, e.cpus, e.name));
  if (config.system === 'mos') {
    return [
      group(config, 'Linux (FWK) CPUs: syscall CPUs and housekeeping', all.filter((c) => config.roles[c] !== Role.Lwk)),
      group(config, 'LWK CPUs', all.filter((c) => config.roles[c] === Role.Lwk)),
    ];
  }
  const app = new Set(config.appCpus);
  return [
    group(config, 'Linux housekeeping CPUs', all.filter((c) => !app.has(c))),
    group(config, 'Linux application CPUs', all.filter((c) => app.has(c))),
  ];
}

const TITLE_H = 24;
/** Room at the left of each socket's rows for its label ("S0"). */
const SOCKET_W = 30;
const TILE_GAP = 2;
const CORE_PAD = 3;
const CORE_GAP = 6;
const ROW_GAP = 6;
const SOCKET_GAP = 8;
const GROUP_GAP = 16;
/** An enclave's boundary is drawn this far outside its tiles. */
export const ENCLAVE_PAD = 6;

/** Tile size for a canvas `width` px wide: big enough for a three-digit CPU number at the minimum text size. */
export function tileSize(width: number): { w: number; h: number } {
  const w = Math.max(28, Math.min(44, Math.floor(width / 22)));
  return { w, h: Math.max(36, Math.round(w * 1.15)) };
}

export function layoutCpus(config: NodeConfig, width: number): CpuLayout {
  const tiles: TileRect[] = [];
  const groups: GroupBox[] = [];
  const cores: Box[] = [];
  const sockets: SocketLabel[] = [];
  const { w: tw, h: th } = tileSize(width);
  let y = 0;
  for (const g of cpuGroups(config)) {
    if (g.cpus.length === 0) continue;
    const pad = g.enclave ? ENCLAVE_PAD : 0;
    const top = y;
    y += TITLE_H + pad;
    const x0 = SOCKET_W + pad;
    const right = width - pad;
    for (const s of g.sockets) {
      sockets.push({ text: `S${s.socket}`, x: pad, y: y + th / 2 + CORE_PAD });
      let x = x0;
      for (const c of s.cores) {
        const boxW = c.cpus.length * tw + (c.cpus.length - 1) * TILE_GAP + 2 * CORE_PAD;
        if (x > x0 && x + boxW > right) {
          x = x0;
          y += th + 2 * CORE_PAD + ROW_GAP;
        }
        cores.push({ x, y, w: boxW, h: th + 2 * CORE_PAD });
        c.cpus.forEach((cpu, i) => tiles.push({ cpu, x: x + CORE_PAD + i * (tw + TILE_GAP), y: y + CORE_PAD, w: tw, h: th }));
        x += boxW + CORE_GAP;
      }
      y += th + 2 * CORE_PAD + SOCKET_GAP;
    }
    y += pad - SOCKET_GAP;
    groups.push({ title: g.title, x: 0, y: top, w: width, h: y - top, ...(g.enclave ? { enclave: g.enclave } : {}) });
    y += GROUP_GAP;
  }
  return { tiles, groups, cores, sockets, height: y };
}
