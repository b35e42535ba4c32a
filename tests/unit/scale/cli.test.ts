import { describe, expect, it } from 'vitest';
import { scaleCommand, SCALE_USAGE } from '../../../src/cli/commands/scale';
import type { CliIO } from '../../../src/cli/io';

function fakeIO(files: Record<string, string> = {}): CliIO & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(t: string) {
      io.stdout += t;
    },
    err(t: string) {
      io.stderr += t;
    },
    async readFile(path: string) {
      if (!(path in files)) throw new Error(`ENOENT: ${path}`);
      return new TextEncoder().encode(files[path]);
    },
    async writeFile() {},
  };
  return io;
}

describe('mos-explorer scale', () => {
  it('prints a table row per node count, with slowdown growing with N under random-phase noise', async () => {
    const io = fakeIO();
    const code = await scaleCommand(['--nodes', '1,64,1024', '--iterations', '20', '--compute', '1ms', '--noise', 'periodic:100Hz:250us'], io);
    expect(code).toBe(0);
    const rows = io.stdout.trim().split('\n').slice(1);
    expect(rows).toHaveLength(3);
    const slowdowns = rows.map((r) => Number(r.trim().split(/\s+/).at(-2)));
    expect(slowdowns[2]).toBeGreaterThan(slowdowns[0]);
    expect(io.stderr).toBe('');
  });

  it('prints JSON with --json, and co-scheduled noise does not grow with N', async () => {
    const io = fakeIO();
    const code = await scaleCommand(['--nodes=1,512', '--iterations', '50', '--noise', 'periodic:1kHz:50us', '--cosched', '--collective', 'none', '--json', '--seed', '3'], io);
    expect(code).toBe(0);
    const out = JSON.parse(io.stdout) as { params: { noise: string }; points: { nodes: number; meanIterationNs: number; slowdown: number; closedFormNs: number }[] };
    expect(out.params.noise).toBe('periodic:1kHz:50us');
    expect(out.points.map((p) => p.nodes)).toEqual([1, 512]);
    expect(out.points[1].meanIterationNs).toBe(out.points[0].meanIterationNs);
    expect(out.points[0].slowdown).toBeGreaterThan(1);
  });

  it('reads a noise trace through io.readFile and accepts named profiles', async () => {
    const io = fakeIO({ 'fwq.txt': '# start duration\n1000 20000\n500000 5000\nperiod 1000000\n' });
    expect(await scaleCommand(['--nodes', '8', '--iterations', '5', '--noise', 'trace:fwq.txt', '--histogram', '8'], io)).toBe(0);
    expect(io.stdout).toContain('noise per node per iteration at N = 8');
    const io2 = fakeIO();
    expect(await scaleCommand(['--nodes', '4', '--iterations', '3', '--noise', 'linux-untuned', '--collective', 'allreduce', '--ranks', '3'], io2)).toBe(0);
  });

  const BAD: [string[], RegExp][] = [
    [['--iterations', '5'], /--nodes is required/],
    [['--nodes', '0'], /--nodes: "0"/],
    [['--nodes', '4', '--noise', 'periodic:100Hz'], /periodic:FREQ:DURATION/],
    [['--nodes', '4', '--noise', 'periodic:100Hz:20ms'], /shorter than its period/],
    [['--nodes', '4', '--noise', 'bernoulli:2:1ms'], /probability/],
    [['--nodes', '4', '--noise', 'gremlins'], /unknown noise "gremlins"/],
    [['--nodes', '4', '--noise', 'trace:missing.txt'], /cannot read noise trace missing.txt/],
    [['--nodes', '4', '--compute', 'soon'], /--compute: "soon" is not a duration/],
    [['--nodes', '4', '--collective', 'gossip'], /--collective must be/],
    [['--nodes', '4', '--frobnicate', '1'], /unknown option --frobnicate/],
    [['--nodes', '4', 'extra'], /unexpected argument "extra"/],
    [['--nodes', '2000000'], /node count 2000000/],
    [['--nodes', '4', '--histogram', '8'], /--histogram 8 is not one of the --nodes/],
  ];
  for (const [argv, message] of BAD) {
    it(`rejects ${argv.join(' ')} with exit 2, the problem and the usage`, async () => {
      const io = fakeIO();
      expect(await scaleCommand(argv, io)).toBe(2);
      expect(io.stderr).toMatch(message);
      expect(io.stderr).toContain(SCALE_USAGE);
      expect(io.stdout).toBe('');
    });
  }
});
