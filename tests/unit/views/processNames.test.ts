import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processNames } from '../../../src/app/processNames';
import { parseStraceText } from '../../../src/engine/strace/bytes';
import { replayConfig } from '../../../src/engine/strace/replay';
import { PRESETS } from '../../../src/engine/config/presets';
import { jobPids } from '../../../src/engine/node/jobShape';

const fixture = (name: string) => replayConfig(parseStraceText(readFileSync(`tests/fixtures/strace/${name}`, 'utf8')), 'mos');
/** Each traced line's pid column and the program of its process's execve, read straight from the log. */
function tracedFromLog(name: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(`tests/fixtures/strace/${name}`, 'utf8').split('\n')) {
    const m = /^(\d+)\s+\S+\s+execve\("([^"]+)"/.exec(line);
    if (m) out.set(m[1], m[2].split('/').pop()!);
  }
  return out;
}

describe('process names: a replay shows its processes as traced', () => {
  it('fork -f: each process by the pid strace saw and the program it ran', () => {
    const config = fixture('fork-f-yy-tt-T.log');
    const names = processNames(config);
    const shown = new Map(jobPids(config).map((pid) => [names.pid(pid), names.label(pid)]));
    const traced = tracedFromLog('fork-f-yy-tt-T.log');
    expect(traced.size).toBe(4);
    for (const [pid, program] of traced) expect(shown.get(pid)).toBe(`${pid} (${program})`);
  });

  it('threads share their process: one name, the leader\'s pid', () => {
    const config = fixture('threads-f-tt-T.log');
    const pids = jobPids(config);
    expect(pids).toHaveLength(1);
    expect(processNames(config).label(pids[0])).toBe('3973 (threads)');
  });

  it('a log without a pid column, and the presets, keep the engine\'s pids', () => {
    const config = fixture('single-none.log');
    expect(processNames(config).label(jobPids(config)[0])).toBe('1000 (cat)');
    for (const pid of jobPids(PRESETS['mos-bsp'])) expect(processNames(PRESETS['mos-bsp']).label(pid)).toBe(String(pid));
  });
});
