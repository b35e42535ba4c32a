/**
 * mOS's own syntax, for the designs that run on mOS (the paper's function shipping and mOS as
 * built): `lwkctl -c '<partition>'` (the partition) and `yod` options (the job), in either order,
 * separated by `;`, `&&` or a new line:
 *
 *   lwkctl -c 'lwkcpus=0.1-15,33-47:16.17-31,49-63 lwkmem=0:16G,1:16G' ; yod -R 1/4 -o lwksched-enable-rr=10 ./app
 *
 * Either command may be left out: what it would set stays as configured. docs/syntax.md.
 */
import type { DesignSyntax } from '../../designs/registry';
import type { Topology } from '../../node/hardware';
import type { Diagnostic } from '../diagnostic';
import type { NodeConfig } from '../nodeConfig';
import { printPartition } from '../partitionText';
import { readCommands } from './commands';
import { neverThrows } from './words';
import { readLwkctl } from './lwkctl';
import { quote } from './shell';
import { printYod, readYod } from './yod';

const COMMANDS = [{ name: 'lwkctl' }, { name: 'yod' }];

const byPosition = (a: Diagnostic, b: Diagnostic): number => a.start - b.start || a.end - b.end;

function parse(text: string, topology: Topology): ReturnType<DesignSyntax['parse']> {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const found = readCommands(String(text), COMMANDS, errors, warnings);
  const overrides: Record<string, unknown> = {};
  const ctl = found.get('lwkctl');
  const partition = ctl ? readLwkctl(ctl, topology, errors, warnings) : undefined;
  if (partition) overrides.partition = printPartition(partition);
  const job = found.get('yod');
  if (job) {
    const r = readYod(job, topology, partition, errors, warnings);
    if (r.processes !== undefined) overrides.workload = { kind: 'bsp', processes: r.processes };
    if (r.rrQuantumNs !== undefined) overrides.lwk = { rrQuantumNs: r.rrQuantumNs };
    const memory: Record<string, unknown> = {};
    if (r.kindOrder !== undefined) memory.kindOrder = r.kindOrder;
    if (r.heapStepBytes !== undefined) memory.heapStepBytes = r.heapStepBytes;
    if (Object.keys(memory).length > 0) overrides.memory = memory;
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort(byPosition) };
  return { ok: true, overrides, warnings: warnings.sort(byPosition) };
}

function print(config: NodeConfig): string {
  const parts: string[] = [];
  if (config.partitionText) parts.push(`lwkctl -c ${quote(config.partitionText)}`);
  const w = config.workload;
  parts.push(
    printYod({
      processes: w.kind === 'bsp' ? w.processes : undefined,
      rrQuantumNs: config.lwk.rrQuantumNs,
      kindOrder: config.memory.kindOrder,
      heapStepBytes: config.memory.heapStepBytes,
    }),
  );
  return parts.join(' ; ');
}

export const MOS_SYNTAX: DesignSyntax = {
  title: 'lwkctl and yod options (Intel mOS)',
  example: "lwkctl -c 'lwkcpus=0.1-15,33-47:16.17-31,49-63 lwkmem=0:16G,1:16G' ; yod -R 1/4 -o lwksched-enable-rr=10 ./app",
  parse: neverThrows(parse),
  print,
};
