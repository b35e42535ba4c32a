/** Test configurations and trace helpers for the node model. */
import { buildNodeConfig, PRESETS } from '../../../src/engine/config/presets';
import type { NodeConfig, SyscallConfig, WorkloadConfig } from '../../../src/engine/config/nodeConfig';
import { parsePartition } from '../../../src/engine/config/partition';
import { topologyByName } from '../../../src/engine/node/topologies';
import { DEFAULT_SYSCALLS, UNTUNED_LINUX } from '../../../src/engine/config/defaults';
import { createNodeSimulation } from '../../../src/engine/node/model';
import type { NodeSim } from '../../../src/engine/node/cpu';
import type { TraceBatch } from '../../../src/engine/kernel/trace';

export const TWO_SOCKET = topologyByName('two-socket')!;

/** A node with no noise at all (no tick, daemons, device interrupts or interference): costs are exact. */
export function quietNode(options: { partition?: string; syscalls?: Partial<SyscallConfig>; workload: WorkloadConfig }): NodeConfig {
  const parsed = parsePartition(options.partition ?? 'lwkcpus=0.1 lwkmem=0:1G', TWO_SOCKET);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '));
  const config = buildNodeConfig({
    name: 'quiet',
    system: 'mos',
    topology: TWO_SOCKET,
    partition: parsed.partition,
    linux: { ...UNTUNED_LINUX, hz: 1e-3, daemons: [], nicIrqPerSec: 0 },
    syscalls: { ...DEFAULT_SYSCALLS, ...options.syscalls },
    workload: options.workload,
  });
  return { ...config, interference: { ...config.interference, perBusyCpu: 0 }, network: { ...config.network, irqPerMessage: 0 } };
}

export function withWorkload(preset: string, workload: WorkloadConfig): NodeConfig {
  return { ...PRESETS[preset], workload };
}

/** Runs a simulation to `untilNs`, collecting every trace record on the way. */
export function runCollecting(config: NodeConfig, untilNs: number, seed = 1): { sim: NodeSim; records: TraceBatch[] } {
  const sim = createNodeSimulation(config, seed, { traceCapacity: 1 << 18 });
  const records: TraceBatch[] = [];
  const step = 2_000_000;
  for (let t = step; t < untilNs + step; t += step) {
    sim.runUntil(Math.min(t, untilNs));
    const batch = sim.drainTrace();
    if (batch.lost > 0) throw new Error(`trace records lost: ${batch.lost}`);
    records.push(batch);
  }
  return { sim, records };
}

export interface Rec { time: number; kind: number; cpu: number; pid: number; a: number; b: number }

export function* recordsOf(batches: readonly TraceBatch[], kind?: number): Generator<Rec> {
  for (const b of batches) {
    for (let i = 0; i < b.kind.length; i++) {
      if (kind !== undefined && b.kind[i] !== kind) continue;
      yield { time: b.time[i], kind: b.kind[i], cpu: b.cpu[i], pid: b.pid[i], a: b.a[i], b: b.b[i] };
    }
  }
}
