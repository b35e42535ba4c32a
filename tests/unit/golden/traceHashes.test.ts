/**
 * Golden trace hashes: every preset's run (seed 1, 30 ms) is pinned by the hash of its whole
 * trace. A change of behaviour, even a tiny one, changes a hash; update them knowingly, after
 * checking that the change is the one intended:
 *
 *     UPDATE_GOLDEN=1 npx vitest run tests/unit/golden
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESETS, PRESET_NAMES } from '../../../src/engine/config/presets';
import { createNodeSimulation } from '../../../src/engine/node/model';
import { MS } from '../../../src/engine/kernel/time';

const FILE = new URL('./traceHashes.json', import.meta.url);
const UNTIL = 30 * MS;

function hashes(): Record<string, { traceHash: string; eventCount: number }> {
  const out: Record<string, { traceHash: string; eventCount: number }> = {};
  for (const name of PRESET_NAMES) {
    const sim = createNodeSimulation(PRESETS[name], 1);
    sim.runUntil(UNTIL);
    out[name] = { traceHash: sim.traceHash, eventCount: sim.eventCount };
  }
  return out;
}

describe('golden trace hashes', () => {
  it('every preset runs exactly as pinned (seed 1, 30 ms)', () => {
    const now = hashes();
    if (process.env.UPDATE_GOLDEN) writeFileSync(FILE, JSON.stringify(now, null, 2) + '\n');
    const pinned = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;
    expect(now, 'a preset runs differently: if intended, run UPDATE_GOLDEN=1 npx vitest run tests/unit/golden').toEqual(pinned);
  });
});
