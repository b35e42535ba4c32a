/** The config key `options`: a design's own syntax expanded into overrides, with placed errors. */
import { describe, expect, it } from 'vitest';
import { registerDesign, registerDesignInfo, registerDesignSyntax } from '../../../src/engine/designs/registry';
import { DEFAULT_SYSCALLS } from '../../../src/engine/config/defaults';
import { lwkTriage } from '../../../src/engine/syscalls/triage';
import { diag } from '../../../src/engine/config/diagnostic';

// A design with a tiny syntax, registered (info and behaviour) before the config modules load (they read the registry once).
const INFO = registerDesignInfo({
  id: 'test-syntax',
  title: 'A design with options',
  summary: 'For this test only.',
  source: 'this test',
  appKernel: 'lwk',
  syscalls: { ...DEFAULT_SYSCALLS, mechanism: 'test-syntax' },
  usesProxies: true,
  ownOptions: true,
});
registerDesignSyntax(INFO.id, {
  title: '-p N (proxies per process)',
  example: '-p 2',
  parse(text) {
    const m = /^-p (\d+)$/.exec(text);
    if (!m) return { ok: false, errors: [diag('expected -p N', 0, text.length)] };
    return { ok: true, overrides: { syscalls: { proxyThreads: Number(m[1]) } }, warnings: [] };
  },
  print: (c) => `-p ${c.syscalls.proxyThreads}`,
});
registerDesign({
  ...INFO,
  triage: (sim, tid, call) => lwkTriage(sim, tid, call, () => undefined),
});

describe('config options in a design\'s own syntax', () => {
  it('expand into overrides; explicit keys win; errors are placed; designs without a syntax say so', async () => {
    const { applyOverrides } = await import('../../../src/engine/config/parseConfig');
    const ok = applyOverrides({ preset: 'mos-bsp', syscalls: { mechanism: 'test-syntax' }, options: '-p 3' });
    if (!ok.ok) throw new Error(ok.errors.join('\n'));
    expect(ok.config.syscalls.proxyThreads).toBe(3);
    const explicit = applyOverrides({ preset: 'mos-bsp', syscalls: { mechanism: 'test-syntax', proxyThreads: 5 }, options: '-p 3' });
    if (!explicit.ok) throw new Error(explicit.errors.join('\n'));
    expect(explicit.config.syscalls.proxyThreads).toBe(5);
    const bad = applyOverrides({ preset: 'mos-bsp', syscalls: { mechanism: 'test-syntax' }, options: '-q' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toBe('config: options: expected -p N (characters 1-2: "-q")');
    const none = applyOverrides({ preset: 'linux-bsp', options: '-p 3' });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.errors[0]).toMatch(/has no option syntax of its own/);
    // Bounds still apply to what the options say.
    const tooMany = applyOverrides({ preset: 'mos-bsp', syscalls: { mechanism: 'test-syntax' }, options: '-p 999' });
    expect(tooMany.ok).toBe(false);
  });
});
