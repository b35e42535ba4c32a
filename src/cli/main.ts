/** `mos-explorer <command>`: headless runs of the same engine the app uses. */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { runCli } from './dispatch';
import type { CliIO } from './io';

/** The largest file a command reads whole (strace logs of several hundred MB are fine). */
const MAX_INPUT_BYTES = 2 ** 30;

const io: CliIO = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  readFile: async (p) => {
    // A device or a pipe (/dev/zero) would never end, and a huge file would exhaust memory.
    const s = await stat(p);
    if (!s.isFile()) throw new Error(`${p} is not a regular file`);
    if (s.size > MAX_INPUT_BYTES) throw new Error(`${p} is ${s.size.toLocaleString('en-US')} bytes: more than the ${MAX_INPUT_BYTES / 2 ** 30} GiB a file may have`);
    return new Uint8Array(await readFile(p));
  },
  writeFile: (p, d) => writeFile(p, d),
};

process.exitCode = await runCli(process.argv.slice(2), io);
