// `npm test`: typecheck, lint, unit and property tests, then end-to-end tests in Chromium. Stops at the first failure.
import { spawnSync } from 'node:child_process';

const steps = [
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint', 'npx', ['eslint', '--max-warnings', '0', 'src', 'tests', 'bench', 'scripts']],
  ['unit and property tests', 'npx', ['vitest', 'run']],
  ['end-to-end tests (Chromium)', 'node', ['scripts/run-e2e.mjs']],
];

for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { NO_COLOR: '1', ...process.env } });
  if (r.status !== 0) {
    console.error(`\nnpm test: "${name}" failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status ?? 1);
  }
  console.log(`=== ${name}: ok (${((Date.now() - t0) / 1000).toFixed(1)} s) ===`);
}
