/** `mos-explorer compare`, in-process: runs per preset x value, equality with `run`, sweeps, argument errors. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/dispatch';
import { planRuns } from '../../../src/cli/compare/plan';
import { parseVary } from '../../../src/cli/compare/settings';
import { fakeIO } from './fakeIO';

interface JsonRun {
  preset: string;
  settings: Record<string, unknown>;
  traceHash: string;
  metrics: Record<string, unknown> & { noise: { app: { interrupts: Record<string, number> }; linux: { interrupts: Record<string, number> } } };
}

async function compareJson(args: string[]): Promise<JsonRun[]> {
  const f = fakeIO();
  const code = await runCli(['compare', ...args, '--json'], f.io);
  expect(code, f.err()).toBe(0);
  return JSON.parse(f.out()).runs;
}

/** Paths at which two plain-data values differ. */
function differences(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
  }
  return Object.is(a, b) ? [] : [path];
}

describe('mos-explorer compare --json', () => {
  it('one run per preset and swept value, preset by preset, each with its settings', async () => {
    const runs = await compareJson(['--presets', 'mos-bsp,linux-bsp', '--until', '20ms', '--set', 'syscalls.proxyThreads=2', '--vary', 'linux.hz=100,250,1000']);
    expect(runs.map((r) => [r.preset, r.settings])).toEqual(
      ['mos-bsp', 'linux-bsp'].flatMap((preset) => [100, 250, 1000].map((hz) => [preset, { syscalls: { proxyThreads: 2 }, linux: { hz } }])),
    );
    expect(new Set(runs.map((r) => r.traceHash)).size).toBe(6);
  });

  it("each run's trace hash and metrics are those of a separate `run --json` with the same preset, seed, duration and settings", async () => {
    const runs = await compareJson(['--presets', 'mos-bsp,mckernel,linux', '--until', '15ms', '--seed', '3', '--vary', 'linux.hz=250,300']);
    expect(runs).toHaveLength(6);
    for (const r of runs) {
      const f = fakeIO({ 'c.json': JSON.stringify({ preset: r.preset, ...r.settings }) });
      expect(await runCli(['run', '--config', 'c.json', '--seed', '3', '--until', '15ms', '--json'], f.io)).toBe(0);
      const single = JSON.parse(f.out());
      expect(r.traceHash).toBe(single.traceHash);
      expect(r.metrics).toEqual(single.metrics);
    }
  });

  it('without --set or --vary, settings are empty and runs equal `run --preset`', async () => {
    const [r] = await compareJson(['--presets', 'mos', '--until', '10ms', '--seed', '2']);
    expect(r.settings).toEqual({});
    const f = fakeIO();
    expect(await runCli(['run', '--preset', 'mos', '--until', '10ms', '--seed', '2', '--json'], f.io)).toBe(0);
    expect(r.traceHash).toBe(JSON.parse(f.out()).traceHash);
  });

  it('--vary linux.hz changes the tick rate and no other setting', async () => {
    const runs = await compareJson(['--presets', 'linux-bsp', '--until', '20ms', '--vary', 'linux.hz=100,1000']);
    const ticks = runs.map((r) => r.metrics.noise.linux.interrupts['timer tick']);
    expect(ticks[0]).toBeGreaterThan(0);
    // Ten times the rate: between 5 and 15 times the ticks (runs start at launch, not at 0).
    expect(ticks[1] / ticks[0]).toBeGreaterThan(5);
    expect(ticks[1] / ticks[0]).toBeLessThan(15);
    const plan = planRuns({ presets: ['linux-bsp', 'mos-bsp'], sets: [], vary: parseVary('linux.hz=100,1000') });
    if (!plan.ok) throw new Error(plan.errors.join('\n'));
    expect(differences(plan.runs[0].config, plan.runs[1].config)).toEqual(['linux.hz']);
    expect(differences(plan.runs[2].config, plan.runs[3].config)).toEqual(['linux.hz']);
    expect([plan.runs[0].config.linux.hz, plan.runs[1].config.linux.hz]).toEqual([100, 1000]);
  });

  it('--vary workload.syscallsPerIteration changes the calls made per iteration', async () => {
    const runs = await compareJson(['--presets', 'mos-bsp', '--until', '20ms', '--vary', 'workload.syscallsPerIteration=0,8']);
    const linuxCalls = runs.map((r) => (r.metrics.syscalls as { routes: { linux: { count: number } } }).routes.linux.count);
    expect(linuxCalls[1]).toBeGreaterThan(linuxCalls[0]);
  });
});

