/**
 * CNK: no Linux on the compute node, every file and socket call shipped to the I/O node, and an
 * I/O node whose queue is shared by the compute nodes of its block.
 */
import { describe, expect, it } from 'vitest';
import '../../../src/engine/designs/syntaxes';
import { PRESETS } from '../../../src/engine/config/presets';
import type { NodeConfig } from '../../../src/engine/config/nodeConfig';
import { applyOverrides } from '../../../src/engine/config/parseConfig';
import { Activity, Role } from '../../../src/engine/node/kinds';
import { Tr } from '../../../src/engine/node/events';
import { MS } from '../../../src/engine/kernel/time';
import { CNK } from '../../../src/engine/designs/cnk';
import { designSyntax } from '../../../src/engine/designs/registry';
import { topologyByName } from '../../../src/engine/node/topologies';
import { recordsOf, runCollecting } from '../node/helpers';
import { Rng } from '../../../src/engine/kernel/rng';
import { createOsNodeState, DEFAULT_OSNODE_PARAMS, submit, type OsNodeParams } from '../../../src/engine/osnode';

type Metrics = {
  syscalls: { routes: Record<string, { count: number; stagesMeanNs: Record<string, number> }>; byName: Record<string, Record<string, number>> };
  linuxCpuTime: { proxyNs: number; handlerNs: number; utilisation: number };
  osnode: { osNodes: { meanWaitNs: number; utilisation: number; servedDetailed: number }[] };
  design: { shipped: number; toPfs: number };
};

const TWO_SOCKET = topologyByName('two-socket')!;

/** The cnk preset checkpointing often, so that PFS writes and fsyncs happen within a short run. */
function checkpointing(): NodeConfig {
  const c = PRESETS.cnk;
  if (c.workload.kind !== 'bsp') throw new Error('bsp preset expected');
  return { ...c, workload: { ...c.workload, checkpointEvery: 3, checkpointBytes: 1 << 20 } };
}

describe('cnk: the compute node runs no Linux and serves no file call itself', () => {
  it('has no Linux CPU; the application runs on every CPU but the system core', () => {
    const c = PRESETS.cnk;
    expect(c.roles.every((r) => r === Role.Lwk)).toBe(true);
    const systemCore = c.roles.map((_, cpu) => cpu).filter((cpu) => c.coreOf[cpu] === c.coreOf[0]);
    expect(systemCore).toEqual([0, 32]);
    expect(c.appCpus).toEqual(c.roles.map((_, cpu) => cpu).filter((cpu) => !systemCore.includes(cpu)));
  });

  it('ships every file call to the I/O node; only stdout\'s fstat (answered by stdioFS) and CNK\'s own calls stay', () => {
    const { sim, records } = runCollecting(checkpointing(), 40 * MS);
    const m = sim.snapshot().metrics as unknown as Metrics;
    const by = m.syscalls.byName;
    for (const name of ['openat', 'write', 'fsync']) {
      expect(by[name]?.osnode ?? 0, name).toBeGreaterThan(0);
      expect(Object.keys(by[name]), name).toEqual(['osnode']);
    }
    expect(Object.keys(by.fstat)).toEqual(['lwk']); // fstat(1): stdioFS fills in a terminal's stat
    expect(Object.keys(by.getpid)).toEqual(['lwk']);
    // Checkpoints reach the PFS; the log files are served at the I/O node.
    expect(m.design.toPfs).toBeGreaterThan(0);
    expect(m.design.shipped).toBeGreaterThan(m.design.toPfs);
    // No Linux work anywhere: no proxy, no IPI handler, no Linux CPU.
    expect(m.linuxCpuTime).toEqual({ proxyNs: 0, handlerNs: 0, utilisation: 0 });
    for (const r of recordsOf(records, Tr.Activity)) expect([Activity.Proxy, Activity.Handler]).not.toContain(r.a);
    expect(sim.state.threads.some((t) => t.kind === 'proxy')).toBe(false);
    // Nothing but the barrier's wake-ups interrupts an application CPU: no tick, daemon or device interrupt.
    const causes = new Set([...recordsOf(records, Tr.IntrBegin)].filter((r) => sim.config.appCpus.includes(r.cpu)).map((r) => r.a));
    expect([...causes]).toEqual([3]); // Cause.Ipi
  });

  it('the caller polls for the I/O node\'s answer on its own CPU', () => {
    const { sim, records } = runCollecting(PRESETS.cnk, 10 * MS);
    const polls = [...recordsOf(records, Tr.Activity)].filter((r) => r.a === Activity.Poll && sim.config.appCpus.includes(r.cpu));
    expect(polls.length).toBeGreaterThan(0);
    expect(sim.config.syscalls.wait).toBe('spin');
  });
});

