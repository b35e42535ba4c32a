import { describe, expect, it } from 'vitest';
import {
  CALL_COMPLETE, CALL_DETACHED, CALL_ORPHAN_RESUMED, CALL_UNFINISHED, summarizeStrace,
} from '../../../src/engine/strace';
import { FD_KINDS } from '../../../src/engine/syscalls/classes';
import { fixture, parse, rowsOf } from './helpers';

describe('hand-made edge cases (tests/fixtures/strace/edge-cases.log)', () => {
  const r = parse(fixture('edge-cases.log'));
  const c = r.calls;

  it('counts each call once, unfinished/resumed pairs included', () => {
    const s = summarizeStrace(r);
    expect(s.calls.byName).toEqual({
      clone3: 1, execve: 1, exit_group: 1, futex: 1, nanosleep: 1, openat: 1, read: 1, vfork: 1, wait4: 1, write: 1,
    });
    expect(r.lines).toBe(23);
    expect(r.parsedLines + r.skippedCount).toBe(r.lines);
  });

  it('takes the start from the unfinished line and the rest from the resumed one', () => {
    const [o] = rowsOf(r, 'openat');
    expect(c.startNs[o]).toBe(0);
    expect(c.durationNs[o]).toBe(200_000);
    expect(c.ret[o]).toBe(-1);
    expect(r.errnos[c.errno[o]]).toBe('ENOENT');
    // The path is kept as printed, escapes included.
    expect(r.paths[c.path[o]]).toBe('/tmp/a(b)\\"c=d\\n\\0');
    expect(c.status[o]).toBe(CALL_COMPLETE);
  });

  it('is not fooled by quoted text that looks like syntax', () => {
    const [w] = rowsOf(r, 'write');
    expect(c.ret[w]).toBe(33);
    expect(c.bytes[w]).toBe(33);
    expect(c.fd[w]).toBe(1);
    expect(c.status[w]).toBe(CALL_COMPLETE);
  });

  it('rebuilds processes: clone3 with CLONE_THREAD joins, vfork starts a process', () => {
    const byTid = new Map(r.threads.map((t) => [t.tid, t]));
    expect(byTid.get(1002)).toEqual({ tid: 1002, process: 1001, parent: 1001 });
    expect(byTid.get(1003)).toEqual({ tid: 1003, process: 1003, parent: 1000 });
    expect(r.pids).toBe(4);
    expect(r.processes).toBe(3);
  });

  it('handles = ?, ERESTART*, detached and never-resumed calls, signals and exits', () => {
    const [e] = rowsOf(r, 'exit_group');
    expect(Number.isNaN(c.ret[e])).toBe(true);
    const [n] = rowsOf(r, 'nanosleep');
    expect(Number.isNaN(c.ret[n])).toBe(true);
    expect(r.errnos[c.errno[n]]).toBe('ERESTART_RESTARTBLOCK');
    expect(c.durationNs[n]).toBe(300_000);
    expect(c.blocking[n]).toBe(1);
    expect(c.status[rowsOf(r, 'read')[0]]).toBe(CALL_DETACHED);
    expect(c.status[rowsOf(r, 'wait4')[0]]).toBe(CALL_UNFINISHED);
    expect(c.blocking[rowsOf(r, 'futex')[0]]).toBe(0); // FUTEX_WAKE does not wait
    expect(r.signals).toBe(1);
    expect(r.exits).toBe(3);
  });

  it('lists garbage lines with their line number and a reason', () => {
    expect(r.skippedLines.map((l) => l.lineNumber)).toEqual([18, 19, 21, 22, 23]);
    expect(r.skippedLines[0]).toEqual({ lineNumber: 18, line: 'this is not a strace line', reason: 'not a syscall line' });
    expect(r.skippedLines[1].reason).toMatch(/unterminated/);
    expect(r.notStrace).toBe(false);
  });
});

