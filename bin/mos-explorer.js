#!/usr/bin/env node
// The installed command: runs the bundled CLI (built by `npm install` through the prepare step).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist-cli/cli.js', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('mos-explorer: the CLI is not built yet. Run `npm install` (or `node scripts/build-cli.mjs`) in the project folder.\n');
  process.exit(2);
}
await import(bundle);
