import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PRESETS } from '../../../src/engine/config/presets';
import { leafPaths, parametersMarkdown, sourceOf } from '../../../src/engine/config/parameterDocs';
import { DOCUMENTED_PRESETS } from '../../../src/cli/commands/params';

describe('docs/parameters.md', () => {
  it('gives every parameter of every preset a source', () => {
    const missing = Object.values(PRESETS).flatMap((c) => leafPaths(c).map(([p]) => p)).filter((p) => sourceOf(p) === undefined);
    expect([...new Set(missing)]).toEqual([]);
  });

  it('is the text `mos-explorer params` generates (regenerate it after changing a default)', () => {
    expect(readFileSync('docs/parameters.md', 'utf8')).toBe(parametersMarkdown(PRESETS, DOCUMENTED_PRESETS));
  });
});
