/**
 * Peak memory must be measured in a fresh process: the bench runner re-runs its own bundle
 * with `--child TASK`, the child runs one registered task and prints its peak resident memory.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/**
 * Peak resident memory of this process in KiB. On Linux, VmHWM from /proc/self/status: unlike
 * getrusage's maxRSS it does not carry over the parent's peak across fork and exec.
 */
async function peakRssKb(): Promise<number> {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(await readFile('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // not Linux: fall back below
  }
  return process.resourceUsage().maxRSS;
}

export type ChildTask = (arg: string) => Promise<void> | void;

const tasks = new Map<string, ChildTask>();

/** Registers a task that a child process can run by name (call at module load). */
export function registerChildTask(name: string, task: ChildTask): void {
  tasks.set(name, task);
}

/** Runs `name` in a fresh Node process and returns its peak resident set size in MiB. */
export function peakRssOfChild(name: string, arg = ''): number {
  const script = process.argv[1];
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', script, '--child', name, arg], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench child "${name}" failed: ${r.stderr || r.stdout}`);
  const m = /PEAK_RSS_KB=(\d+)/.exec(r.stdout);
  if (!m) throw new Error(`bench child "${name}" printed no PEAK_RSS_KB line`);
  return Number(m[1]) / 1024;
}

/** Entry point on the child side: returns true if this process is a child and has run its task. */
export async function runChildIfAsked(argv: readonly string[]): Promise<boolean> {
  const i = argv.indexOf('--child');
  if (i < 0) return false;
  const name = argv[i + 1];
  const task = tasks.get(name);
  if (!task) throw new Error(`unknown bench child task ${name}`);
  await task(argv[i + 2] ?? '');
  process.stdout.write(`PEAK_RSS_KB=${await peakRssKb()}\n`);
  return true;
}