describe('mos-explorer compare (table)', () => {
  it('one column per run headed by preset and value, rows from the metrics, the trace hashes last', async () => {
    const f = fakeIO();
    expect(await runCli(['compare', '--presets', 'mos-bsp,linux-bsp', '--until', '20ms', '--vary', 'linux.hz=100,1000'], f.io)).toBe(0);
    const runs = await compareJson(['--presets', 'mos-bsp,linux-bsp', '--until', '20ms', '--vary', 'linux.hz=100,1000']);
    const lines = f.out().split('\n');
    expect(lines.find((l) => /^\s+mos-bsp\s+mos-bsp\s+linux-bsp\s+linux-bsp$/.test(l))).toBeDefined();
    expect(lines.find((l) => /^\s+linux\.hz=100\s+linux\.hz=1000\s+linux\.hz=100\s+linux\.hz=1000$/.test(l))).toBeDefined();
    const iterations = lines.find((l) => l.trim().startsWith('BSP iterations'))!.trim().split(/\s{2,}/).slice(1);
    expect(iterations).toEqual(runs.map((r) => String((r.metrics.progress as { iterations: number }).iterations)));
    expect(lines.find((l) => l.startsWith('trace hash'))!.split(/\s+/).slice(2)).toEqual(runs.map((r) => r.traceHash));
    expect(f.out()).toMatch(/^ {2}Linux: p50 /m);
    expect(f.out()).toMatch(/^ {2}doorbell IPIs /m);
    // FWQ rows are left out when no run measured them.
    expect(f.out()).not.toMatch(/noise per quantum/);
  });
});

describe('mos-explorer compare: bad arguments exit 2 and name the problem', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown preset', ['--presets', 'mos-bsp,nope'], /unknown preset "nope"/],
    ['preset listed twice', ['--presets', 'mos,mos'], /"mos" is listed twice/],
    ['bare duration', ['--until', '200'], /--until needs a unit: "200"/],
    ['not a duration', ['--until', 'soon'], /--until: "soon" is not a duration/],
    ['--set without =', ['--set', 'linux.hz'], /--set "linux.hz": expected key=value/],
    ['--set with a bad key', ['--set', 'linux..hz=3'], /"linux\.\.hz" is not a dotted setting name/],
    ['--set without a value', ['--set', 'linux.hz='], /no value after "="/],
    ['--set rejected by the config checker', ['--set', 'linux.hz=-5'], /^mos-explorer compare: --set linux\.hz=-5: linux\.hz: -5 is out of range: a tick rate must be 1 to 10,000 Hz$/m],
    ['--set of an unknown key', ['--set', 'linux.hertz=5'], /--set linux\.hertz=5: linux\.hertz: unknown setting/],
    ['--set that applies to some presets only', ['--presets', 'mos,mos-bsp', '--set', 'workload.syscallsPerIteration=2'], /--set workload\.syscallsPerIteration=2: .*does not apply to the fwq workload.*\(with preset mos\)$/m],
    ['--set of the same key twice', ['--set', 'linux.hz=100', '--set', 'linux.hz=200'], /linux\.hz is set twice/],
    ['--set preset', ['--set', 'preset=mos'], /choose preset with --presets/],
    ['--vary value rejected', ['--vary', 'linux.hz=100,-1'], /--vary linux\.hz=-1: linux\.hz: -1 is out of range/],
    ['--vary value listed twice', ['--vary', 'linux.hz=100,100'], /100 is listed twice/],
    ['--vary of a --set key', ['--set', 'linux.hz=100', '--vary', 'linux.hz=1,2'], /--vary linux\.hz is also given with --set/],
    ['--vary given twice', ['--vary', 'linux.hz=1', '--vary', 'linux.hz=2'], /--vary is given twice/],
    ['unknown option', ['--preset', 'mos'], /unknown option --preset/],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    const f = fakeIO();
    expect(await runCli(['compare', ...(args.includes('--until') ? [] : ['--until', '1ms']), ...args], f.io)).toBe(2);
    expect(f.err()).toMatch(message);
    expect(f.out()).toBe('');
  });
});
