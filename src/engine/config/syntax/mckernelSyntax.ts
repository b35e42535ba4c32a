/**
 * The McKernel-style design's own syntax: `mcreboot.sh` options (the partition) and `mcexec`
 * options (the job), in that order or the other, separated by `;`, `&&` or a new line:
 *
 *   mcreboot.sh -c 1-15,17-31,33-47,49-63 -m 16G@0,16G@1 -r 1-15,33-47:0+17-31,49-63:16 ; mcexec -n 4 ./app
 *
 * Either command may be left out: what it would set stays as configured. docs/syntax.md.
 */
import type { DesignSyntax } from '../../designs/registry';
import type { Topology } from '../../node/hardware';
import { topologyByName } from '../../node/topologies';
import type { Diagnostic } from '../diagnostic';
import type { NodeConfig } from '../nodeConfig';
import { parsePartition, printPartition } from '../partitionText';
import { readCommands } from './commands';
import { neverThrows } from './words';
import { printMcexec, readMcexec } from './mcexec';
import { printMcreboot, readMcreboot } from './mcreboot';

const COMMANDS = [{ name: 'mcreboot.sh', aliases: ['mcreboot', 'mcreboot-smp-x86.sh', 'mcreboot-smp.sh'] }, { name: 'mcexec' }];

const byPosition = (a: Diagnostic, b: Diagnostic): number => a.start - b.start || a.end - b.end;

function parse(text: string, topology: Topology): ReturnType<DesignSyntax['parse']> {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const found = readCommands(String(text), COMMANDS, errors, warnings);
  const overrides: Record<string, unknown> = {};
  let lwkCpus: number | undefined;
  const boot = found.get('mcreboot.sh');
  if (boot) {
    const r = readMcreboot(boot, topology, errors, warnings);
    if (r) {
      overrides.partition = printPartition(r.partition);
      lwkCpus = r.partition.groups.reduce((s, g) => s + g.lwkCpus.length, 0);
    }
  }
  const run = found.get('mcexec');
  if (run) {
    const r = readMcexec(run, lwkCpus, errors, warnings);
    const syscalls: Record<string, unknown> = {};
    if (r.proxyThreads !== undefined) syscalls.proxyThreads = r.proxyThreads;
    if (r.proxyAffinity !== undefined) syscalls.proxyAffinity = r.proxyAffinity;
    if (Object.keys(syscalls).length > 0) overrides.syscalls = syscalls;
    if (r.processes !== undefined) overrides.workload = { kind: 'bsp', processes: r.processes };
    if (r.heapStepBytes !== undefined) overrides.memory = { heapStepBytes: r.heapStepBytes };
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort(byPosition) };
  return { ok: true, overrides, warnings: warnings.sort(byPosition) };
}

function print(config: NodeConfig): string {
  const parts: string[] = [];
  const topology = topologyByName(config.topology);
  const p = topology && config.partitionText ? parsePartition(config.partitionText, topology) : undefined;
  if (p?.ok) parts.push(printMcreboot(p.partition, (g) => config.syscallCpuOf[g.lwkCpus[0]]));
  const w = config.workload;
  parts.push(
    printMcexec({
      // The ranks that run: the model gives each at least one LWK CPU (mcexec refuses more).
      processes: w.kind === 'bsp' ? Math.max(1, Math.min(w.processes, config.appCpus.length)) : undefined,
      proxyThreads: config.syscalls.proxyThreads,
      heapStepBytes: config.memory.heapStepBytes,
      proxyAffinity: config.syscalls.proxyAffinity,
    }),
  );
  return parts.join(' ; ');
}

export const MCKERNEL_SYNTAX: DesignSyntax = {
  title: 'mcreboot.sh and mcexec options (IHK/McKernel)',
  example: 'mcreboot.sh -c 1-15,17-31,33-47,49-63 -m 16G@0,16G@1 -r 1-15,33-47:0+17-31,49-63:16 ; mcexec -n 4 -t 2 ./app',
  parse: neverThrows(parse),
  print,
};
