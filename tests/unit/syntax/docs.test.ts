/** docs/syntax.md keeps up with the option tables: every option of every command is described there. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MCREBOOT_OPTIONS } from '../../../src/engine/config/syntax/mcreboot';
import { MCEXEC_OPTIONS } from '../../../src/engine/config/syntax/mcexec';
import { LWKCTL_OPTIONS } from '../../../src/engine/config/syntax/lwkctl';
import { YOD_OPTIONS } from '../../../src/engine/config/syntax/yod';
import { MCKERNEL_SYNTAX } from '../../../src/engine/config/syntax/mckernelSyntax';
import { MOS_SYNTAX } from '../../../src/engine/config/syntax/mosSyntax';

const doc = readFileSync(new URL('../../../docs/syntax.md', import.meta.url), 'utf8');

describe('docs/syntax.md', () => {
  it('names every option of mcreboot.sh, mcexec, lwkctl and yod', () => {
    for (const [command, specs] of [['mcreboot.sh', MCREBOOT_OPTIONS], ['mcexec', MCEXEC_OPTIONS], ['lwkctl', LWKCTL_OPTIONS], ['yod', YOD_OPTIONS]] as const) {
      for (const spec of specs) {
        const names = [...(spec.short ? [`-${spec.short}`] : []), ...(spec.long ?? []).map((l) => `--${l}`)];
        // Each in backquotes, alone or after its command (`mcexec -n N`, `-R`/`--resources`).
        for (const name of names) expect(doc, `${command} ${name}`).toMatch(new RegExp(`\`(${command.replace('.', '\\.')} )?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\` =]`));
      }
    }
  });

  it('shows the examples the designs show', () => {
    expect(doc).toContain(MCKERNEL_SYNTAX.example);
    expect(doc).toContain(MOS_SYNTAX.example);
  });
});
