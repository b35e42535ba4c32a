/**
 * strace replay on the real fixtures (tests/fixtures/strace). Expected counts per name, pids and
 * processes were computed independently of the parser with grep/uniq (see
 * tests/unit/strace/fixtures.test.ts and tests/fixtures/strace/README.md).
 */
import { describe, expect, it } from 'vitest';
import { replayStrace } from '../../../src/engine/strace/replay';
import { straceToWorkload } from '../../../src/engine/strace/toWorkload';
import { REPLAY_STRIDE } from '../../../src/engine/config/nodeConfig';
import { fixture, parse, rowsOf } from '../strace/helpers';
import { ROUTES } from '../../../src/engine/descriptors';

const FORK_NAMES = { clone: 2, close: 74, execve: 4, futex: 3, mmap: 81, openat: 101, read: 18, vfork: 1, wait4: 5, write: 3 };
const THREAD_NAMES = { clone3: 3, close: 6, execve: 1, futex: 3, mmap: 11, openat: 5, read: 6, write: 4 };
const SINGLE_R_NAMES = { clone3: 3, close: 3, execve: 1, futex: 3, mmap: 11, openat: 2, read: 3, write: 1 };
const SOCKET_NAMES = { close: 7, execve: 1, mmap: 8, openat: 3, read: 2, write: 1 };

const CASES = [
  { file: 'fork-f-yy-tt-T.log', calls: 494, pids: 4, processes: 4, byName: FORK_NAMES },
  { file: 'fork-f-r.log', calls: 494, pids: 4, processes: 4, byName: FORK_NAMES },
  { file: 'threads-f-tt-T.log', calls: 91, pids: 4, processes: 1, byName: THREAD_NAMES },
  { file: 'single-r.log', calls: 58, pids: 1, processes: 1, byName: SINGLE_R_NAMES },
  { file: 'sockets-f-yy-tt-T.log', calls: 48, pids: 1, processes: 1, byName: SOCKET_NAMES },
] as const;

const VDSO = new Set(['clock_gettime', 'gettimeofday', 'time', 'getcpu']);

