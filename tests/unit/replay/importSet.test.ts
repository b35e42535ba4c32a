/**
 * The page's import of several strace -ff files: packed into one Blob (the worker message carries
 * one), unpacked in the worker and merged with the pid of each file name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import { importStrace, type ImportOutcome } from '../../../src/worker/importStrace';
import { packStraceFiles, STRACE_FILE_SET_TYPE, unpackStraceFiles } from '../../../src/worker/straceFileSet';
import { ffNames, FIXTURES } from '../strace/helpers';

function files(dir: string): { name: string; blob: Blob }[] {
  return ffNames(dir).map((name) => ({ name, blob: new Blob([readFileSync(join(FIXTURES, dir, name))]) }));
}

function run(blob: Blob): Promise<ImportOutcome> {
  return importStrace(blob, PRESETS.mos, 1, () => undefined);
}

describe('importing a set of strace -ff files in the worker', () => {
  it('merges the files into one replay, pids from the names, whatever the order chosen', async () => {
    const packed = packStraceFiles(files('ff-pipe').reverse());
    if (!packed.ok) throw new Error(packed.message);
    expect(packed.blob.type).toBe(STRACE_FILE_SET_TYPE);
    expect(packed.entries.map((e) => e.pid)).toEqual([13316, 13317, 13318, 13319]);
    const out = await run(packed.blob);
    if (!out.ok) throw new Error(out.message);
    expect(out.summary.calls.total).toBe(494);
    expect(out.summary.pids).toBe(4);
    expect(out.summary.processes).toBe(4);
    expect(out.summary.files?.map((f) => f.name)).toEqual(['pipe.13316', 'pipe.13317', 'pipe.13318', 'pipe.13319']);
    expect(out.workload.kind === 'replay' && out.workload.threads.length).toBe(4);
    expect(out.report?.notCompleted).toBe(0);
  });

  it('unpacks exactly what was packed', async () => {
    const input = files('ff-bg');
    const packed = packStraceFiles(input);
    if (!packed.ok) throw new Error(packed.message);
    const un = await unpackStraceFiles(packed.blob);
    if (!un.ok) throw new Error(un.message);
    for (const f of un.files) {
      const original = input.find((x) => x.name === f.entry.name)!;
      expect(await f.blob.text()).toBe(await original.blob.text());
    }
  });

  it('a single log still imports as before (no pid column: one thread)', async () => {
    const out = await run(new Blob([readFileSync(join(FIXTURES, 'ff-bg', ffNames('ff-bg')[0]))]));
    expect(out.ok && out.summary.pids).toBe(1);
  });

  it('names what is wrong: a name without a pid, a file that is not strace, a malformed set', async () => {
    const noPid = packStraceFiles([...files('ff-bg'), { name: 'README', blob: new Blob(['hi\n']) }]);
    expect(noPid.ok ? '' : noPid.message).toMatch(/README is not named like a file of strace -ff/);
    const notStrace = packStraceFiles([...files('ff-bg'), { name: 'bg.5', blob: new Blob(['\u0089PNG\r\n\u001a\n']) }]);
    if (!notStrace.ok) throw new Error(notStrace.message);
    const out = await run(notStrace.blob);
    expect(out.ok ? '' : out.message).toMatch(/^bg\.5: none of its 2 line\(s\) is strace output/);
    for (const bad of ['', '12\nxx', '0000000002\n[]', '0000000020\n[{"name":"a.1","pid":1,"size":99}]']) {
      const r = await run(new Blob([bad], { type: STRACE_FILE_SET_TYPE }));
      expect(r.ok ? '' : r.message, JSON.stringify(bad)).toMatch(/the set of strace -ff files is malformed/);
    }
  });
});
