/** The worker's watchdog: a run that makes no simulated progress is stopped with its likely cause. */
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import { Runner } from '../../../src/worker/runner';
import { PROTOCOL_VERSION, type FromWorker } from '../../../src/worker/protocol';

describe('worker watchdog', () => {
  it('stops a stalled run and reports what it was doing and the setting to change', () => {
    const out: FromWorker[] = [];
    const queued: (() => void)[] = [];
    let wall = 0;
    const runner = new Runner({ now: () => (wall += 0.0005), post: (m) => out.push(m), yieldThen: (f) => void queued.push(f) });
    // Past the config checker (which refuses it): a tick rate that reschedules the tick at the same instant.
    const config = { ...PRESETS.mos, linux: { ...PRESETS.mos.linux, hz: 1e12 } };
    runner.handle({ type: 'init', version: PROTOCOL_VERSION, config, seed: 1 });
    runner.handle({ type: 'play' });
    for (let i = 0; i < 200 && !out.some((m) => m.type === 'error'); i++) queued.shift()?.();
    const error = out.find((m) => m.type === 'error');
    expect(error && error.type === 'error' ? error.message : 'no error').toMatch(/makes no progress: .*"tick".* the likely cause is linux\.hz/);
  });
});
