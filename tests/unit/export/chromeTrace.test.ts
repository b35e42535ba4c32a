/** The exported Chrome trace follows the Trace Event Format as Perfetto reads it. */
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import { exportChromeTrace, streamChromeTrace, type ChromeTraceEvent } from '../../../src/engine/export/chromeTrace';
import { MS } from '../../../src/engine/kernel/time';
import { createNodeSimulation } from '../../../src/engine/node/model';

const PHASES = new Set(['X', 'i', 'C', 'M']);
/** Past the BSP presets' launch, then several iterations. */
const BSP_UNTIL = 72 * MS;

/** Checks every event against the format; returns the events and the metadata. */
function check(text: string): { events: ChromeTraceEvent[]; metadata: Record<string, unknown> } {
  const doc = JSON.parse(text) as { traceEvents: ChromeTraceEvent[]; displayTimeUnit: string; metadata: Record<string, unknown> };
  expect(doc.displayTimeUnit).toBe('ns');
  expect(Array.isArray(doc.traceEvents)).toBe(true);
  const problems: string[] = [];
  const bad = (e: ChromeTraceEvent, why: string): void => void (problems.length < 20 && problems.push(`${why}: ${JSON.stringify(e)}`));
  const named = new Set<string>();
  const used = new Set<string>();
  const lastTs = new Map<string, number>();
  const outs = new Map<number, number>();
  const ins = new Map<number, number>();
  for (const e of doc.traceEvents) {
    if (typeof e.name !== 'string') bad(e, 'name');
    if (!PHASES.has(e.ph)) bad(e, 'phase');
    if (!Number.isInteger(e.pid) || !Number.isInteger(e.tid)) bad(e, 'pid/tid');
    if (typeof e.ts !== 'number' || !Number.isFinite(e.ts) || e.ts < 0) bad(e, 'ts');
    // Microseconds with at most nanosecond precision.
    if (Math.abs(e.ts * 1000 - Math.round(e.ts * 1000)) > 1e-3) bad(e, 'ts precision');
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'M') {
      if (e.name === 'thread_name') named.add(key);
      if (!(typeof e.args?.name === 'string' || typeof e.args?.sort_index === 'number')) bad(e, 'metadata args');
      continue;
    }
    if (e.ph !== 'C') used.add(key);
    if (e.ph === 'X') {
      if (typeof e.dur !== 'number' || !(e.dur >= 0)) bad(e, 'dur');
      if (e.ts < (lastTs.get(key) ?? 0)) bad(e, 'complete events out of order on their thread');
      lastTs.set(key, e.ts);
    }
    if (e.ph === 'i' && !['t', 'p', 'g'].includes(e.s ?? '')) bad(e, 'instant scope');
    if (e.ph === 'C' && typeof e.args?.depth !== 'number') bad(e, 'counter args');
    if (e.bind_id !== undefined) {
      if (e.ph !== 'X' || !(e.flow_in === true || e.flow_out === true)) bad(e, 'flow binding');
      const m = e.flow_out ? outs : ins;
      m.set(e.bind_id, (m.get(e.bind_id) ?? 0) + 1);
    }
  }
  for (const key of used) if (!named.has(key)) problems.push(`thread ${key} has no thread_name`);
  for (const [id, n] of outs) if (n !== 1 || ins.get(id) !== 1) problems.push(`flow ${id}: ${n} start(s), ${ins.get(id) ?? 0} end(s)`);
  for (const id of ins.keys()) if (!outs.has(id)) problems.push(`flow ${id} ends without a start`);
  expect(problems).toEqual([]);
  return { events: doc.traceEvents, metadata: doc.metadata };
}

describe('Chrome trace export', () => {
  it('mos-bsp: syscall and proxy spans joined by flows, IPIs, queue counters, named CPUs', async () => {
    const { events, metadata } = check(await exportChromeTrace(PRESETS['mos-bsp'], 1, [], BSP_UNTIL));
    const phases = new Set(events.map((e) => e.ph));
    for (const ph of ['M', 'X', 'i', 'C']) expect(phases.has(ph as ChromeTraceEvent['ph']), ph).toBe(true);
    expect(events.some((e) => e.name === 'process_name' && e.args?.name === 'LWK')).toBe(true);
    expect(events.some((e) => e.name === 'process_name' && e.args?.name === 'Linux (FWK)')).toBe(true);
    expect(events.some((e) => e.name === 'thread_name' && e.args?.name === 'CPU 5 (LWK)')).toBe(true);
    expect(events.some((e) => e.ph === 'X' && e.cat === 'forwarded' && e.flow_in)).toBe(true);
    expect(events.some((e) => e.ph === 'X' && e.cat === 'interrupt' && e.name === 'IPI')).toBe(true);
    expect(metadata.flows as number).toBeGreaterThan(0);
    expect(metadata.truncated).toBe(false);
  });

  it('mos as built: migrated-thread spans are flow targets', async () => {
    const { events } = check(await exportChromeTrace(PRESETS['mos-as-built'], 2, [], BSP_UNTIL));
    expect(events.some((e) => e.name.endsWith('(migrated thread)') && e.flow_in)).toBe(true);
  });

  it('is deterministic, replays commands, and stops at the event bound saying so', async () => {
    const live = createNodeSimulation(PRESETS.mos, 3);
    live.runUntil(11 * MS);
    expect(live.command({ type: 'inject-interrupt', cpu: 5, cause: 'IPI', durationNs: 5000 })).toBeNull();
    live.runUntil(13 * MS);
    const cmd = live.commandLog;
    const a = await exportChromeTrace(PRESETS.mos, 3, cmd, 13 * MS);
    expect(await exportChromeTrace(PRESETS.mos, 3, cmd, 13 * MS)).toBe(a);
    const { events } = check(a);
    expect(events.some((e) => e.ph === 'X' && e.tid === 5 && e.name === 'IPI' && e.dur === 5)).toBe(true);
    const cut = check(await exportChromeTrace(PRESETS['mos-bsp'], 1, [], BSP_UNTIL, { maxEvents: 500 }));
    expect(cut.metadata.truncated).toBe(true);
    expect(typeof cut.metadata.note).toBe('string');
  });
});

describe('Chrome trace export, streamed', () => {
  it('holds back only what is still open: the most events held does not grow with the run', async () => {
    const held = async (untilNs: number) => {
      let bytes = 0;
      const meta = await streamChromeTrace(PRESETS['mos-bsp'], 1, [], untilNs, { write: (t) => void (bytes += t.length) });
      return { heldMax: meta.heldMax as number, events: meta.events as number, bytes };
    };
    const short = await held(100 * MS);
    const long = await held(400 * MS);
    expect(long.events).toBeGreaterThan(3 * short.events);
    expect(long.heldMax).toBeLessThan(2 * short.heldMax + 1000);
    expect(long.heldMax).toBeLessThan(long.events / 20);
  });
});
