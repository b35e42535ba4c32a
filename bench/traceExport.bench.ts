/**
 * `run --trace`: the Chrome trace is streamed to the file, so the CLI's peak memory must not
 * grow with simulated time. Each run is a fresh child process (peak RSS from VmHWM) writing the
 * trace of mos-bsp to a temporary file; printed for a short and a long run, with their ratio.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open } from 'node:fs/promises';
import { peakRssOfChild, registerChildTask } from './child';
import { PRESETS } from '../src/engine/config/presets';
import { streamChromeTrace } from '../src/engine/export/chromeTrace';
import { simulate } from '../src/cli/simulate';
import { S } from '../src/engine/kernel/time';
import type { BenchFigure, BenchSuite } from './types';

/** arg: "<simulated seconds>,<file>": what `run --preset mos-bsp --until Ns --trace FILE` does. */
registerChildTask('trace-export', async (arg) => {
  const [seconds, file] = arg.split(',');
  const { sim } = simulate(PRESETS['mos-bsp'], 1, { untilNs: Number(seconds) * S });
  const f = await open(file, 'w');
  try {
    await streamChromeTrace(sim.config, 1, sim.commandLog, sim.now, { write: async (t) => void (await f.write(t)) }, { maxEvents: Number.MAX_SAFE_INTEGER });
  } finally {
    await f.close();
  }
});

export const traceExportBench: BenchSuite = {
  name: 'run --trace (mos-bsp): peak memory while streaming the Chrome trace',
  async run({ quick }) {
    const dir = mkdtempSync(join(tmpdir(), 'mos-trace-'));
    try {
      const [short, long] = quick ? [0.25, 1] : [1, 5];
      const file = join(dir, 'trace.json');
      const a = peakRssOfChild('trace-export', `${short},${file}`);
      const aBytes = statSync(file).size;
      const b = peakRssOfChild('trace-export', `${long},${file}`);
      const bBytes = statSync(file).size;
      const figures: BenchFigure[] = [
        { name: `${short} s simulated: peak RSS`, value: a, unit: 'MiB' },
        { name: `${short} s simulated: trace file`, value: aBytes / 2 ** 20, unit: 'MiB' },
        { name: `${long} s simulated: peak RSS`, value: b, unit: 'MiB' },
        { name: `${long} s simulated: trace file`, value: bBytes / 2 ** 20, unit: 'MiB' },
        { name: `peak RSS ${long} s / ${short} s (flat: the file grows, memory does not)`, value: b / a, unit: 'ratio', target: '<= 1.5', meets: b / a <= 1.5 },
      ];
      return figures;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
