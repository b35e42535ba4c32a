/**
 * Numbers beyond what Linux can show (a corrupted or hand-made line) never become unbounded work:
 * byte counts above MAX_RW_COUNT are capped with a warning naming the line; pids, timestamps
 * and fds out of range reject the line (or drop the field) with a reason.
 */
import { describe, expect, it } from 'vitest';
import { MAX_RW_COUNT, PID_MAX_LIMIT, summarizeStrace } from '../../../src/engine/strace';
import { parse } from './helpers';

describe('physical bounds', () => {
  it('caps a read of 10^13 bytes at MAX_RW_COUNT with a warning naming the line; the return value stays as printed', () => {
    const r = parse('1000 1.0 read(3, "x", 10000000000000) = 10000000000000\n');
    expect(r.skippedCount).toBe(0);
    expect(r.calls.bytes[0]).toBe(MAX_RW_COUNT);
    expect(r.calls.ret[0]).toBe(1e13);
    expect(r.warningCount).toBe(1);
    expect(r.warnings[0].lineNumber).toBe(1);
    expect(r.warnings[0].reason).toBe(`read of 10000000000000 bytes: Linux moves at most ${MAX_RW_COUNT} (MAX_RW_COUNT) in one call; replayed as ${MAX_RW_COUNT}`);
    expect(summarizeStrace(r).warningCount).toBe(1);
  });

  it("caps a failed call's requested length (size_t -1) and leaves ordinary sizes alone", () => {
    const r = parse([
      'read(3, 0x7ffd0000, 18446744073709551615) = -1 EFAULT (Bad address)',
      'write(1, "hello\\n", 6) = 6',
      `pwrite64(4, "", ${MAX_RW_COUNT}, 0) = ${MAX_RW_COUNT}`,
      'sendto(5, "x", 4294967296, 0, NULL, 0) = -1 EMSGSIZE (Message too long)',
    ].join('\n'));
    expect(Array.from(r.calls.bytes)).toEqual([MAX_RW_COUNT, 6, MAX_RW_COUNT, MAX_RW_COUNT]);
    expect(r.warnings.map((w) => w.lineNumber)).toEqual([1, 4]);
  });

  it('rejects pids out of range, naming them', () => {
    const r = parse(`99999999999  close(3) = 0\n[pid ${PID_MAX_LIMIT + 1}] close(3) = 0\n0 close(3) = 0\n${PID_MAX_LIMIT} close(3) = 0\n`);
    expect(r.skippedLines.map((l) => [l.lineNumber, l.reason])).toEqual([
      [1, `pid 99999999999 is out of range (Linux ids are 1 to ${PID_MAX_LIMIT})`],
      [2, `pid ${PID_MAX_LIMIT + 1} is out of range (Linux ids are 1 to ${PID_MAX_LIMIT})`],
      [3, `pid 0 is out of range (Linux ids are 1 to ${PID_MAX_LIMIT})`],
    ]);
    expect(Array.from(r.calls.tid)).toEqual([PID_MAX_LIMIT]);
  });

  it('rejects timestamps of more than 10^11 s; ignores -T durations as long, with a warning', () => {
    const r = parse(`${'9'.repeat(400)}.5 close(3) = 0\n1.0 close(3) = 0 <99999999999999.000000>\n`);
    expect(r.skippedLines.map((l) => [l.lineNumber, l.reason])).toEqual([[1, 'timestamp out of range (more than 100000000000 s)']]);
    expect(Number.isNaN(r.calls.durationNs[0])).toBe(true);
    expect(r.warnings.map((w) => [w.lineNumber, w.reason])).toEqual([[2, '-T duration of 99999999999999.000000 s is not plausible: ignored']]);
  });

  it('an fd beyond a C int is no fd; a clone returning a tid beyond PID_MAX_LIMIT creates no thread', () => {
    const r = parse('10 close(99999999999) = 0\n10 openat(AT_FDCWD, "/a", O_RDONLY) = 4294967299\n10 clone(child_stack=NULL, flags=CLONE_THREAD) = 99999999\n');
    expect(Array.from(r.calls.fd)).toEqual([-1, -1, -1]);
    expect(r.pids).toBe(1);
    expect(r.threads.map((t) => t.tid)).toEqual([10]);
  });
});
