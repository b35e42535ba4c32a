/**
 * strace -ff -o PREFIX writes one file per thread (PREFIX.PID, no pid column): a set of them is
 * merged into one parse with the pid taken from each name. The same programs were also traced
 * with -f into one file in the same session (tests/fixtures/strace/README.md): the merge must give
 * the same calls per name and per thread (pids differ between the two runs: threads are matched
 * in pid order, which is creation order here). Totals per set were counted with grep:
 *   grep -cE '^ *([0-9:.]+ +)?[a-z_][a-z_0-9]*\(' PREFIX.*
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  orderFfFiles, parseStraceFiles, pidFromFileName, summarizeStrace, type StraceResult,
} from '../../../src/engine/strace';
import { straceToWorkload } from '../../../src/engine/strace/toWorkload';
import { replayStrace } from '../../../src/engine/strace/replay';
import { ffNames, FIXTURES, fixture, parse } from './helpers';

function ffSet(dir: string): StraceResult {
  const ordered = orderFfFiles(ffNames(dir), (n) => n);
  if (!ordered.ok) throw new Error(ordered.message);
  return parseStraceFiles(ordered.files.map((f) => ({ name: f.name, pid: f.pid, chunks: [readFileSync(join(FIXTURES, dir, f.name))] })));
}

/** Calls per thread, in tid order. */
function perThread(r: StraceResult): number[] {
  const m = new Map<number, number>();
  for (let i = 0; i < r.calls.length; i++) m.set(r.calls.tid[i], (m.get(r.calls.tid[i]) ?? 0) + 1);
  return [...m].sort((a, b) => a[0] - b[0]).map(([, n]) => n);
}

/** The thread tree with tids replaced by their rank (pid order), so two runs compare. */
function shape(r: StraceResult): { process: number; parent: number }[] {
  const rank = new Map(r.threads.map((t, k) => [t.tid, k]));
  return r.threads.map((t) => ({ process: rank.get(t.process) ?? -1, parent: rank.get(t.parent) ?? -1 }));
}

const SETS = [
  { dir: 'ff-pipe', single: 'pipe-f.log', files: 4, calls: 494, perFile: [101, 147, 123, 123], processes: 4 },
  { dir: 'ff-bg', single: 'bg-f-tt-T.log', files: 2, calls: 181, perFile: [57, 124], processes: 2 },
] as const;

