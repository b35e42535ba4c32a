/** Where each CPU tile goes: grouped by partition, then NUMA domain, then core. Pure, so it is testable. */
import type { NodeConfig } from '../../engine/config/nodeConfig';
import { Role } from '../../engine/node/kinds';

export interface TileRect { readonly cpu: number; readonly x: number; readonly y: number; readonly w: number; readonly h: number }
export interface GroupBox { readonly title: string; readonly x: number; readonly y: number; readonly w: number; readonly h: number }
export interface CpuLayout { readonly tiles: readonly TileRect[]; readonly groups: readonly GroupBox[]; readonly height: number }

export function cpuGroups(config: NodeConfig): { title: string; cpus: number[] }[] {
  const all = config.roles.map((_, i) => i);
  const byNumaCore = (a: number, b: number) => config.numaOf[a] - config.numaOf[b] || config.coreOf[a] - config.coreOf[b] || a - b;
  if (config.system === 'mos') {
    return [
      { title: 'Linux (FWK) CPUs: syscall CPUs and housekeeping', cpus: all.filter((c) => config.roles[c] !== Role.Lwk).sort(byNumaCore) },
      { title: 'LWK CPUs', cpus: all.filter((c) => config.roles[c] === Role.Lwk).sort(byNumaCore) },
    ];
  }
  const app = new Set(config.appCpus);
  return [
    { title: 'Linux housekeeping CPUs', cpus: all.filter((c) => !app.has(c)).sort(byNumaCore) },
    { title: 'Linux application CPUs', cpus: all.filter((c) => app.has(c)).sort(byNumaCore) },
  ];
}

const TITLE_H = 22;
const GAP = 4;
const GROUP_GAP = 14;

export function layoutCpus(config: NodeConfig, width: number): CpuLayout {
  const tiles: TileRect[] = [];
  const groups: GroupBox[] = [];
  const tile = Math.max(22, Math.min(56, Math.floor(width / 17)));
  const cols = Math.max(1, Math.floor((width + GAP) / (tile + GAP)));
  let y = 0;
  for (const g of cpuGroups(config)) {
    if (g.cpus.length === 0) continue;
    const rows = Math.ceil(g.cpus.length / cols);
    const h = TITLE_H + rows * (tile + GAP);
    groups.push({ title: g.title, x: 0, y, w: width, h });
    g.cpus.forEach((cpu, i) => {
      tiles.push({ cpu, x: (i % cols) * (tile + GAP), y: y + TITLE_H + Math.floor(i / cols) * (tile + GAP), w: tile, h: tile });
    });
    y += h + GROUP_GAP;
  }
  return { tiles, groups, height: y };
}
