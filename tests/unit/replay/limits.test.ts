/**
 * Replay cost does not grow with the byte counts of a log: `read(3, "x", 10^13) = 10^13` used to
 * simulate 1,000 s of copying (10 million events, more than 10 s); a mixed file of such lines
 * reached 2 GB through the OS-node model's background. Bytes are capped at MAX_RW_COUNT, what
 * Linux moves in one call at most.
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { MAX_RW_COUNT } from '../../../src/engine/strace';
import { replayStrace } from '../../../src/engine/strace/replay';
import { parse } from '../strace/helpers';

const HUGE = 10_000_000_000_000;

describe('replay cost and byte counts', () => {
  it(`the 10^13-byte read replays in well under a second, exactly as a read of MAX_RW_COUNT bytes`, () => {
    const t0 = performance.now();
    const huge = replayStrace(parse(`1000 1.0 read(3, "x", ${HUGE}) = ${HUGE}\n`), 'mos', 1);
    const seconds = (performance.now() - t0) / 1000;
    const max = replayStrace(parse(`1000 1.0 read(3, "x", ${MAX_RW_COUNT}) = ${MAX_RW_COUNT}\n`), 'mos', 1);
    expect(huge.truncated).toBe(false);
    expect(huge.events).toBe(max.events);
    expect(huge.simulatedEndNs).toBe(max.simulatedEndNs);
    expect(huge.warningCount).toBe(1);
    expect(huge.warnings[0]).toMatchObject({ line: 1 });
    expect(seconds).toBeLessThan(1);
  });

  it('a mixed file of huge transfers (files, the PFS, sockets, pipes) completes in seconds of simulated time', () => {
    const lines = [
      `1000 1.0 read(3</pfs/a>, "x", ${HUGE}) = ${HUGE}`,
      `1000 1.1 write(1, "x", ${HUGE}) = ${HUGE}`,
      `1000 1.2 mmap(NULL, ${HUGE}, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f0000000000`,
      `1000 1.6 pwrite64(5</pfs/b>, "x", ${HUGE}, 0) = ${HUGE}`,
      `1000 1.7 sendto(4<TCP:[1]>, "x", ${HUGE}, 0, NULL, 0) = ${HUGE}`,
      `1000 1.8 read(6<pipe:[7]>, "x", 18446744073709551615) = -1 EFAULT (Bad address)`,
    ];
    for (const preset of ['mos', 'linux']) {
      const r = replayStrace(parse(lines.join('\n')), preset, 1);
      expect(r.truncated, preset).toBe(false);
      expect(r.notCompleted, preset).toBe(0);
      expect(r.warningCount, preset).toBe(5);
      // Each capped transfer costs at most about 2 s of simulated time (uncapped: 1,000 s each,
      // and the 50 million event bound stopped the run).
      expect(r.simulatedEndNs, preset).toBeLessThan(30e9);
      expect(r.events, preset).toBeLessThan(2_000_000);
    }
  });
});
