/**
 * How memory shows up in time. LWK processes get physically contiguous, pre-populated, zeroed
 * regions at launch (a one-time cost, large pages first), so they never fault; Linux processes
 * fault on first touch (4 KiB pages, or transparent huge pages in the tuned baseline) while
 * their working set is being touched. Page size and working set give each thread a TLB factor
 * that stretches its compute.
 */
import { topologyByName } from './topologies';
import { createMemoryState, linuxChurn, linuxProc, linuxTouch, lwkAllocate, mixedTlbFactor, tlbFactor, PAGE_2M, PAGE_4K, type MemoryState } from './memory';
import type { NodeConfig } from '../config/nodeConfig';
import type { NodeSim } from './cpu';
import { Role } from './kinds';
import { Tr } from './events';

export function createNodeMemory(config: NodeConfig): MemoryState {
  const topology = topologyByName(config.topology);
  if (!topology) throw new Error(`unknown topology ${config.topology}`);
  return createMemoryState(topology, config.lwkMem, { thp: config.linux.thp }, config.memory);
}

/** Text and data of the program, mapped at launch. ASSUMPTION. */
const TEXT_BYTES = 8 * 1024 * 1024;
/** Stack per thread. ASSUMPTION. */
const STACK_BYTES = 1024 * 1024;

/**
 * Reserves and zeroes every LWK process's regions; returns the zeroing time (the launch pays it).
 * A process whose threads span several NUMA domains (one process over the four quadrants of a
 * Xeon Phi) gets each group of threads' stacks and working set near those threads, as yod places
 * memory by the domains of the process's CPUs; the text goes to the first thread's domain.
 */
export function allocateLwkProcesses(sim: NodeSim): number {
  const s = sim.state;
  let zeroNs = 0;
  for (const p of s.processes) {
    // Processes on LWK CPUs get LWK memory; the others are Linux's (first-touch faults).
    const leader = s.threads[p.threads[0]];
    if (!leader || sim.config.roles[leader.home] !== Role.Lwk) continue;
    const threadsByDomain = new Map<number, number>();
    for (const tid of p.threads) {
      const numa = sim.config.numaOf[s.threads[tid].home];
      threadsByDomain.set(numa, (threadsByDomain.get(numa) ?? 0) + 1);
    }
    const results = [lwkAllocate(s.memory, sim.config.memory, p.pid, 'text', TEXT_BYTES, sim.config.numaOf[leader.home])];
    for (const [numa, threads] of threadsByDomain) {
      results.push(lwkAllocate(s.memory, sim.config.memory, p.pid, 'stack', STACK_BYTES * threads, numa));
      results.push(lwkAllocate(s.memory, sim.config.memory, p.pid, 'heap', sim.config.app.workingSetBytes * threads, numa));
    }
    for (const r of results) {
      if (r.ok) zeroNs += r.zeroNs;
      else sim.emit(Tr.MemoryError, -1, p.pid, 0, 0);
    }
    // The largest page of the heap just placed (from the allocations: no scan of every region).
    const heapPage = results.flatMap((r) => (r.ok ? r.regions : [])).filter((x) => x.kind === 'heap').reduce((m, x) => Math.max(m, x.pageSize), PAGE_4K);
    const factor = tlbFactor(sim.config.memory, heapPage, sim.config.app.workingSetBytes);
    for (const tid of p.threads) s.threads[tid].tlbFactor = factor;
  }
  return zeroNs;
}

/**
 * Extra time of a compute segment of a Linux thread that is still touching its working set:
 * one fault per new page (per huge page with THP). Updates its TLB factor as pages arrive.
 */
export function firstTouchNs(sim: NodeSim, tid: number): number {
  const s = sim.state;
  const t = s.threads[tid];
  const ws = sim.config.app.workingSetBytes;
  if (t.touched >= ws || sim.config.roles[t.cpu] === Role.Lwk || t.kind !== 'app') return 0;
  const bytes = Math.min(sim.config.app.touchBytesPerSegment, ws - t.touched);
  const numa = sim.config.numaOf[t.home];
  // The process's threads share one anonymous area per domain: this thread extends it by `bytes`.
  const resident = linuxProc(s.memory, t.pid, numa)?.resident ?? 0;
  const r = linuxTouch(s.memory, sim.config.memory, sim.rng.stream('memory.faults'), t.pid, numa, resident + bytes);
  t.touched += bytes;
  if (!r.ok) {
    sim.emit(Tr.MemoryError, t.cpu, t.pid, 0, 0);
    return 0;
  }
  s.pageFaults.count[t.cpu] += r.faults;
  s.pageFaults.ns[t.cpu] += r.faultNs;
  sim.emit(Tr.PageFault, t.cpu, t.pid, r.faults, r.faultNs);
  const proc = linuxProc(s.memory, t.pid, numa);
  const hugeShare = proc && proc.resident > 0 ? proc.huge / proc.resident : 0;
  t.tlbFactor = mixedTlbFactor(sim.config.memory, [
    { pageSize: PAGE_4K, bytes: t.touched * (1 - hugeShare) },
    { pageSize: PAGE_2M, bytes: t.touched * hugeShare },
  ]);
  return r.faultNs;
}

/** Kernel daemons allocate and free pages: Linux memory fragments over time. ASSUMPTION: 256 KiB per wake-up. */
export function daemonChurn(sim: NodeSim, cpu: number): void {
  linuxChurn(sim.state.memory, sim.config.memory, sim.rng.stream('memory.churn'), sim.config.numaOf[cpu], 256 * 1024);
}
