import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PRESETS } from '../../../src/engine/config/presets';
import { leafPaths, parametersMarkdown, sourceOf, type ParameterRow } from '../../../src/engine/config/parameterDocs';
import { DOCUMENTED_PRESETS, paramsCommand } from '../../../src/cli/commands/params';
import { PARAM_SPECS } from '../../../src/engine/config/paramSpecs';
import type { CliIO } from '../../../src/cli/io';

function captureIO(): CliIO & { stdout: string } {
  const io = { stdout: '', out: (t: string) => void (io.stdout += t), err: () => {}, readFile: () => Promise.reject(new Error('no files')), writeFile: () => Promise.resolve() };
  return io;
}

describe('docs/parameters.md', () => {
  it('gives every parameter of every preset a source', () => {
    const missing = Object.values(PRESETS).flatMap((c) => leafPaths(c).map(([p]) => p)).filter((p) => sourceOf(p) === undefined);
    expect([...new Set(missing)]).toEqual([]);
    expect(sourceOf('toString')).toBeUndefined();
  });

  it('is the text `mos-explorer params` generates (regenerate it after changing a default)', () => {
    expect(readFileSync('docs/parameters.md', 'utf8')).toBe(parametersMarkdown(PRESETS, DOCUMENTED_PRESETS));
  });

  it('has a row per settable parameter with its kind, unit and bounds', () => {
    const md = parametersMarkdown(PRESETS, DOCUMENTED_PRESETS);
    for (const s of PARAM_SPECS) expect(md).toContain(`| \`${s.path}\` |`);
    expect(md).toMatch(/\| `linux\.hz` \| whole number \| Hz \| 1 to 10,000 \| boot \| 1000 \|/);
    expect(md).toMatch(/\| `syscalls\.costs\.ipiNs` \| number \| ns \| 0 to 3,600,000,000,000 \| yes \| 1000 \|/);
    expect(md).toMatch(/\| `workload\.call` \| one of \(syscall workload\), default getpid \| +\| an x86_64 syscall name \| boot \|/);
  });
});

describe('mos-explorer params', () => {
  it('prints the markdown, or with --json every settable parameter with bounds and defaults', async () => {
    const md = captureIO();
    expect(await paramsCommand([], md)).toBe(0);
    expect(md.stdout).toBe(parametersMarkdown(PRESETS, DOCUMENTED_PRESETS));
    const json = captureIO();
    expect(await paramsCommand(['--json'], json)).toBe(0);
    const rows = JSON.parse(json.stdout) as ParameterRow[];
    expect(rows.map((r) => r.path)).toEqual(PARAM_SPECS.map((s) => s.path));
    expect(rows.find((r) => r.path === 'linux.nicIrqPerSec')).toMatchObject({ unit: 'per second', min: 0, max: 1_000_000, defaults: { mos: 2000 } });
    expect(rows.find((r) => r.path === 'lwk.rrQuantumNs')).toMatchObject({ min: 100_000, offZero: true });
  });
});
