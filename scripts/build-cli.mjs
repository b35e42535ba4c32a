// Bundles the headless CLI and the benchmark runner to plain JavaScript (Node 20 cannot run .ts).
// Runs as the `prepare` step of npm install / npm ci, and before `npm run cli` and `npm run bench`.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning', sourcemap: false };
await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist-cli/cli.js' });
await build({ ...common, entryPoints: ['bench/run.ts'], outfile: 'dist-cli/bench.js' });
// The engine for a browser worker, loaded by the cross-runtime determinism test (tests/e2e/determinism.spec.ts).
await build({ bundle: true, platform: 'browser', format: 'iife', target: 'es2022', logLevel: 'warning', entryPoints: ['tests/e2e/support/engineInWorker.ts'], outfile: 'dist-cli/engine-worker.js' });
