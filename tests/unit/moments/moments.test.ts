/** Run to the next moment: the run stops just before the first event whose records match, and is otherwise the same run. */
import { describe, expect, it } from 'vitest';
import { createNodeSimulation } from '../../../src/engine/node/model';
import { PRESETS } from '../../../src/engine/config/presets';
import { allMoments, momentByKey } from '../../../src/engine/moments/registry';
import { runToMoment } from '../../../src/engine/moments/find';
import { decodeRecord } from '../../../src/engine/trace/decode';
import { syscallNumber } from '../../../src/engine/syscalls/table';
import type { NodeSim } from '../../../src/engine/node/cpu';
import { MS } from '../../../src/engine/kernel/time';

/** The decoded records the next event of `sim` emits. */
function nextEventRecords(sim: NodeSim) {
  const before = sim.trace.written;
  sim.step();
  const out = [];
  for (let i = before; i < sim.trace.written; i++) out.push(decodeRecord(sim.trace.at(i)!));
  return out;
}

describe('run to the next moment', () => {
  it('stops just before each moment of mos-bsp: the next event is it, and no earlier event was', () => {
    for (const key of ['burst', 'doorbell', 'skipped-ipi', 'checkpoint', 'call']) {
      const moment = momentByKey(key)!;
      const sim = createNodeSimulation(PRESETS['mos-bsp'], 1);
      sim.runUntil(2 * MS);
      const search = runToMoment(sim, moment, {});
      expect(search.found, key).toBe(true);
      if (!search.found) continue;
      // A plain run stepped the same events and saw no match before the last one.
      const plain = createNodeSimulation(PRESETS['mos-bsp'], 1);
      plain.runUntil(2 * MS);
      // (the very next event does not count: asked again just before a moment, the run goes to the one after)
      nextEventRecords(plain);
      for (let i = 1; i < search.eventsBefore; i++) expect(nextEventRecords(plain).some((e) => moment.match(e, {})), `${key}: event ${i}`).toBe(false);
      expect(plain.traceHash).toBe(sim.traceHash);
      const at = nextEventRecords(sim);
      expect(at.some((e) => moment.match(e, {})), key).toBe(true);
      expect(sim.now).toBe(search.time);
    }
  });

  it('asked again just before a moment, goes to the next one', () => {
    const doorbell = momentByKey('doorbell')!;
    const sim = createNodeSimulation(PRESETS['mos-bsp'], 1);
    sim.runUntil(2 * MS);
    const first = runToMoment(sim, doorbell, {});
    const atFirst = sim.eventCount;
    const second = runToMoment(sim, doorbell, {});
    expect(first.found && second.found).toBe(true);
    // A later event (two channels may ring at the same instant).
    expect(sim.eventCount).toBeGreaterThan(atFirst);
    if (first.found && second.found) expect(second.time).toBeGreaterThanOrEqual(first.time);
    expect(nextEventRecords(sim).some((e) => doorbell.match(e, {}))).toBe(true);
  });

  it('narrows to a call name and a process', () => {
    const write = syscallNumber('write')!;
    const sim = createNodeSimulation(PRESETS['mos-bsp'], 1);
    sim.runUntil(1 * MS);
    const search = runToMoment(sim, momentByKey('call')!, { syscall: write, pid: 1002 });
    expect(search.found).toBe(true);
    const e = nextEventRecords(sim).find((x) => x.type === 'syscallIssue');
    expect(e).toMatchObject({ type: 'syscallIssue', syscall: write, pid: 1002 });
  });

  it('leaves the run untouched when the moment does not come within the limits', () => {
    const sim = createNodeSimulation(PRESETS['mos-bsp'], 1);
    sim.runUntil(1 * MS);
    const hash = sim.traceHash;
    const search = runToMoment(sim, momentByKey('page-fault')!, {}, 1_000_000, 5 * MS);
    expect(search.found).toBe(false);
    expect(sim.traceHash).toBe(hash);
    expect(sim.now).toBe(1 * MS);
  });

  it('has a label and a reason for every registered moment', () => {
    const keys = allMoments().map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const m of allMoments()) expect(m.label.startsWith('Next ')).toBe(true);
  });
});
