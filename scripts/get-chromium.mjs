// When no Chromium is found, the test command gets one itself, saying what it does:
// Playwright's own download where it can reach it, else Debian's `chromium` package when it runs
// as root on Debian (or Ubuntu); otherwise it prints how to get one.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

function run(cmd, args, env = {}) {
  console.log(`e2e: $ ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
}

function isDebianLike() {
  try {
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Finds a Chromium, installing one if none is there; returns its path or null. */
export async function ensureChromium() {
  const found = await findChromium();
  if (found) return found;
  console.log('e2e: no Chromium found; trying to get one for the tests.');
  console.log("e2e: 1. Playwright's own Chromium (npx playwright install chromium)");
  if (run('npx', ['playwright', 'install', 'chromium'])) {
    const p = await findChromium();
    if (p) return p;
  }
  if (isRoot() && isDebianLike() && existsSync('/usr/bin/apt-get')) {
    console.log("e2e: 2. Debian's chromium package (running as root on Debian)");
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['update', '-qq'], env) && run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], env)) {
      const p = await findChromium();
      if (p) return p;
    }
  }
  return null;
}
