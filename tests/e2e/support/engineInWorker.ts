/**
 * Test-only entry: the engine in a browser worker. Bundled by scripts/build-cli.mjs to
 * dist-cli/engine-worker.js; a test loads it into a Worker and asks for trace hashes.
 */
import { createNodeSimulation } from '../../../src/engine/node/model';
import { PRESETS } from '../../../src/engine/config/presets';

const ctx = self as unknown as { onmessage: ((e: MessageEvent) => void) | null; postMessage(data: unknown): void };
ctx.onmessage = (e: MessageEvent) => {
  const { presets, seed, untilNs } = e.data as { presets: string[]; seed: number; untilNs: number };
  const out: Record<string, { traceHash: string; eventCount: number }> = {};
  for (const name of presets) {
    const sim = createNodeSimulation(PRESETS[name], seed);
    sim.runUntil(untilNs);
    out[name] = { traceHash: sim.traceHash, eventCount: sim.eventCount };
  }
  ctx.postMessage(out);
};