describe('cnk: a call the I/O node serves itself', () => {
  it('never reaches the PFS: no PFS stage, the PFS serves nothing, the rest of the path as with it', () => {
    const p: OsNodeParams = { ...DEFAULT_OSNODE_PARAMS, osNodes: 1, computeNodes: 1, service: { perRequestNs: 20_000, sigma: 0, perByteNs: 0.5 }, background: { requestsPerSecPerComputeNode: 0, meanBytes: 0 } };
    const go = (viaPfs: boolean) => {
      const state = createOsNodeState(p);
      const rng = new Rng(1);
      const r = submit(state, p, rng.stream('osnode.detail'), (n) => rng.stream(n), { arrivalNs: 0, bytes: 1000, op: 'write', computeNode: 0, ...(viaPfs ? {} : { viaPfs: false }) });
      return { r, servedByPfs: state.pfs.servedDetailed };
    };
    const [via, at] = [go(true), go(false)];
    expect(at.r.stages.pfs).toBe(0);
    expect(at.servedByPfs).toBe(0);
    expect(via.servedByPfs).toBe(1);
    expect(via.r.stages.pfs).toBeGreaterThanOrEqual(p.pfs.latencyNs);
    expect({ ...at.r.stages, pfs: via.r.stages.pfs }).toEqual(via.r.stages);
    expect(via.r.completionNs - at.r.completionNs).toBe(via.r.stages.pfs);
  });
});

describe('cnk: the I/O node is shared by the compute nodes of its block', () => {
  /** One I/O node for `n` compute nodes, each of the others sending 5 requests a second; every thread writes 4 KiB every 10 ms. */
  const perIoNode = (n: number): NodeConfig => {
    const c = PRESETS.cnk;
    return {
      ...c,
      workload: { kind: 'syscall', call: 'write', bytes: 4096, thinkNs: 10 * MS, path: '/home/app/out' },
      osnode: { ...c.osnode, osNodes: 1, computeNodes: n, background: { ...c.osnode.background, requestsPerSecPerComputeNode: 5 } },
    };
  };

  it('its queue wait grows with the compute nodes per I/O node (64, 128, 512)', () => {
    const runs = [64, 128, 512].map((n) => {
      const { sim } = runCollecting(perIoNode(n), 300 * MS);
      const m = sim.snapshot().metrics as unknown as Metrics;
      return { stage: m.syscalls.routes.osnode.stagesMeanNs['OS-node queue'], ionode: m.osnode.osNodes[0], calls: m.syscalls.routes.osnode.count };
    });
    for (const r of runs) expect(r.calls).toBeGreaterThan(1000);
    for (let i = 1; i < runs.length; i++) {
      expect(runs[i].stage).toBeGreaterThan(runs[i - 1].stage);
      expect(runs[i].ionode.meanWaitNs).toBeGreaterThan(runs[i - 1].ionode.meanWaitNs);
      expect(runs[i].ionode.utilisation).toBeGreaterThan(runs[i - 1].ionode.utilisation);
    }
  });
});