describe('strace replay of the real fixtures', () => {
  for (const c of CASES) {
    it(`${c.file}: counts per name, pids, processes; every call routed and completed`, () => {
      const r = replayStrace(parse(fixture(c.file)), 'mos', 1);
      expect(r.calls.total).toBe(c.calls);
      for (const [name, n] of Object.entries(c.byName)) expect(r.calls.byName[name], name).toBe(n);
      expect(r.pids).toBe(c.pids);
      expect(r.processes).toBe(c.processes);
      expect(r.threads).toBe(c.pids);
      expect(r.routes.glibc + r.routes.lwk + r.routes.linux + r.routes.osnode).toBe(c.calls);
      expect(r.notCompleted).toBe(0);
      expect(r.truncated).toBe(false);
      for (const [name, s] of Object.entries(r.byName)) {
        expect(s.routes.glibc + s.routes.lwk + s.routes.linux + s.routes.osnode, name).toBe(s.count);
        expect(s.simulated.count, name).toBe(s.count);
      }
      // mOS: memory calls stay on the LWK, file calls go to Linux.
      expect(r.byName.mmap.routes.lwk).toBe(r.byName.mmap.count);
      expect(r.byName.openat.routes.linux).toBe(r.byName.openat.count);
    });
  }

  it("under 'linux' every non-vDSO call is served by Linux", () => {
    const result = parse(fixture('fork-f-yy-tt-T.log'));
    const r = replayStrace(result, 'linux', 1);
    let vdso = 0;
    for (const [name, n] of Object.entries(r.calls.byName)) if (VDSO.has(name)) vdso += n;
    const none = Object.fromEntries(ROUTES.map((x) => [x.key, 0]));
    expect(r.routes).toEqual({ ...none, glibc: vdso, linux: r.calls.total - vdso });
  });

  it('replays blocking calls as external waits of the traced time, not as service time', () => {
    const result = parse(fixture('fork-f-yy-tt-T.log'));
    const r = replayStrace(result, 'mos', 1);
    const c = result.calls;
    const wait4 = rowsOf(result, 'wait4');
    expect(wait4.length).toBe(5);
    const pipeReads = rowsOf(result, 'read').filter((i) => c.blocking[i] === 1);
    expect(pipeReads.length).toBeGreaterThan(0); // cat | wc: reads of the pipe, known from -yy
    for (const i of [...wait4, ...pipeReads]) {
      const traced = c.durationNs[i];
      expect(r.perCall.waitNs[i], `row ${i}`).toBeGreaterThanOrEqual(traced);
      // The rest is the call's own simulated path (tens of µs at most).
      expect(r.perCall.simulatedNs[i] - traced, `row ${i}`).toBeLessThan(200_000);
    }
    // A long wait4 costs about its traced wait, far above a forwarded call's service time.
    const longest = wait4.reduce((a, b) => (c.durationNs[b] > c.durationNs[a] ? b : a));
    expect(c.durationNs[longest]).toBeGreaterThan(1_000_000);
    expect(r.perCall.simulatedNs[longest] / c.durationNs[longest]).toBeGreaterThan(0.99);
    expect(r.perCall.simulatedNs[longest] / c.durationNs[longest]).toBeLessThan(1.05);
    // Non-blocking calls have no external wait.
    for (const i of rowsOf(result, 'openat')) expect(r.perCall.waitNs[i]).toBe(0);
  });

  it('futex waits of a threaded program stay on the LWK and wait for their traced time', () => {
    const result = parse(fixture('threads-f-tt-T.log'));
    const r = replayStrace(result, 'mos', 1);
    const waits = rowsOf(result, 'futex').filter((i) => result.calls.blocking[i] === 1);
    expect(waits.length).toBeGreaterThan(0);
    for (const i of waits) {
      expect(r.perCall.route[i]).toBe(1);
      expect(Math.abs(r.perCall.simulatedNs[i] - result.calls.durationNs[i])).toBeLessThan(50_000);
    }
  });

  it('builds one process per thread group with its threads; gaps follow the timestamps', () => {
    const w = straceToWorkload(parse(fixture('threads-f-tt-T.log')));
    expect(w.processes).toBe(1);
    expect(w.threads.length).toBe(4);
    expect(w.threads.every((t) => t.process === 0)).toBe(true);
    expect(w.threads.reduce((n, t) => n + t.calls.length / REPLAY_STRIDE, 0)).toBe(91);
    // The workers start after the main thread, at their first call's offset.
    expect(w.threads[0].startNs).toBe(0);
    expect(w.threads.slice(1).every((t) => t.startNs > 0)).toBe(true);
    const f = straceToWorkload(parse(fixture('fork-f-y.log')));
    expect(f.processes).toBe(4);
    // Without timestamps there are no gaps.
    expect(f.threads.every((t) => t.calls.every((v, k) => k % REPLAY_STRIDE !== 0 || v === 0))).toBe(true);
  });

  it('is deterministic for a seed', () => {
    const result = parse(fixture('threads-f-tt-T.log'));
    const a = replayStrace(result, 'mckernel', 7);
    const b = replayStrace(result, 'mckernel', 7);
    expect(Array.from(a.perCall.simulatedNs)).toEqual(Array.from(b.perCall.simulatedNs));
    expect(a.routes).toEqual(b.routes);
  });

  it('refuses input that is not strace output', () => {
    const result = parse('metric,value\nfoo,1\nbar,2\n');
    expect(result.notStrace).toBe(true);
    expect(() => replayStrace(result, 'mos', 1)).toThrow(/not strace/i);
  });
});

describe('memory calls of a replayed log', () => {
  const log = [
    '100 0.000100 brk(NULL) = 0x55d2a0000000',
    '100 0.000200 brk(0x55d2a0821000) = 0x55d2a0821000',
    '100 0.000300 mmap(NULL, 33554432, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f0000000000',
    '100 0.000400 exit_group(0) = ?',
  ].join('\n');

  it('reads what brk and mmap map: the break\'s growth and mmap\'s length', () => {
    const w = straceToWorkload(parse(log));
    const bytes = [0, 1, 2].map((k) => w.threads[0].calls[k * REPLAY_STRIDE + 3]);
    expect(bytes).toEqual([0, 0x821000, 33554432]);
  });

  it('on the LWK they map zeroed memory (regions grow, the calls pay the zeroing); on Linux they stay cheap', () => {
    const lwk = replayStrace(parse(log), 'mos', 1);
    const linux = replayStrace(parse(log), 'linux', 1);
    const mean = (r: typeof lwk, name: string) => r.byName[name].simulated.meanNs;
    // 32 MiB zeroed at the LWK's rate takes milliseconds; Linux maps lazily (faults come at first touch).
    expect(mean(lwk, 'mmap')).toBeGreaterThan(1_000_000);
    expect(mean(linux, 'mmap')).toBeLessThan(10_000);
    expect(mean(lwk, 'brk')).toBeGreaterThan(mean(linux, 'brk'));
  });
});

