import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import type { NodeConfig } from '../../../src/engine/config/nodeConfig';
import { Role } from '../../../src/engine/node/kinds';
import { createNodeSimulation } from '../../../src/engine/node/model';
import { processCpus, type ProcessCpus } from '../../../src/engine/node/jobCpus';
import { FIRST_PID } from '../../../src/engine/node/jobShape';
import { MAX_PROCESS_GROUPS, NO_PROCESS_TITLE, processGroups } from '../../../src/app/views/timeline/processGroups';
import { flowEnd, layoutLanes, MIN_LANE, timelineGroups } from '../../../src/app/views/timeline/lanes';
import { Runner } from '../../../src/worker/runner';
import { PROTOCOL_VERSION, type FromWorker } from '../../../src/worker/protocol';

function jobOf(config: NodeConfig): ProcessCpus[] {
  const sim = createNodeSimulation(config, 1);
  return processCpus(sim.state, config);
}

describe('the job\'s CPUs per process', () => {
  it('lists each thread\'s home and each server\'s allowed CPUs, for every preset', () => {
    for (const config of Object.values(PRESETS)) {
      const sim = createNodeSimulation(config, 1);
      const job = processCpus(sim.state, config);
      expect(job.map((p) => p.pid)).toEqual(sim.state.processes.map((p) => p.pid));
      for (const t of sim.state.threads) {
        const p = job.find((x) => x.pid === t.pid)!;
        if (t.kind === 'app') expect(p.cpus).toContain(t.home);
        else for (const c of t.affinity ?? [t.home]) expect(p.servers).toContain(c);
      }
    }
  });

  it('mos-bsp: four BSP processes of 15 LWK CPUs, each served by its syscall CPUs', () => {
    const c = PRESETS['mos-bsp'];
    const job = jobOf(c);
    expect(job.map((p) => `${p.pid} ${p.name} ${p.cpus.length}`)).toEqual(['1000 BSP 15', '1001 BSP 15', '1002 BSP 15', '1003 BSP 15']);
    for (const p of job) {
      expect(p.cpus.every((cpu) => c.roles[cpu] === Role.Lwk)).toBe(true);
      for (const cpu of p.cpus) expect(p.servers).toContain(c.syscallCpuOf[cpu]);
      expect(p.servers.every((cpu) => c.roles[cpu] !== Role.Lwk)).toBe(true);
    }
  });
});

