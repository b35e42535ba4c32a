/** Core partitions: CPUs grouped by partition (or enclave), socket and core, SMT siblings together. */
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import { Role } from '../../../src/engine/node/kinds';
import { topologyByName } from '../../../src/engine/node/topologies';
import { cpuGroups, groupBySocketAndCore, layoutCpus, socketsOf } from '../../../src/app/views/cpuLayout';

describe('CPU grouping', () => {
  it('puts a core\'s SMT siblings together and sockets apart on the two-socket node', () => {
    const c = PRESETS.mos;
    const [linux, lwk] = cpuGroups(c);
    expect(lwk.title).toBe('LWK CPUs');
    expect(lwk.cpus.slice(0, 6)).toEqual([1, 33, 2, 34, 3, 35]);
    expect(linux.cpus).toEqual([0, 32, 16, 48]);
    expect(lwk.sockets.map((s) => s.socket)).toEqual([0, 1]);
    const topo = topologyByName(c.topology)!;
    for (const s of lwk.sockets) {
      for (const core of s.cores) {
        expect(core.cpus.length).toBe(2);
        for (const cpu of core.cpus) {
          expect(topo.cpus[cpu].socket).toBe(s.socket);
          expect(c.coreOf[cpu]).toBe(core.core);
          expect(c.roles[cpu]).toBe(Role.Lwk);
        }
      }
    }
    // Every CPU once.
    expect(cpuGroups(c).flatMap((g) => g.cpus).sort((a, b) => a - b)).toEqual(c.roles.map((_, i) => i));
  });

  it('groups the Xeon Phi\'s four threads of a core in one box, one socket', () => {
    const c = PRESETS['xeon-phi'];
    const all = groupBySocketAndCore(c, c.roles.map((_, i) => i));
    expect(all).toHaveLength(1);
    expect(all[0].cores).toHaveLength(68);
    expect(all[0].cores[0].cpus).toEqual([0, 68, 136, 204]);
    expect(new Set(socketsOf(c))).toEqual(new Set([0]));
  });

  it('lays tiles out inside their core box, no two tiles overlapping, boxes within the width', () => {
    for (const name of ['mos', 'xeon-phi', 'hobbes', 'linux'] as const) {
      const c = PRESETS[name];
      for (const width of [540, 900]) {
        const l = layoutCpus(c, width);
        expect(l.tiles.map((t) => t.cpu).sort((a, b) => a - b)).toEqual(c.roles.map((_, i) => i));
        for (const t of l.tiles) {
          expect(t.x + t.w).toBeLessThanOrEqual(width);
          const box = l.cores.find((b) => t.x >= b.x && t.x + t.w <= b.x + b.w && t.y >= b.y && t.y + t.h <= b.y + b.h);
          expect(box).toBeDefined();
          // Its siblings share the box.
          const inBox = l.tiles.filter((u) => u.x >= box!.x && u.x + u.w <= box!.x + box!.w && u.y >= box!.y && u.y + u.h <= box!.y + box!.h);
          expect(inBox.every((u) => c.coreOf[u.cpu] === c.coreOf[t.cpu])).toBe(true);
        }
        const sorted = [...l.tiles].sort((a, b) => a.y - b.y || a.x - b.x);
        for (let i = 1; i < sorted.length; i++) {
          const a = sorted[i - 1], b = sorted[i];
          if (a.y === b.y) expect(b.x).toBeGreaterThanOrEqual(a.x + a.w);
        }
      }
    }
  });

  it('draws a design\'s enclaves as the groups (Hobbes), and none for mos', () => {
    const h = layoutCpus(PRESETS.hobbes, 600);
    expect(h.groups.map((g) => g.enclave)).toEqual(['simulation: Pisces co-kernel (Kitten)', 'analytics: Linux host']);
    expect(h.groups[0].title).toContain('Pisces co-kernel');
    // The boundary holds every tile of its enclave.
    const lwk = PRESETS.hobbes.roles.flatMap((r, cpu) => (r === Role.Lwk ? [cpu] : []));
    for (const t of h.tiles.filter((x) => lwk.includes(x.cpu))) {
      const g = h.groups[0];
      expect(t.y).toBeGreaterThan(g.y);
      expect(t.y + t.h).toBeLessThan(g.y + g.h);
    }
    expect(layoutCpus(PRESETS.mos, 600).groups.every((g) => g.enclave === undefined)).toBe(true);
  });
});