describe('strace -ff files merged', () => {
  for (const s of SETS) {
    it(`${s.dir}: one run, pids from the file names, equal per name and per thread to ${s.single}`, () => {
      const ff = ffSet(s.dir);
      const f = parse(fixture(s.single));
      expect(ff.skippedLines).toEqual([]);
      expect(ff.files.length).toBe(s.files);
      expect(ff.files.map((x) => x.pid)).toEqual([...ff.files.map((x) => x.pid)].sort((a, b) => a - b));
      expect(ff.files.map((x) => x.parsedLines === x.lines)).toEqual(ff.files.map(() => true));
      expect(ff.calls.length).toBe(s.calls);
      expect(perThread(ff)).toEqual(s.perFile);
      expect(ff.pids).toBe(s.files);
      expect(ff.processes).toBe(s.processes);
      expect(new Set(ff.calls.tid)).toEqual(new Set(ff.files.map((x) => x.pid)));
      // The same program traced with -f into one file.
      expect(summarizeStrace(ff).calls).toEqual(summarizeStrace(f).calls);
      expect(perThread(ff)).toEqual(perThread(f));
      expect(shape(ff)).toEqual(shape(f));
    });
  }

  it('ff-bg (-tt -T): times of all files share one origin, the earliest line; the child starts after its parent', () => {
    const r = ffSet('ff-bg');
    const [parent, child] = r.files.map((x) => x.pid);
    const first = (tid: number) => r.calls.startNs[r.calls.tid.indexOf(tid)];
    expect(first(parent)).toBe(0);
    expect(first(child)).toBeGreaterThan(0);
    expect(r.timeOrigin).toBe(fixture(`ff-bg/bg.${parent}`).split(' ')[0]);
    const w = straceToWorkload(r);
    expect(w.threads.map((t) => t.startNs > 0)).toEqual([false, true]);
  });

  it('files given in any order merge identically (ordered by pid)', () => {
    const names = ffNames('ff-pipe');
    const a = orderFfFiles(names, (n) => n);
    const b = orderFfFiles([...names].reverse(), (n) => n);
    expect(a.ok && b.ok && a.files.map((f) => f.name)).toEqual(b.ok && b.files.map((f) => f.name));
  });

  it('ff-threads: one process of four threads (clone3 with CLONE_THREAD across files)', () => {
    const r = ffSet('ff-threads');
    expect(r.skippedLines).toEqual([]);
    expect(r.pids).toBe(4);
    expect(r.processes).toBe(1);
    expect(perThread(r)).toEqual([57, 11, 11, 11]);
    const leader = r.threads[0].tid;
    expect(r.threads.every((t) => t.process === leader)).toBe(true);
    // Against the -f recording of the same program (a separate run): the same calls but futex,
    // whose count depends on whether pthread_join had to wait.
    const f = summarizeStrace(parse(fixture('threads-f-tt-T.log'))).calls.byName;
    const ff = summarizeStrace(r).calls.byName;
    for (const name of new Set([...Object.keys(f), ...Object.keys(ff)])) if (name !== 'futex') expect(ff[name], name).toBe(f[name]);
  });

  it('replays a merged set: every call of every file routed and completed', () => {
    const r = replayStrace(ffSet('ff-pipe'), 'mos', 1);
    expect(r.calls.total).toBe(494);
    expect(r.threads).toBe(4);
    expect(r.files?.map((f) => f.name)).toEqual(['pipe.13316', 'pipe.13317', 'pipe.13318', 'pipe.13319']);
    expect(r.routes.glibc + r.routes.lwk + r.routes.linux + r.routes.osnode).toBe(494);
    expect(r.notCompleted).toBe(0);
  });

  it('names skipped lines by file and line number; line numbers restart per file', () => {
    const r = parseStraceFiles([
      { name: 'run.10', pid: 10, chunks: [new TextEncoder().encode('close(3) = 0\ngarbage\n')] },
      { name: 'run.11', pid: 11, chunks: [new TextEncoder().encode('getpid() = 11\nclose(4) = 0\nmore garbage')] },
    ]);
    expect(r.skippedLines.map((l) => [l.file, l.lineNumber])).toEqual([['run.10', 2], ['run.11', 3]]);
    expect(Array.from(r.calls.tid)).toEqual([10, 11, 11]);
    expect(r.files).toEqual([
      { name: 'run.10', pid: 10, lines: 2, parsedLines: 1 },
      { name: 'run.11', pid: 11, lines: 3, parsedLines: 2 },
    ]);
  });

  it('a file without its newline at the end does not run into the next file', () => {
    const r = parseStraceFiles([
      { name: 'a.1', pid: 1, chunks: [new TextEncoder().encode('close(3) = 0')] },
      { name: 'a.2', pid: 2, chunks: [new TextEncoder().encode('close(4) = 0\n')] },
    ]);
    expect(Array.from(r.calls.tid)).toEqual([1, 2]);
    expect(Array.from(r.calls.fd)).toEqual([3, 4]);
  });

  it('takes the pid from PREFIX.PID names only', () => {
    expect(pidFromFileName('trace.7711')).toBe(7711);
    expect(pidFromFileName('/tmp/run/trace.7711')).toBe(7711);
    expect(pidFromFileName('C:\\runs\\trace.42')).toBe(42);
    for (const bad of ['trace.log', 'trace', '.7711', 'trace.', 'trace.0', 'trace.99999999', 'trace.12a']) expect(pidFromFileName(bad), bad).toBe(-1);
    const o = orderFfFiles(['t.5', 'notes.txt'], (n) => n);
    expect(o.ok ? '' : o.message).toMatch(/notes\.txt is not named like a file of strace -ff/);
    const d = orderFfFiles(['a/t.5', 'b/t.5'], (n) => n);
    expect(d.ok ? '' : d.message).toMatch(/both for pid 5/);
  });
});
