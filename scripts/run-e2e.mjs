// End-to-end tests in a real Chromium: build the app (and its single-file form), then Playwright (which starts the servers).
import { spawnSync } from 'node:child_process';
import { NO_CHROMIUM } from './find-chromium.mjs';
import { ensureChromium } from './get-chromium.mjs';

const chromium = await ensureChromium().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
if (!chromium) {
  console.error(NO_CHROMIUM);
  process.exit(1);
}
console.log(`e2e: using Chromium at ${chromium}`);
const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('node', ['scripts/build-cli.mjs']); // the tests compare the page with the CLI
run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['vite', 'build', '--mode', 'single', '--logLevel', 'warn']); // the one offline file (dist-single/), opened as file://
run('npx', ['playwright', 'test', ...process.argv.slice(2)], { CHROMIUM_PATH: chromium });
