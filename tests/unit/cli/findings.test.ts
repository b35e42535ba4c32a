/** docs/findings.md is what `mos-explorer findings` generates now; its result sentences follow the runs. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../../src/cli/dispatch';
import { FINDINGS_COMMAND } from '../../../src/cli/findings/document';
import { fakeIO } from './fakeIO';

const committedPath = path.resolve(__dirname, '../../../docs/findings.md');

describe('docs/findings.md', () => {
  it('is up to date, and its sentences carry the numbers of the runs', async () => {
    const f = fakeIO();
    expect(await runCli(['findings', '--write', 'out.md'], f.io), f.err()).toBe(0);
    const generated = f.written['out.md'];
    expect(generated, `docs/findings.md is out of date: run \`${FINDINGS_COMMAND}\` to regenerate it`).toBe(readFileSync(committedPath, 'utf8'));

    // The sentence about mos-bsp states the iterations a separate compare run measures.
    const c = fakeIO();
    expect(await runCli(['compare', '--presets', 'mos-bsp,linux-bsp', '--until', '200ms', '--seed', '1', '--json'], c.io)).toBe(0);
    const [mos, linux] = JSON.parse(c.out()).runs.map((r: { metrics: { progress: { iterations: number } } }) => r.metrics.progress.iterations);
    const sentence = generated.split('\n').find((l) => l.startsWith('- `mos-bsp` completes'));
    expect(sentence).toContain(`completes ${mos} iterations`);
    expect(sentence).toContain(`${mos > linux ? 'more' : mos < linux ? 'fewer' : 'as many'} iterations`);
    expect(sentence).toContain(`\`linux-bsp\` (${linux})`);
  }, 60_000);

  it('findings refuses options it does not know', async () => {
    const f = fakeIO();
    expect(await runCli(['findings', '--seed', '3'], f.io)).toBe(2);
    expect(f.err()).toMatch(/unknown option --seed/);
  });
});
