/** The compare table: rows follow the descriptor tables at use time, and missing metrics show as "-". */
import { describe, expect, it } from 'vitest';
import { registerRoute, registerStage, ROUTES } from '../../../src/engine/descriptors';
import { formatCompareTable } from '../../../src/cli/compare/table';

const run = (metrics: Record<string, unknown>, traceHash = 'h') => ({ header: ['p'], traceHash, metrics });

describe('formatCompareTable', () => {
  it('a route or stage registered after load gets its rows; stage means are found by short name or key', () => {
    registerRoute({ key: 'testroute', short: 'Test route', title: 't', phrase: 't', colour: '#000', ink: '#fff', letter: 'T' });
    registerStage({ key: 'testStage', short: 'test stage', title: 't', colour: '#000', ink: '#fff', letter: 't' });
    const metrics = {
      syscalls: {
        routes: {
          testroute: { count: 3, p50Ns: 1500, p99Ns: 2500, stagesMeanNs: { 'test stage': 700 } },
          linux: { count: 2, p50Ns: 100, p99Ns: 200, stagesMeanNs: { testStage: 40 } },
        },
      },
    };
    const text = formatCompareTable([run(metrics)]);
    expect(ROUTES.some((r) => r.key === 'testroute')).toBe(true);
    expect(text).toMatch(/^ {2}Test route: calls +3$/m);
    expect(text).toMatch(/^ {2}Test route: p50 +1\.500 µs$/m);
    expect(text).toMatch(/^ {2}Test route: test stage \(mean\) +700 ns$/m);
    expect(text).toMatch(/^ {2}Linux: test stage \(mean\) +40 ns$/m);
  });

  it('metrics without a section or a key show "-" in that column; rows nobody measured are left out', () => {
    const full = { progress: { iterations: 10 }, channels: { messages: 5, ipis: 2, coalescing: 2.5 } };
    const text = formatCompareTable([run(full, 'aaaa'), run({ progress: {} }, 'bbbb')]);
    expect(text).toMatch(/^ {2}BSP iterations +10 +-$/m);
    expect(text).toMatch(/^ {2}messages per IPI +2\.50 +-$/m);
    expect(text).not.toMatch(/FWQ quanta/);
    expect(text).not.toMatch(/page faults/);
    expect(text).toMatch(/^trace hash +aaaa +bbbb$/m);
  });
});
