/**
 * Thread groups are rebuilt in linear time: a chain of CLONE_THREAD clones (each thread creating
 * the next) used to be resolved by walking every thread up to the leader, O(n^2): 50,000 chained
 * clones took 92 s to parse.
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { parseStraceText } from '../../../src/engine/strace';
import { ThreadTracker } from '../../../src/engine/strace/threads';
import { cloneChainLog, plainLog } from './generate';

/** A tracker holding a chain of n CLONE_THREAD creations, in creation order or reversed. */
function chain(n: number, reversed: boolean): ThreadTracker {
  const t = new ThreadTracker();
  if (reversed) for (let k = n; k >= 0; k--) t.get(1000 + k); // deepest thread seen first
  else t.get(1000);
  for (let k = 0; k < n; k++) t.created(1000 + k, 1000 + k + 1, true);
  return t;
}

function bestSeconds(f: () => void, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return best;
}

describe('thread groups', () => {
  for (const n of [5_000, 50_000]) {
    for (const reversed of [false, true]) {
      it(`${n} chained clones (${reversed ? 'deepest thread first' : 'leader first'}): one process, at most one parent step per thread`, () => {
        const t = chain(n, reversed);
        const threads = t.resolve();
        expect(threads.length).toBe(n + 1);
        expect(threads.every((x) => x.process === 1000)).toBe(true);
        expect(t.resolveSteps).toBeLessThanOrEqual(n);
      });
    }
  }

  it('a cycle of CLONE_THREAD parents (reused tids) ends; every thread of it gets one process', () => {
    const t = new ThreadTracker();
    t.get(1);
    t.created(1, 2, true);
    t.created(2, 3, true);
    t.created(3, 1, true);
    const threads = t.resolve();
    expect(new Set(threads.map((x) => x.process)).size).toBe(1);
    expect(t.resolveSteps).toBeLessThanOrEqual(3);
  });

  it('a thread whose CLONE_THREAD parent never printed a line joins the parent tid', () => {
    const t = new ThreadTracker();
    t.get(10);
    t.get(11).parent = 5;
    t.get(11).sameProcess = true;
    t.created(10, 12, false);
    expect(t.resolve()).toEqual([
      { tid: 10, process: 10, parent: -1 },
      { tid: 11, process: 5, parent: 5 },
      { tid: 12, process: 12, parent: 10 },
    ]);
  });

  it('parses logs of 5,000 and 50,000 chained clones into one process of n + 1 threads', () => {
    for (const n of [5_000, 50_000]) {
      const r = parseStraceText(cloneChainLog(n));
      expect(r.skippedLines).toEqual([]);
      expect(r.calls.length).toBe(n + 1);
      expect(r.pids).toBe(n + 1);
      expect(r.processes).toBe(1);
      expect(r.threads[n].parent).toBe(1000 + n - 1);
      expect(r.threads.every((x) => x.process === 1000)).toBe(true);
    }
  });

  it('parse time grows linearly: 10x the clones take well under 100x the time (per MB: close to a plain log)', () => {
    const small = cloneChainLog(5_000);
    const large = cloneChainLog(50_000);
    parseStraceText(large); // warm-up: the JIT settles on the line parser
    const ts = bestSeconds(() => parseStraceText(small));
    const tl = bestSeconds(() => parseStraceText(large));
    // Linear: ~10x. The quadratic resolve took ~300x (0.31 s -> 92 s). Generous for a busy machine.
    expect(tl / ts).toBeLessThan(40);
    // Against a plain log of the same size: the clone chain costs about the same per byte.
    const plain = plainLog(Math.round(large.length / plainLog(1).length));
    const tp = bestSeconds(() => parseStraceText(plain));
    expect(tl / large.length / (tp / plain.length)).toBeLessThan(5);
  });
});
