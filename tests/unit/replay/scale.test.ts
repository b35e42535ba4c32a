/** Replays with many threads: the run ends when the last replayed thread exits, whatever their number. */
import { describe, expect, it } from 'vitest';
import { parseStraceText } from '../../../src/engine/strace';
import { replayStrace } from '../../../src/engine/strace/replay';
import { cloneChainLog, separatePidsLog } from '../strace/generate';

describe('replay of many threads', () => {
  it('2,000 separate pids: one process each, every call routed and completed', () => {
    const r = replayStrace(parseStraceText(separatePidsLog(2_000)), 'mos', 1);
    expect(r.pids).toBe(2_000);
    expect(r.processes).toBe(2_000);
    expect(r.threads).toBe(2_000);
    expect(r.calls.total).toBe(6_000);
    expect(r.routes.glibc + r.routes.lwk + r.routes.linux + r.routes.osnode).toBe(6_000);
    expect(r.notCompleted).toBe(0);
    expect(r.truncated).toBe(false);
  });

  it('a chain of 500 thread clones replays as one process of 501 threads', () => {
    const r = replayStrace(parseStraceText(cloneChainLog(500)), 'linux', 1);
    expect(r.processes).toBe(1);
    expect(r.threads).toBe(501);
    expect(r.byName.clone3.count).toBe(500);
    expect(r.notCompleted).toBe(0);
    expect(r.truncated).toBe(false);
  });
});
