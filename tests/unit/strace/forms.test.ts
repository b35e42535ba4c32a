/**
 * strace as people run it: -i (instruction pointers), -n (syscall numbers), -k (stack traces),
 * recorded on this machine (strace 6.1; commands in tests/fixtures/strace/README.md).
 * Expected counts were computed with grep/uniq, independently of the parser:
 *   calls:  grep -cE '^ *([0-9]+ +)?([0-9:.]+ +)?(\[ *[0-9]+\] )?(\[[0-9a-f]+\] )?[a-z_][a-z_0-9]*\(' FILE
 *   byName: the same match | grep -oE '[a-z_][a-z_0-9]*\($' | sort | uniq -c
 *   frames: grep -c '^ > ' FILE;  lines = calls + resumed + '+++'/'---' lines + frames
 */
import { describe, expect, it } from 'vitest';
import { framesOf, summarizeStrace } from '../../../src/engine/strace';
import { syscallNumber } from '../../../src/engine/syscalls/table';
import { fixture, parse, rowsOf } from './helpers';

const LS_NAMES = {
  access: 2, arch_prctl: 1, brk: 3, close: 23, execve: 1, exit_group: 1, futex: 1, getdents64: 2, getrandom: 1, ioctl: 2,
  mmap: 30, mprotect: 5, munmap: 1, newfstatat: 22, openat: 34, pread64: 2, prlimit64: 1, read: 7, rseq: 1,
  set_robust_list: 1, set_tid_address: 1, statfs: 2, statx: 1, write: 1,
};
const FORK_NAMES = { clone: 2, close: 74, execve: 4, futex: 3, mmap: 81, openat: 101, read: 18, vfork: 1, wait4: 5, write: 3, newfstatat: 91, dup2: 4 };
const TRUE_NAMES = {
  access: 1, arch_prctl: 1, brk: 1, close: 2, execve: 1, exit_group: 1, mmap: 8, mprotect: 3, munmap: 1, newfstatat: 2,
  openat: 2, pread64: 2, prlimit64: 1, read: 1, rseq: 1, set_robust_list: 1, set_tid_address: 1,
};
const BG_NAMES = { clock_nanosleep: 1, clone: 1, close: 22, execve: 2, exit_group: 2, mmap: 29, openat: 33, read: 4, rt_sigsuspend: 1, wait4: 3 };

const CASES = [
  { file: 'ls-i.log', lines: 147, calls: 146, pids: 1, processes: 1, byName: LS_NAMES, frames: 0, nr: false, ip: true },
  { file: 'ls-n.log', lines: 147, calls: 146, pids: 1, processes: 1, byName: LS_NAMES, frames: 0, nr: true, ip: false },
  { file: 'fork-f-i-n-tt-T-y.log', lines: 578, calls: 494, pids: 4, processes: 4, byName: FORK_NAMES, frames: 0, nr: true, ip: true },
  { file: 'true-k.log', lines: 272, calls: 30, pids: 1, processes: 1, byName: TRUE_NAMES, frames: 241, nr: false, ip: false },
  { file: 'bg-f-k.log', lines: 1800, calls: 181, pids: 2, processes: 2, byName: BG_NAMES, frames: 1615, nr: false, ip: false },
] as const;