describe('single-line formats', () => {
  it('accepts the "[pid N]" prefix strace prints on a terminal', () => {
    const r = parse('[pid  4242] 12:00:01 close(3) = 0\n[pid  4243] getpid() = 4243\n');
    expect(Array.from(r.calls.tid)).toEqual([4242, 4243]);
    expect(r.pids).toBe(2);
    expect(r.timestampFormats).toEqual(['none', 't']);
  });

  it('uses tid 0 and one process without a pid column', () => {
    const r = parse('close(3) = 0\nclone(child_stack=NULL, flags=SIGCHLD) = 77\n');
    expect(Array.from(r.calls.tid)).toEqual([0, 0]);
    expect(r.threads).toEqual([]);
    expect(r.pids).toBe(1);
    expect(r.processes).toBe(1);
  });

  it('keeps a resumed call whose start is missing (the log began mid-call)', () => {
    const r = parse('12  <... read resumed>"abc", 64) = 3\n');
    expect(r.calls.length).toBe(1);
    expect(r.calls.status[0]).toBe(CALL_ORPHAN_RESUMED);
    expect(r.calls.ret[0]).toBe(3);
    expect(r.calls.bytes[0]).toBe(3);
  });

  it('classifies -y/-yy fd decorations', () => {
    const r = parse([
      'read(3</etc/passwd>, "", 10) = 0',
      'read(0</dev/pts/1<char 136:1>>, "", 10) = 0',
      'read(4<pipe:[123]>, "", 10) = 0',
      'recvfrom(5<TCP:[127.0.0.1:80->127.0.0.1:5000]>, "", 10, 0, NULL, NULL) = 0',
      'read(6</dev/null<char 1:3>>, "", 10) = 0',
      'read(7<anon_inode:[eventfd]>, "", 8) = 8',
      // strace escapes '>' in decorations as \76 (recorded with a file named "x>y(z").
      'read(8</tmp/x\\76y(z>, "", 10) = 0',
    ].join('\n'));
    expect(Array.from(r.calls.fdKind, (k) => FD_KINDS[k])).toEqual(['file', 'tty', 'pipe', 'socket', 'device', 'anon', 'file']);
    expect(Array.from(r.calls.blocking)).toEqual([0, 1, 1, 1, 0, 0, 0]);
    expect(Array.from(r.calls.path, (p) => r.paths[p])).toEqual([
      '/etc/passwd', '/dev/pts/1', 'pipe:[123]', 'TCP:[127.0.0.1:80->127.0.0.1:5000]', '/dev/null', 'anon_inode:[eventfd]', '/tmp/x\\76y(z',
    ]);
  });

  it('records the requested length when a read fails, and the new fd of fd-creating calls', () => {
    const r = parse('read(3, 0x7ffd, 4096) = -1 EAGAIN (Resource temporarily unavailable)\nopenat(AT_FDCWD</home>, "f", O_RDONLY) = 5</home/f>\n');
    expect(r.calls.bytes[0]).toBe(4096);
    expect(r.calls.fd[1]).toBe(5);
    expect(r.paths[r.calls.path[1]]).toBe('f');
    expect(FD_KINDS[r.calls.fdKind[1]]).toBe('file');
  });

  it('names unknown syscalls by number and crosses midnight in -tt logs', () => {
    const r = parse('23:59:59.999000 syscall_0x1c8(0, 0) = -1 ENOSYS (Function not implemented)\n00:00:00.001000 getpid() = 1\n');
    expect(r.calls.nr[0]).toBe(0x1c8);
    expect(r.calls.startNs[1]).toBe(2_000_000);
  });

  it('accepts nanosecond timestamps and CRLF line ends', () => {
    const r = parse('12:00:00.123456789 close(3) = 0 <0.000001234>\r\n12:00:00.123456790 close(4) = 0\r\n');
    expect(r.skippedCount).toBe(0);
    expect(r.calls.startNs[1]).toBe(1);
    expect(r.calls.durationNs[0]).toBe(1234);
  });
});
