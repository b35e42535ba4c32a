/**
 * The repository stands on its own: no tracked file under src/, docs/, tests/, bench/, scripts/
 * or README.md cites a design brief that is not in the repository (by name, or by a path into
 * the shared folder beside the clone), and every pointer into docs/sources.md by fact names a
 * section of docs/sources.md. The needles are built from parts so that this file passes itself.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['src', 'docs', 'tests', 'bench', 'scripts', 'README.md'];
const TEXT = /\.(ts|tsx|js|mjs|cjs|json|md|css|html|txt|sh)$/;

/** Files under the roots that git tracks or would track (not ignored), or every file under them without git. */
function files(): string[] {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...ROOTS], { encoding: 'utf8' });
    return out.split('\0').filter((f) => f !== '' && existsSync(f));
  } catch {
    const walk = (p: string): string[] => (statSync(p).isDirectory() ? readdirSync(p).flatMap((e) => walk(join(p, e))) : [p]);
    return ROOTS.filter((r) => existsSync(r)).flatMap(walk);
  }
}

const textFiles = files().filter((f) => TEXT.test(f) || f === 'README.md');
const BRIEF = ['DESIGN', 'md'].join('.');
const SHARED = ['..', 'shared'].join('/');

/** "file:line: text" for each line holding the needle. */
function hits(needle: string): string[] {
  return textFiles.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .flatMap((line, i) => (line.includes(needle) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('the repository is self-contained', () => {
  it('finds the files it checks', () => {
    expect(textFiles).toContain('README.md');
    expect(textFiles).toContain('docs/sources.md');
    expect(textFiles.some((f) => f.startsWith('src/'))).toBe(true);
  });

  it(`no file cites ${BRIEF.replace('.', ' dot ')}`, () => {
    expect(hits(BRIEF)).toEqual([]);
  });

  it('no file points into the shared folder beside the clone', () => {
    expect(hits(SHARED)).toEqual([]);
  });
});

describe('pointers into docs/sources.md', () => {
  const sources = readFileSync('docs/sources.md', 'utf8');
  const sections = new Set(
    sources
      .split('\n')
      .filter((l) => /^#{2,3} /.test(l))
      .map((l) => l.replace(/^#+ /, '').trim()),
  );
  // "docs/sources.md, IPI latency" (the name ends at punctuation; comment markers and line breaks fold to spaces).
  const POINTER = /docs\/sources\.md`?, ([^)`'";:,.|]+)/g;

  it('every pointer names a section', () => {
    const bad: string[] = [];
    let count = 0;
    for (const f of textFiles) {
      const text = readFileSync(f, 'utf8').replace(/\s*\n\s*(?:\*(?!\/)\s*|\/\/\s*)?/g, ' ');
      for (const m of text.matchAll(POINTER)) {
        count++;
        const name = m[1].trim();
        if (!sections.has(name)) bad.push(`${f}: "${name}"`);
      }
    }
    expect(bad).toEqual([]);
    expect(count).toBeGreaterThan(10);
  });

  it('the sections the parameters cite exist', () => {
    for (const name of ['IPI latency', 'vDSO calls', 'Minor page faults', 'TLB miss and page walk', 'Tuned Linux noise', 'Blue Gene I/O nodes', 'Noise at scale']) {
      expect(sections).toContain(name);
    }
  });
});
