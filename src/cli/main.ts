/** `mos-explorer <command>`: headless runs of the same engine the app uses. */
import { readFile, writeFile } from 'node:fs/promises';
import { runCli } from './dispatch';
import type { CliIO } from './io';

const io: CliIO = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  readFile: async (p) => new Uint8Array(await readFile(p)),
  writeFile: (p, d) => writeFile(p, d),
};

process.exitCode = await runCli(process.argv.slice(2), io);
