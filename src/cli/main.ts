/** `mos-explorer <command>`: headless runs of the same engine the app uses. */
import { writeFile } from 'node:fs/promises';
import { readRegularFile } from './nodeFiles';
import { runCli } from './dispatch';
import type { CliIO } from './io';

const io: CliIO = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  readFile: readRegularFile,
  writeFile: (p, d) => writeFile(p, d),
};

process.exitCode = await runCli(process.argv.slice(2), io);