describe('strace -i, -n, -k (real logs)', () => {
  for (const c of CASES) {
    it(`${c.file}: counts per name, pids, processes; no bad lines`, () => {
      const r = parse(fixture(c.file));
      const s = summarizeStrace(r);
      expect(r.skippedLines).toEqual([]);
      expect(r.notStrace).toBe(false);
      expect(r.lines).toBe(c.lines);
      expect(s.calls.total).toBe(c.calls);
      for (const [name, n] of Object.entries(c.byName)) expect(s.calls.byName[name], name).toBe(n);
      expect(s.pids).toBe(c.pids);
      expect(s.processes).toBe(c.processes);
      expect(r.frames.lines).toBe(c.frames);
      expect(r.syscallNumbers).toBe(c.nr);
      expect(r.instructionPointers).toBe(c.ip);
    });
  }

  it('-f -i -n -tt -T -y: the prefixes do not hide the times, durations, fds and paths', () => {
    const r = parse(fixture('fork-f-i-n-tt-T-y.log'));
    expect(r.timestampFormats).toEqual(['tt']);
    // Line 1: 13265 07:50:00.493209 [  59] [00007f5f16f3dad7] execve("/usr/bin/sh", ...) = 0 <0.000141>
    expect(r.names[r.calls.name[0]]).toBe('execve');
    expect(r.calls.startNs[0]).toBe(0);
    for (let i = 0; i < r.calls.length; i++) if (!Number.isNaN(r.calls.ret[i])) expect(Number.isNaN(r.calls.durationNs[i])).toBe(false);
    const opens = rowsOf(r, 'openat').filter((i) => r.calls.ret[i] >= 0);
    expect(opens.length).toBeGreaterThan(0);
    for (const i of opens) expect(r.calls.fd[i]).toBe(r.calls.ret[i]);
    expect(r.paths[r.calls.path[opens[0]]]).toMatch(/^\//);
  });

  it('-n: a call the table does not know takes its number from the prefix', () => {
    const r = parse('[ 451] syscall_cachestat(3, 0, 0) = -1 ENOSYS (Function not implemented)\n[  59] [00007f5f0c334ad7] execve("/bin/true", ["true"], 0x7ffe /* 1 var */) = 0\n');
    expect(r.skippedCount).toBe(0);
    expect(r.calls.nr[0]).toBe(451);
    expect(r.calls.nr[1]).toBe(syscallNumber('execve'));
  });

  it('-i and -n prefixes that are malformed or out of order are named', () => {
    const r = parse('[0000] close(3) = 0\n[00007f5f0c334ad7] [  3] close(3) = 0\n[  3] [  3] close(3) = 0\n[zzzzzzzz] close(3) = 0\n[  3] [????????????????] +++ exited with 0 +++\n');
    expect(r.skippedLines.map((l) => l.lineNumber)).toEqual([2, 3, 4]);
    for (const l of r.skippedLines) expect(l.reason).toMatch(/\[\.\.\.\] prefix/);
    expect(r.calls.length).toBe(1);
    expect(r.exits).toBe(1);
  });

  it('-k: every call of true-k.log carries the frames printed under it, innermost first', () => {
    const text = fixture('true-k.log');
    const r = parse(text);
    const lines = text.split('\n');
    // Rebuild, from the text, the frames that follow each call line.
    const expected: string[][] = [];
    for (const line of lines) {
      if (line.startsWith(' > ')) expected[expected.length - 1].push(line.slice(3));
      else if (/^[a-z_0-9]+\(/.test(line)) expected.push([]);
      else if (line.startsWith('+++')) expected.push(expected.pop()!); // exit_group's frames follow its +++ line
    }
    expect(expected.length).toBe(r.calls.length);
    for (let i = 0; i < r.calls.length; i++) expect(framesOf(r.frames, i), `row ${i}`).toEqual(expected[i]);
    // The dynamic loader closing the library it mapped: "close(3) = 0" then " > ld-linux...(_dl_catch_error+0x8587) [0x20a07]".
    const [close] = rowsOf(r, 'close');
    expect(framesOf(r.frames, close)[0]).toBe('/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2(_dl_catch_error+0x8587) [0x20a07]');
    const [exit] = rowsOf(r, 'exit_group');
    expect(framesOf(r.frames, exit)[0]).toMatch(/\(_exit\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]$/);
  });

  it('-f -k: frames follow the line that completes a call (a resumed line; exit_group\'s +++ line); a signal\'s frames belong to no call', () => {
    const r = parse(fixture('bg-f-k.log'));
    let withFrames = 0;
    for (let i = 0; i < r.calls.length; i++) if (framesOf(r.frames, i).length > 0) withFrames++;
    expect(withFrames).toBe(r.calls.length);
    const [wait] = rowsOf(r, 'wait4').filter((i) => r.calls.ret[i] > 0);
    expect(framesOf(r.frames, wait)[0]).toMatch(/wait4/);
    const exits = rowsOf(r, 'exit_group');
    for (const i of exits) expect(framesOf(r.frames, i)[0]).toMatch(/_exit/);
    const s = summarizeStrace(r);
    expect(s.callSites?.wait4.frames[0]).toMatch(/wait4/);
    expect(s.callSites?.openat.calls).toBeGreaterThan(1);
  });

  it('-k frame lines with nothing before them, or empty, are named; a log of frames only is not strace', () => {
    const r = parse(' > /lib/libc.so.6(close+0x10) [0x10]\nclose(3) = 0\n > /lib/libc.so.6(close+0x10) [0x10]\n >    \n');
    expect(r.skippedLines.map((l) => [l.lineNumber, l.reason])).toEqual([
      [1, 'stack frame line (strace -k) with no call before it'],
      [4, 'malformed stack frame line (expected " > frame" from strace -k)'],
    ]);
    expect(framesOf(r.frames, 0)).toEqual(['/lib/libc.so.6(close+0x10) [0x10]']);
    const quoted = parse('> a quoted mail\n> another line\n');
    expect(quoted.notStrace).toBe(true);
  });

  it('a log without -k allocates no frame columns', () => {
    const r = parse(fixture('ls-n.log'));
    expect(r.frames.count.length).toBe(0);
    expect(framesOf(r.frames, 0)).toEqual([]);
    expect(summarizeStrace(r).callSites).toBeUndefined();
  });
});
