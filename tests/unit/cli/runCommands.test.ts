/** `mos-explorer run --commands FILE`: the page's injections replayed exactly; bad files named. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/dispatch';
import { fakeIO } from './fakeIO';
import { PRESETS } from '../../../src/engine/config/presets';
import { createNodeSimulation } from '../../../src/engine/node/model';
import { MS, US } from '../../../src/engine/kernel/time';

async function run(args: string[], files: Record<string, string>) {
  const f = fakeIO(files);
  const code = await runCli(['run', ...args], f.io);
  return { code, out: f.out(), err: f.err() };
}

describe('run --commands', () => {
  it('replays a command log recorded live to the same trace hash', async () => {
    const sim = createNodeSimulation(PRESETS['mos-bsp'], 1);
    sim.runUntil(3 * MS);
    sim.command({ type: 'interrupt-burst', cpu: 4, count: 10, everyNs: 20 * US, durationNs: 2 * US });
    sim.runUntil(6 * MS);
    sim.command({ type: 'fill-channel', channel: 0, forNs: 1 * MS });
    sim.runUntil(10 * MS);
    const r = await run(['--preset', 'mos-bsp', '--until', '10ms', '--json', '--commands', 'log.json'], { 'log.json': JSON.stringify(sim.commandLog) });
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).traceHash).toBe(sim.traceHash);
    // A saved state ({ ..., "commands": [...] }) is read the same way.
    const s = await run(['--preset', 'mos-bsp', '--until', '10ms', '--json', '--commands', 'state.mosx.json'], { 'state.mosx.json': JSON.stringify({ format: 'mos-explorer-state', commands: sim.commandLog }) });
    expect(JSON.parse(s.out).traceHash).toBe(sim.traceHash);
  });

  it('applies a hand-written command without atEvent at its simulated time', async () => {
    const log = [{ time: 2 * MS, command: { type: 'signal', pid: 1000 } }];
    const r = await run(['--preset', 'mos-bsp', '--until', '5ms', '--json', '--commands', 'c.json'], { 'c.json': JSON.stringify(log) });
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).metrics).toMatchObject({ signals: expect.objectContaining({ sent: 1 }) });
  });

  it('names what is wrong with a bad file, and where', async () => {
    const cases: [string, RegExp][] = [
      ['not json', /cannot read --commands c.json/],
      ['{"a":1}', /expected a list of commands/],
      ['[{"time":-5,"command":{"type":"signal","pid":1000}}]', /command 1: "time" must be a whole number of ns >= 0/],
      ['[{"time":5,"command":{"type":"signal","pid":1000,"x":1}}]', /command 1: signal: unknown field "x"/],
      ['[{"time":5,"command":{"type":"nuke"}}]', /command 1: unknown injection "nuke"/],
      ['[{"time":9,"command":{"type":"signal","pid":1000}},{"time":5,"command":{"type":"signal","pid":1000}}]', /command 2: it comes before/],
      [JSON.stringify(Array.from({ length: 10_001 }, () => ({ time: 0, command: { type: 'signal', pid: 1000 } }))), /10001 commands is more than the 10000 allowed/],
    ];
    for (const [text, message] of cases) {
      const r = await run(['--preset', 'mos-bsp', '--until', '1ms', '--commands', 'c.json'], { 'c.json': text });
      expect(r.code, text.slice(0, 40)).toBe(2);
      expect(r.err).toMatch(message);
    }
  });

  it('warns about an injection this node cannot take (a CPU it does not have), and runs the rest', async () => {
    const log = [{ time: 1 * MS, command: { type: 'interrupt-burst', cpu: 500 } }];
    const r = await run(['--preset', 'mos-bsp', '--until', '3ms', '--commands', 'c.json'], { 'c.json': JSON.stringify(log) });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/warning: the injection at 1.000 ms was not applied: no CPU 500/);
  });
});
