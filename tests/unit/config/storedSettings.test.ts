import { describe, expect, it } from 'vitest';
import { loadSettings, resolveConfig } from '../../../src/app/store';
import { runCommand } from '../../../src/cli/commands/run';
import { UsageError, type CliIO } from '../../../src/cli/io';

const stored = (value: unknown) => ({ getItem: () => JSON.stringify(value) });

describe('stored settings and preset names', () => {
  it('keep settings saved before aggregation moved to syscalls.aggregation', () => {
    const edits = { aggregation: { enabled: false } };
    expect(loadSettings(stored({ presetName: 'mos', seed: 3, edits }))).toMatchObject({ presetName: 'mos', seed: 3, edits });
    const r = resolveConfig('mos', edits);
    expect(r.ok && r.config.syscalls.aggregation.enabled).toBe(false);
  });

  it('do not take a prototype member for a preset', () => {
    expect(loadSettings(stored({ presetName: 'toString', edits: {} })).presetName).toBeUndefined();
    expect(loadSettings(stored({ presetName: 'mos', edits: { linux: { hz: 1e308 } } })).edits).toBeUndefined();
  });

  it('`run --preset toString` is a usage error, not a crash', async () => {
    const io: CliIO = { out: () => {}, err: () => {}, readFile: () => Promise.reject(new Error('none')), writeFile: () => Promise.resolve() };
    await expect(runCommand(['--preset', 'toString'], io)).rejects.toThrow(UsageError);
    await expect(runCommand(['--preset', 'toString'], io)).rejects.toThrow(/unknown preset "toString"/);
  });
});
