/** `mos-explorer replay` and `run --trace/--csv`, run in-process with a fake CliIO. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/dispatch';
import type { CliIO } from '../../../src/cli/io';
import { ffNames, fixture } from '../strace/helpers';
import { ROUTES } from '../../../src/engine/descriptors';

/** The files of a recorded strace -ff set, keyed by name. */
function ffFiles(dir: string): Record<string, string> {
  return Object.fromEntries(ffNames(dir).map((n) => [n, fixture(`${dir}/${n}`)]));
}

function fakeIO(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: CliIO = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    readFile: (p) => (p in files ? Promise.resolve(new TextEncoder().encode(files[p])) : Promise.reject(new Error('ENOENT: no such file'))),
    writeFile: (p, d) => {
      written[p] = typeof d === 'string' ? d : new TextDecoder().decode(d);
      return Promise.resolve();
    },
  };
  return { io, out, err, written };
}

describe('mos-explorer replay', () => {
  it('--json: counts per name, pids, processes, routes', async () => {
    const f = fakeIO({ 'fork.log': fixture('fork-f-yy-tt-T.log') });
    expect(await runCli(['replay', 'fork.log', '--preset', 'mos', '--json'], f.io)).toBe(0);
    const j = JSON.parse(f.out.join(''));
    expect(j.calls.total).toBe(494);
    expect(j.calls.byName.openat).toBe(101);
    expect(j.calls.byName.wait4).toBe(5);
    expect(j.pids).toBe(4);
    expect(j.processes).toBe(4);
    // Every registered route is listed (designs may register more); under mos only these four serve calls.
    expect(Object.keys(j.routes).sort()).toEqual(ROUTES.map((r) => r.key).sort());
    expect(j.routes.glibc + j.routes.lwk + j.routes.linux + j.routes.osnode).toBe(494);
    expect(j.skippedLines).toEqual([]);
    expect(j.tracedNote).toMatch(/strace's own overhead/);
    expect(j.perCall).toBeUndefined();
  });

  it('text output is a table with the traced column labelled; --calls lists every call', async () => {
    const f = fakeIO({ 't.log': fixture('threads-f-tt-T.log') });
    expect(await runCli(['replay', 't.log', '--calls'], f.io)).toBe(0);
    const text = f.out.join('');
    expect(text).toMatch(/calls 91 +pids 4 +processes 1/);
    expect(text).toMatch(/includes strace overhead/);
    expect(text).toMatch(/^futex +3 /m);
    expect(text.split('\n').filter((l) => /^\d+ +\w+ +(glibc|lwk|linux|osnode) /.test(l)).length).toBe(91);
  });

  it('a file that is not strace output exits with status 2 and says so', async () => {
    const f = fakeIO({ 'data.csv': 'metric,value\nfoo,1\n' });
    expect(await runCli(['replay', 'data.csv'], f.io)).toBe(2);
    expect(f.err.join('')).toMatch(/not strace output/);
    expect(f.out.join('')).toBe('');
  });

  it('a partly broken file: good lines are replayed, bad ones listed', async () => {
    const lines = fixture('single-tt-T-y.log').split('\n');
    lines.splice(3, 0, 'this is not a line of strace');
    lines.splice(10, 0, '\u0000\u0001 garbage (((');
    const f = fakeIO({ 'b.log': lines.join('\n') });
    expect(await runCli(['replay', 'b.log', '--json', '--preset', 'linux'], f.io)).toBe(0);
    const j = JSON.parse(f.out.join(''));
    expect(j.calls.total).toBe(119);
    expect(j.skippedLines.map((l: { line: number }) => l.line)).toEqual([4, 11]);
    expect(typeof j.skippedLines[0].reason).toBe('string');
  });

  it('several -ff files (trace.PID) are merged into one run, the pids taken from the names', async () => {
    const files = ffFiles('ff-pipe');
    const names = Object.keys(files).reverse();
    const f = fakeIO(files);
    expect(await runCli(['replay', ...names, '--json'], f.io)).toBe(0);
    const j = JSON.parse(f.out.join(''));
    expect(j.calls.total).toBe(494);
    expect(j.calls.byName.openat).toBe(101);
    expect(j.pids).toBe(4);
    expect(j.processes).toBe(4);
    expect(j.files.map((x: { name: string; pid: number }) => x.pid)).toEqual([13316, 13317, 13318, 13319]);
    const t = fakeIO(files);
    expect(await runCli(['replay', ...names], t.io)).toBe(0);
    expect(t.out.join('')).toMatch(/4 strace -ff files merged: pipe\.13316 \(pid 13316\), pipe\.13317/);
  });

  it('several files that are not an -ff set are refused, naming the file', async () => {
    const files = { ...ffFiles('ff-bg'), 'notes.txt': 'hello\n' };
    const f = fakeIO(files);
    expect(await runCli(['replay', ...Object.keys(files)], f.io)).toBe(2);
    expect(f.err.join('')).toMatch(/notes\.txt is not named like a file of strace -ff/);
    const g = fakeIO({ ...ffFiles('ff-bg'), 'bg.99': 'a,b,c\n1,2,3\n' });
    expect(await runCli(['replay', 'bg.99', ...Object.keys(ffFiles('ff-bg'))], g.io)).toBe(2);
    expect(g.err.join('')).toMatch(/bg\.99: none of its 2 line\(s\) is strace output/);
  });

  it('-k: --json --calls gives each call its stack frames', async () => {
    const f = fakeIO({ 'k.log': fixture('true-k.log') });
    expect(await runCli(['replay', 'k.log', '--json', '--calls'], f.io)).toBe(0);
    const j = JSON.parse(f.out.join(''));
    expect(j.skippedLines).toEqual([]);
    expect(j.perCall.length).toBe(30);
    expect(j.perCall.every((c: { frames?: string[] }) => (c.frames?.length ?? 0) > 0)).toBe(true);
    expect(j.perCall.find((c: { name: string }) => c.name === 'exit_group').frames[0]).toMatch(/_exit\+0x/);
  });

  it('names the lines whose byte counts were capped', async () => {
    const f = fakeIO({ 'big.log': '1000 1.0 read(3, "x", 10000000000000) = 10000000000000\n' });
    expect(await runCli(['replay', 'big.log'], f.io)).toBe(0);
    expect(f.out.join('')).toMatch(/1 line\(s\) with values capped:\n  line 1: read of 10000000000000 bytes: Linux moves at most 2147479552/);
  });

  it('bad usage exits with status 2', async () => {
    expect(await runCli(['replay'], fakeIO({}).io)).toBe(2);
    expect(await runCli(['replay', 'x.log', '--preset', 'nope'], fakeIO({ 'x.log': 'close(3) = 0\n' }).io)).toBe(2);
    expect(await runCli(['replay', 'missing.log'], fakeIO({}).io)).toBe(2);
  });
});

describe('mos-explorer run --trace --csv', () => {
  it('writes a Chrome trace and a metrics CSV of the same run', async () => {
    const f = fakeIO({});
    expect(await runCli(['run', '--preset', 'mos', '--until', '12ms', '--trace', 'out.json', '--csv', 'out.csv'], f.io)).toBe(0);
    const trace = JSON.parse(f.written['out.json']);
    expect(trace.displayTimeUnit).toBe('ns');
    expect(trace.metadata.preset).toBe('mos');
    expect(trace.metadata.untilNs).toBe(12_000_000);
    expect(trace.traceEvents.length).toBeGreaterThan(100);
    expect(f.written['out.csv'].startsWith('metric,value\r\n')).toBe(true);
    expect(f.written['out.csv']).toMatch(/\r\npreset,mos\r\n/);
  });
});
