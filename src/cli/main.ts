/** `mos-explorer <command>`: headless runs of the same engine the app uses. */
import { open, writeFile } from 'node:fs/promises';
import { readRegularFile } from './nodeFiles';
import { runCli } from './dispatch';
import type { CliIO } from './io';

const io: CliIO = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  readFile: readRegularFile,
  writeFile: (p, d) => writeFile(p, d),
  openWrite: async (p) => {
    const file = await open(p, 'w');
    return { write: async (t) => void (await file.write(t)), close: () => file.close() };
  },
};

process.exitCode = await runCli(process.argv.slice(2), io);