describe('cnk: a node without Linux refuses what needs Linux', () => {
  it('refuses a design that needs Linux CPUs, kernel daemons and device interrupts', () => {
    const kitten = applyOverrides({ preset: 'cnk', syscalls: { mechanism: 'kitten' } });
    expect(kitten.ok).toBe(false);
    if (!kitten.ok) expect(kitten.errors.join('\n')).toMatch(/syscalls\.mechanism: the design "Kitten.*needs a Linux CPU and this node has none/);
    const nic = applyOverrides({ preset: 'cnk', linux: { nicIrqPerSec: 100 } });
    expect(nic.ok).toBe(false);
    if (!nic.ok) expect(nic.errors.join('\n')).toMatch(/linux\.nicIrqPerSec: must be 0: this node has no Linux CPU/);
    expect(applyOverrides({ preset: 'cnk', osnode: { osNodes: 16 } }).ok).toBe(true);
  });
});

describe('cnk options: runjob and mpirun', () => {
  const syntax = designSyntax(CNK.id)!;

  it('runjob sets the ranks on the node and the block\'s size; the I/O nodes are Blue Gene/Q\'s 1 per 128', () => {
    const r = syntax.parse('runjob --np 8192 --ranks-per-node 8 --exe /home/app/bsp', TWO_SOCKET);
    expect(r).toEqual({ ok: true, overrides: { workload: { processes: 8 }, osnode: { computeNodes: 1024, osNodes: 8 } }, warnings: [{ message: '--exe does not change the simulation', start: 36, end: 41 }] });
    const cfg = applyOverrides({ preset: 'cnk', options: '-n 512 -p 16' });
    if (!cfg.ok) throw new Error(cfg.errors.join('\n'));
    expect(cfg.config.osnode).toMatchObject({ computeNodes: 32, osNodes: 1 });
    expect(cfg.config.workload).toMatchObject({ processes: 16 });
    // An explicit key wins over the options: another machine's ratio.
    const explicit = applyOverrides({ preset: 'cnk', options: 'runjob --np=4096 --ranks-per-node=4', osnode: { osNodes: 32 } });
    if (!explicit.ok) throw new Error(explicit.errors.join('\n'));
    expect(explicit.config.osnode).toMatchObject({ computeNodes: 1024, osNodes: 32 });
  });

  it('mpirun -mode gives Blue Gene/P\'s processes per node and its I/O nodes, 1 per 64', () => {
    expect(syntax.parse('mpirun -np 2048 -mode DUAL -exe a.out', TWO_SOCKET)).toMatchObject({ ok: true, overrides: { workload: { processes: 2 }, osnode: { computeNodes: 1024, osNodes: 16 } } });
  });

  it('prints what parses back to the same settings', () => {
    const preset = PRESETS.cnk;
    expect(syntax.print(preset)).toBe('runjob --np 4096 --ranks-per-node 4');
    const back = applyOverrides({ preset: 'cnk', options: syntax.print(preset) });
    if (!back.ok) throw new Error(back.errors.join('\n'));
    expect(back.config).toEqual(preset);
    const bgp: NodeConfig = { ...preset, osnode: { ...preset.osnode, osNodes: 16 }, workload: { ...BSP_OF(preset), processes: 2 } };
    expect(syntax.print(bgp)).toBe('mpirun -np 2048 -mode DUAL');
    const parsed = syntax.parse(syntax.print(bgp), TWO_SOCKET);
    expect(parsed).toMatchObject({ ok: true, overrides: { workload: { processes: 2 }, osnode: { computeNodes: 1024, osNodes: 16 } } });
  });

  it('places its errors on the text they concern', () => {
    const text = 'runjob --np 64 --ranks-per-node 3 --bogus 1';
    const r = syntax.parse(text, TWO_SOCKET);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [text.slice(e.start, e.end), e.message])).toEqual([
      ['3', 'ranks per node must be a power of 2 from 1 to 64 on Blue Gene/Q, got 3'],
      ['--bogus', expect.stringMatching(/^unknown runjob option "--bogus" \(options: --np, -n, --ranks-per-node, -p, /)],
    ]);
    const bad = applyOverrides({ preset: 'cnk', options: 'mpirun -np 64 -mode QUAD' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors).toEqual(['config: options: -mode is SMP (1 process per node), DUAL (2) or VN (4), got "QUAD" (characters 21-24: "QUAD")']);
    const missing = syntax.parse('runjob --np', TWO_SOCKET);
    expect(missing).toEqual({ ok: false, errors: [{ message: '--np needs the number of ranks', start: 7, end: 11 }] });
  });
});

function BSP_OF(c: NodeConfig) {
  if (c.workload.kind !== 'bsp') throw new Error('bsp preset expected');
  return c.workload;
}
