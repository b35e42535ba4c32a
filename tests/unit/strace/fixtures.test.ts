/**
 * Real strace logs recorded on this machine (strace 6.1, see tests/fixtures/strace/README.md).
 * Expected numbers were computed independently of the parser, with grep/uniq/awk:
 *   calls:  grep -cE '^ *(\[pid +[0-9]+\] |[0-9]+ +)?([0-9:.]+ +)?[a-z_][a-z_0-9]*\(' FILE
 *   byName: the same match | grep -oE '[a-z_][a-z_0-9]*\($' | sort | uniq -c
 *   pids:   grep -oE '^[0-9]+ ' FILE | sort -u | wc -l   (1 when the log has no pid column)
 *   processes: by reading the clone/clone3/vfork lines (CLONE_THREAD or not).
 *   lines = calls + '<... resumed>' lines (grep -c 'resumed>') + '---'/'+++' lines.
 */
import { describe, expect, it } from 'vitest';
import { summarizeStrace } from '../../../src/engine/strace';
import { fixture, parse } from './helpers';

const FORK_NAMES = { clone: 2, close: 74, execve: 4, futex: 3, mmap: 81, openat: 101, read: 18, vfork: 1, wait4: 5, write: 3 };
const SINGLE_NAMES = { close: 20, execve: 1, futex: 1, mmap: 22, openat: 31, read: 5, write: 1 };
const THREAD_NAMES = { clone3: 3, close: 6, execve: 1, futex: 3, mmap: 11, openat: 5, read: 6, write: 4 };
const SINGLE_R_NAMES = { clone3: 3, close: 3, execve: 1, futex: 3, mmap: 11, openat: 2, read: 3, write: 1 };
const SOCKET_NAMES = { close: 7, execve: 1, mmap: 8, openat: 3, read: 2, write: 1 };

interface Case {
  readonly file: string;
  readonly lines: number;
  readonly calls: number;
  readonly pids: number;
  readonly processes: number;
  readonly formats: readonly string[];
  readonly byName: Readonly<Record<string, number>>;
  readonly durations: boolean;
}

const CASES: readonly Case[] = [
  { file: 'fork-f.log', lines: 746, calls: 494, pids: 4, processes: 4, formats: ['none'], byName: FORK_NAMES, durations: false },
  { file: 'fork-f-t.log', lines: 758, calls: 494, pids: 4, processes: 4, formats: ['t'], byName: FORK_NAMES, durations: false },
  { file: 'fork-f-r.log', lines: 695, calls: 494, pids: 4, processes: 4, formats: ['r'], byName: FORK_NAMES, durations: false },
  { file: 'fork-f-ttt-T.log', lines: 646, calls: 494, pids: 4, processes: 4, formats: ['ttt'], byName: FORK_NAMES, durations: true },
  { file: 'fork-f-y.log', lines: 666, calls: 494, pids: 4, processes: 4, formats: ['none'], byName: FORK_NAMES, durations: false },
  { file: 'fork-f-yy-tt-T.log', lines: 740, calls: 494, pids: 4, processes: 4, formats: ['tt'], byName: FORK_NAMES, durations: true },
  { file: 'single-none.log', lines: 120, calls: 119, pids: 1, processes: 1, formats: ['none'], byName: SINGLE_NAMES, durations: false },
  { file: 'single-tt-T-y.log', lines: 120, calls: 119, pids: 1, processes: 1, formats: ['tt'], byName: SINGLE_NAMES, durations: true },
  { file: 'single-r.log', lines: 59, calls: 58, pids: 1, processes: 1, formats: ['r'], byName: SINGLE_R_NAMES, durations: false },
  { file: 'threads-f-tt-T.log', lines: 129, calls: 91, pids: 4, processes: 1, formats: ['tt'], byName: THREAD_NAMES, durations: true },
  { file: 'threads-f-yy-ttt.log', lines: 130, calls: 91, pids: 4, processes: 1, formats: ['ttt'], byName: THREAD_NAMES, durations: false },
  { file: 'sockets-f-yy-tt-T.log', lines: 49, calls: 48, pids: 1, processes: 1, formats: ['tt'], byName: SOCKET_NAMES, durations: true },
  { file: 'sockets-y.log', lines: 49, calls: 48, pids: 1, processes: 1, formats: ['none'], byName: SOCKET_NAMES, durations: false },
];

describe('real strace fixtures', () => {
  for (const c of CASES) {
    it(`${c.file}: counts calls per name, pids and processes`, () => {
      const r = parse(fixture(c.file));
      const s = summarizeStrace(r);
      expect(r.skippedLines).toEqual([]);
      expect(r.notStrace).toBe(false);
      expect(r.lines).toBe(c.lines);
      expect(s.calls.total).toBe(c.calls);
      for (const [name, n] of Object.entries(c.byName)) expect(s.calls.byName[name], name).toBe(n);
      expect(s.pids).toBe(c.pids);
      expect(s.processes).toBe(c.processes);
      expect(r.timestampFormats).toEqual(c.formats);
      expect(r.pidColumn).toBe(c.pids > 1 || c.file.includes('-f'));
    });

    it(`${c.file}: times and durations`, () => {
      const r = parse(fixture(c.file));
      const { startNs, durationNs, ret, length } = r.calls;
      const timed = c.formats[0] !== 'none';
      for (let i = 0; i < length; i++) {
        expect(Number.isNaN(startNs[i])).toBe(!timed);
        if (timed) expect(startNs[i]).toBeGreaterThanOrEqual(0);
        // -T prints a duration on every call that returned (not on `= ?`).
        if (!Number.isNaN(ret[i])) expect(Number.isNaN(durationNs[i])).toBe(!c.durations);
      }
      if (timed) expect(startNs[0]).toBe(0);
    });
  }

  it('rows of a -f log are in start order per thread and rebuild the thread tree', () => {
    const r = parse(fixture('threads-f-tt-T.log'));
    const leader = r.threads[0];
    expect(r.threads.map((t) => t.process)).toEqual([leader.tid, leader.tid, leader.tid, leader.tid]);
    expect(r.threads.slice(1).every((t) => t.parent === leader.tid)).toBe(true);
    const f = parse(fixture('fork-f.log'));
    expect(new Set(f.threads.map((t) => t.process)).size).toBe(4);
    expect(f.threads.slice(1).every((t) => t.parent === f.threads[0].tid && t.process === t.tid)).toBe(true);
  });

  it('reads relative (-r) and epoch (-ttt) times as ns since the first line', () => {
    const r = parse(fixture('single-r.log'));
    // Second line of single-r.log: "     0.000268 brk(NULL) ..." (the first is 0.000000).
    expect(r.calls.startNs[1]).toBe(268_000);
    expect(r.calls.startNs[2]).toBe(268_000 + 235_000);
    const t = parse(fixture('fork-f-ttt-T.log'));
    expect(t.timeOrigin).toBe('1795898966.959715');
    // Line 2: 1795898966.960291 brk(NULL) = ... <0.000062>
    expect(t.calls.startNs[1]).toBe(576_000);
    expect(t.calls.durationNs[1]).toBe(62_000);
  });
});
