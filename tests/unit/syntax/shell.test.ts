/** The shell-like reading under both syntaxes: words keep where each character was written. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitCommands } from '../../../src/engine/config/syntax/shell';
import { getopt } from '../../../src/engine/config/syntax/getopt';
import { MCKERNEL_SYNTAX } from '../../../src/engine/config/syntax/mckernelSyntax';
import { MOS_SYNTAX } from '../../../src/engine/config/syntax/mosSyntax';
import type { Diagnostic } from '../../../src/engine/config/diagnostic';
import { KNL, TWO_SOCKET } from './helpers';

describe('command lines', () => {
  it('split into commands at ; && and new lines, into words at blanks, with quotes, escapes and comments', () => {
    const errors: Diagnostic[] = [];
    const text = `a 'b c'd "e\\"f" g\\ h # note\n\nx && y;z \\\n w`;
    const cmds = splitCommands(text, errors);
    expect(errors).toEqual([]);
    expect(cmds.map((c) => c.words.map((w) => w.text))).toEqual([['a', 'b cd', 'e"f', 'g h'], ['x'], ['y'], ['z', 'w']]);
    // Every character of a word maps back to where it stands in the text.
    for (const c of cmds) for (const w of c.words) for (let i = 0; i < w.text.length; i++) expect(text[w.map[i]]).toBe(w.text[i]);
  });

  it('refuse what a shell would run rather than read', () => {
    const errors: Diagnostic[] = [];
    splitCommands('a > out; b `c` "$d" &', errors);
    expect(errors.map((e) => e.message)).toEqual([
      "a redirection ('>') is not read here: give the command and its options only",
      'command substitution (`…`) is not read here: write the value itself',
      'command substitution (`…`) is not read here: write the value itself',
      'variables and substitutions ($…) are not expanded here: write the value itself',
      "running in the background ('&') is not read here: separate commands with ';' or a new line",
    ]);
  });

  it('read options as getopt_long does: clusters, attached values, --name=value, prefixes, --', () => {
    const errors: Diagnostic[] = [];
    const warnings: Diagnostic[] = [];
    const words = splitCommands('-ab -cX --long=1 --lo 2 -- -d prog', errors)[0].words;
    const specs = [
      { key: 'a', short: 'a', arg: 'none' as const, repeat: true },
      { key: 'b', short: 'b', arg: 'none' as const },
      { key: 'c', short: 'c', arg: 'required' as const },
      { key: 'long', long: ['long'], arg: 'required' as const, repeat: true },
    ];
    const r = getopt('tool', words, specs, errors, warnings);
    expect(errors).toEqual([]);
    expect(r.uses.map((u) => [u.written, u.value?.text])).toEqual([['-a', undefined], ['-b', undefined], ['-c', 'X'], ['--long', '1'], ['--long', '2']]);
    expect(r.operands.map((w) => w.text)).toEqual(['-d', 'prog']);
  });

  it('never throw, and place every problem inside the text, whatever is typed', () => {
    const alphabet = fc.constantFrom(...'mcreboot.sh mcexec lwkctl yod -c -m -r -n -R -o -p 0123456789 @ : + , . / \' " ; \n \\ lwkcpus= lwkmem= G M = all auto x'.split(' '), ' ', '-');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), fc.boolean(), (parts, knl) => {
        const text = parts.join(parts.length % 2 ? ' ' : '');
        for (const syntax of [MCKERNEL_SYNTAX, MOS_SYNTAX]) {
          const r = syntax.parse(text, knl ? KNL : TWO_SOCKET);
          const diags = r.ok ? r.warnings : r.errors;
          for (const d of diags) {
            expect(d.start).toBeGreaterThanOrEqual(0);
            expect(d.end).toBeLessThanOrEqual(text.length);
            expect(d.start).toBeLessThanOrEqual(d.end);
            expect(d.message).not.toMatch(/internal error/);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