describe('timeline lanes grouped by process', () => {
  it('puts every CPU in exactly one group: its process\'s, a shared one, or no process\'s', () => {
    for (const config of Object.values(PRESETS)) {
      const job = jobOf(config);
      const groups = processGroups(config, job);
      const all = groups.flatMap((g) => g.cpus);
      expect(all.slice().sort((a, b) => a - b)).toEqual(config.roles.map((_, i) => i));
      const users = (cpu: number) => job.filter((p) => p.cpus.includes(cpu) || p.servers.includes(cpu)).map((p) => p.pid);
      for (const g of groups) {
        for (const cpu of g.cpus) {
          if (g.title === NO_PROCESS_TITLE) expect(users(cpu)).toEqual([]);
          else if (g.title.startsWith('Shared by')) {
            expect(users(cpu).length).toBeGreaterThan(1);
            expect(users(cpu).every((pid) => g.pids!.includes(pid))).toBe(true);
          } else expect(users(cpu)).toEqual(g.pids);
        }
      }
    }
  });

  it('mos-bsp: a group per process, then the Linux CPUs its pair of processes shares (all four serve), in partition order', () => {
    const c = PRESETS['mos-bsp'];
    const groups = processGroups(c, jobOf(c));
    expect(groups.map((g) => g.title)).toEqual([
      'pid 1000 · BSP', 'pid 1001 · BSP', 'Shared by pid 1000, 1001', 'pid 1002 · BSP', 'pid 1003 · BSP', 'Shared by pid 1002, 1003',
    ]);
    expect(groups[2].cpus.every((cpu) => c.roles[cpu] !== Role.Lwk)).toBe(true);
    // Hobbes: analytics processes on Linux CPUs, and the CPUs no job process uses.
    const h = processGroups(PRESETS.hobbes, jobOf(PRESETS.hobbes)).map((g) => g.title);
    expect(h).toContain('pid 1004 · analytics');
    expect(h[h.length - 1]).toBe(NO_PROCESS_TITLE);
    expect(groups[0].short).toBe('pid 1000');
    // Lanes keep the partition view's order (SMT siblings side by side).
    const order = timelineGroups(c).flatMap((g) => g.cpus);
    for (const g of groups) expect(g.cpus).toEqual(order.filter((cpu) => g.cpus.includes(cpu)));
  });

  it('from a hand-made map: shared CPUs go to their set\'s group after its last process; many processes fold into one group', () => {
    const c = PRESETS['mos-bsp'];
    const job: ProcessCpus[] = [
      { pid: 1001, name: 'BSP', cpus: [3], servers: [0] },
      { pid: 1000, name: 'BSP', cpus: [1, 2, 33], servers: [0, 16] },
    ];
    const groups = processGroups(c, job);
    const order = timelineGroups(c).flatMap((g) => g.cpus);
    expect(groups.map((g) => [g.title, g.cpus])).toEqual([
      ['pid 1000 · BSP', order.filter((cpu) => [1, 2, 33, 16].includes(cpu))],
      ['pid 1001 · BSP', [3]],
      ['Shared by pid 1000, 1001', [0]],
      [NO_PROCESS_TITLE, order.filter((cpu) => ![0, 1, 2, 3, 16, 33].includes(cpu))],
    ]);
    expect(groups[0].cpus.indexOf(16)).toBeLessThan(groups[0].cpus.indexOf(1)); // Linux before LWK

    const many: ProcessCpus[] = Array.from({ length: MAX_PROCESS_GROUPS + 4 }, (_, i) => ({ pid: FIRST_PID + i, name: 'strace replay', cpus: [1 + i], servers: [] }));
    const g = processGroups(c, many);
    expect(g.length).toBe(MAX_PROCESS_GROUPS + 2);
    expect(g[MAX_PROCESS_GROUPS].title).toBe(`4 more processes (pid ${FIRST_PID + 16}–${FIRST_PID + 19}, 4 processes)`);
    expect(g[MAX_PROCESS_GROUPS].cpus.length).toBe(4);
  });
});

describe('the worker reports the job', () => {
  it('its ready message carries each process\'s CPUs, as the created job has them (CAKE\'s agent included)', () => {
    const out: FromWorker[] = [];
    const runner = new Runner({ now: () => 0, post: (m) => out.push(m), yieldThen: () => {} });
    runner.handle({ type: 'init', version: PROTOCOL_VERSION, config: PRESETS.cake, seed: 1 });
    const ready = out.find((m) => m.type === 'ready');
    expect(ready?.type === 'ready' && ready.processes).toEqual(jobOf(PRESETS.cake));
    const agent = ready?.type === 'ready' ? ready.processes.find((p) => p.cpus.length === 0) : undefined;
    expect(agent?.name).toBe('server');
    expect(agent?.servers.length).toBeGreaterThan(0);
  });
});

describe('process groups laid out', () => {
  it('every lane labelled-tall, each group\'s first CPUs shown, the rest behind its strip', () => {
    for (const name of ['mos-bsp', 'hobbes', 'xeon-phi', 'cake'] as const) {
      const c = PRESETS[name];
      const groups = processGroups(c, jobOf(c));
      const l = layoutLanes(groups, 389, c.cpuCount);
      for (const lane of l.lanes) expect(lane.h).toBeGreaterThanOrEqual(MIN_LANE);
      l.groups.forEach((g, gi) => {
        expect(l.lanes.filter((x) => x.group === gi).map((x) => x.cpu)).toEqual(groups[gi].cpus.slice(0, g.shown));
        expect(g.moreY >= 0).toBe(g.shown < g.count);
        for (const cpu of groups[gi].cpus.slice(g.shown)) expect(flowEnd(l, cpu)?.folded).toBe(true);
      });
    }
  });
});
