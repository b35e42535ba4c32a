/** Every record a real run emits decodes to a known kind, with consistent fields. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PRESETS } from '../../../src/engine/config/presets';
import { createNodeSimulation } from '../../../src/engine/node/model';
import { ROUTES } from '../../../src/engine/descriptors';
import { decodeBatch, type TraceEventType } from '../../../src/engine/trace/decode';
import { MS } from '../../../src/engine/kernel/time';

describe('decoding a real run', () => {
  it('yields no unknown event (mos-bsp, any seed), and the fields read sensibly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (seed) => {
        const config = PRESETS['mos-bsp'];
        const sim = createNodeSimulation(config, seed, { traceCapacity: 1 << 18 });
        const seen = new Set<TraceEventType>();
        for (let t = 2 * MS; t <= 30 * MS; t += 2 * MS) {
          sim.runUntil(t);
          const batch = sim.drainTrace();
          expect(batch.lost).toBe(0);
          for (let i = 0; i < batch.kind.length; i++) {
            const e = decodeBatch(batch, i);
            seen.add(e.type);
            expect(e.type).not.toBe('unknown');
            if (e.type === 'syscallRoute') expect(e.route).toBeLessThan(ROUTES.length);
            if (e.type === 'handlerGetList') expect(sim.state.channels.linux[e.channel].cpu).toBe(e.cpu);
            if (e.type === 'channelInsert') {
              // The sender is an LWK CPU whose group's channel is the one named.
              expect(config.syscallCpuOf[e.senderCpu]).toBeGreaterThanOrEqual(0);
              expect(e.depth).toBeGreaterThan(0);
              expect(e.depth).toBeLessThanOrEqual(config.syscalls.channelCapacity);
            }
          }
        }
        // The run exercised the function-shipping path, so the check above was not vacuous.
        for (const t of ['syscallIssue', 'syscallRoute', 'channelInsert', 'ipiSend', 'handlerGetList', 'proxyStart', 'replyReady', 'syscallDone', 'activity'] as const) {
          expect(seen.has(t)).toBe(true);
        }
      }),
      { numRuns: 4 },
    );
  });
});
