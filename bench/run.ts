/**
 * `npm run bench [-- --quick]`: every benchmark suite in one run, one figure per line.
 * Targets are printed, never enforced, so benchmarks never rot in CI.
 */
import { runChildIfAsked } from './child';
import { kernelBench } from './kernel.bench';
import { nodeBench } from './node.bench';
import { straceBench } from './strace.bench';
import { scaleBench } from './scale.bench';
import { traceExportBench } from './traceExport.bench';
import { travelBench } from './travel.bench';
import type { BenchFigure, BenchSuite } from './types';

const SUITES: readonly BenchSuite[] = [kernelBench, nodeBench, scaleBench, straceBench, traceExportBench, travelBench];

function format(f: BenchFigure): string {
  const v = Math.abs(f.value) >= 1e5 ? f.value.toExponential(3) : Number(f.value.toPrecision(4)).toString();
  const target = f.target ? `  target ${f.target}: ${f.meets ? 'ok' : 'MISS'}` : '';
  return `  ${f.name.padEnd(58)} ${v.padStart(11)} ${f.unit}${target}`;
}

async function main(): Promise<void> {
  if (await runChildIfAsked(process.argv)) return;
  const quick = process.argv.includes('--quick');
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  console.log(`mos-explorer benchmarks (${quick ? 'quick' : 'full'}), Node ${process.version}`);
  for (const suite of SUITES) {
    if (only && !suite.name.includes(only)) continue;
    console.log(`\n${suite.name}`);
    for (const f of await suite.run({ quick })) console.log(format(f));
  }
}

await main();
