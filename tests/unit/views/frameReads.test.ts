/**
 * The page reads frames only through the named layout (src/worker/frameLayout.ts) and trace
 * events only decoded (src/engine/trace/decode.ts): no `e[o + 4]`, no hard-coded strides.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

const APP = files('src/app').map((path) => ({ path, text: readFileSync(path, 'utf8') }));

/** `x[o + 4]`, `rt[o + 5 + s]`: a field read at a magic offset. */
const RAW_OFFSET = /\[\s*[A-Za-z_$][\w$]*\s*\+\s*\d+[^\]]*\]/g;
/** Arrays indexed this way that are not frame buffers. */
const NOT_FRAMES: Readonly<Record<string, string>> = {
  'src/app/views/memory/rasterCells.ts': 'k[dim + 1]: a colour quadruple [plain, ink, dimmed plain, dimmed ink]',
  'src/app/views/memory/vectorCells.ts': 'k[dim + 1]: the same colour quadruple, for exports',
};

describe('views read frames through the layout and the decoder', () => {
  it('found the app sources', () => {
    expect(APP.length).toBeGreaterThan(30);
    expect(APP.some((f) => f.path.endsWith('frameEvents.ts'))).toBe(true);
  });

  it('no view indexes a buffer at a magic offset', () => {
    const offenders = APP.flatMap(({ path, text }) => (NOT_FRAMES[path] ? [] : (text.match(RAW_OFFSET) ?? []).map((m) => `${path}: ${m}`)));
    expect(offenders).toEqual([]);
    // The exceptions still exist (else they should leave the list).
    for (const path of Object.keys(NOT_FRAMES)) expect(APP.find((f) => f.path === path)?.text).toMatch(RAW_OFFSET);
  });

  it('no view uses a stride constant or reads the raw events buffer (only frameEvents.ts decodes it)', () => {
    const offenders = APP.filter(({ path, text }) => /_STRIDE\b|\bEVENT\.|EVENT_FIELDS/.test(text) || (!path.endsWith('frameEvents.ts') && /buffers\.events|\beventAt\b/.test(text)));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('no view reads raw trace fields a or b', () => {
    // A decoded event has named fields; `.a`/`.b` of a record or batch would be the raw ones.
    const offenders = APP.flatMap(({ path, text }) => (text.match(/\b(?:record|rec|r|batch|ev|e)\.(?:a|b)\b(?!\w)/g) ?? []).map((m) => `${path}: ${m}`));
    expect(offenders).toEqual([]);
  });
});
