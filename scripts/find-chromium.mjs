// Finds a Chromium for the browser tests: CHROMIUM_PATH, then Debian's, then Playwright's own.
import { existsSync } from 'node:fs';

export async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist.`);
  }
  // Debian's /usr/bin/chromium is a shell wrapper that prints a harmless warning; the binary behind it is quieter.
  for (const p of ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(p)) return p;
  try {
    const { chromium } = await import('@playwright/test');
    const p = chromium.executablePath();
    if (p && existsSync(p)) return p;
  } catch {
    // Playwright has no browser of its own here.
  }
  return null;
}

export const NO_CHROMIUM = `No Chromium found for the browser tests. Get one of:
  - Debian/Ubuntu:  sudo apt-get install --no-install-recommends chromium
  - Playwright's:   npx playwright install chromium
  - or point CHROMIUM_PATH at a Chromium or Chrome binary.`;
