/**
 * Rules for what runs on a CPU: compute segments of a thread, and interruptions that
 * preempt them (noise). An interruption suspends the segment's remaining work and resumes it
 * when it ends; interruptions arriving meanwhile queue behind it. Every interruption has a cause.
 */
import type { Simulation } from '../kernel/simulation';
import type { NodeConfig } from '../config/nodeConfig';
import type { NodeState } from './state';
import { Activity, CAUSE_ACTIVITY, CAUSE_COUNT, Role, type Cause } from './kinds';
import { Ev, Tr } from './events';

export type NodeSim = Simulation<NodeState, NodeConfig>;

/** Starts a compute segment of `workNs` on `cpu` for the thread assigned to it. */
export function startWork(sim: NodeSim, cpu: number, workNs: number): void {
  const c = sim.state.cpu;
  let elapsed = workNs;
  if (sim.config.roles[cpu] === Role.Lwk) elapsed += interferenceNs(sim, cpu, workNs);
  c.segStart[cpu] = sim.now;
  if (c.intrUntil[cpu] > sim.now) {
    // The CPU is handling an interruption: the segment waits for it.
    c.suspended[cpu] = elapsed;
    return;
  }
  c.act[cpu] = Activity.App;
  c.workEnd[cpu] = sim.now + elapsed;
  sim.at(c.workEnd[cpu], Ev.WorkDone, cpu, ++c.gen[cpu]);
}

/**
 * Shared caches and memory bandwidth: Linux activity slows LWK compute a little.
 * ASSUMPTION (parameter lwk.interference): extra = work * k * (share of Linux CPU time spent in noise).
 */
function interferenceNs(sim: NodeSim, cpu: number, workNs: number): number {
  const k = sim.config.lwk.interference;
  const s = sim.state;
  if (k <= 0 || sim.now <= 0 || s.linuxCpuCount === 0) return 0;
  const busyShare = Math.min(1, s.noise.linuxNoiseNs / (sim.now * s.linuxCpuCount));
  const extra = Math.round(workNs * k * busyShare);
  if (extra > 0) {
    s.noise.interferenceNs[cpu] += extra;
    sim.emit(Tr.Interference, cpu, s.cpu.thread[cpu] >= 0 ? s.threadPid[s.cpu.thread[cpu]] : -1, extra, 0);
  }
  return extra;
}

/** Interrupts `cpu` for `durationNs` because of `cause`, preempting whatever computes there. */
export function interrupt(sim: NodeSim, cpu: number, cause: Cause, durationNs: number): void {
  const s = sim.state;
  const c = s.cpu;
  const d = Math.max(1, Math.round(durationNs));
  const k = cpu * CAUSE_COUNT + cause;
  s.noise.interrupts[k]++;
  s.noise.stolen[k] += d;
  if (sim.config.roles[cpu] !== Role.Lwk) s.noise.linuxNoiseNs += d;
  const pid = c.thread[cpu] >= 0 ? s.threadPid[c.thread[cpu]] : -1;
  sim.emit(Tr.IntrBegin, cpu, pid, cause, d);
  if (c.intrUntil[cpu] > sim.now) {
    // Already interrupted: this one runs after it.
    c.intrUntil[cpu] += d;
  } else {
    if (c.act[cpu] === Activity.App) c.suspended[cpu] = c.workEnd[cpu] - sim.now;
    c.intrUntil[cpu] = sim.now + d;
  }
  c.act[cpu] = CAUSE_ACTIVITY[cause];
  c.intrCause[cpu] = cause;
  sim.at(c.intrUntil[cpu], Ev.IntrEnd, cpu, ++c.gen[cpu]);
}

export function onIntrEnd(sim: NodeSim, cpu: number, gen: number): void {
  const c = sim.state.cpu;
  if (gen !== c.gen[cpu]) return;
  const pid = c.thread[cpu] >= 0 ? sim.state.threadPid[c.thread[cpu]] : -1;
  sim.emit(Tr.IntrEnd, cpu, pid, c.intrCause[cpu], 0);
  c.intrUntil[cpu] = 0;
  if (c.suspended[cpu] >= 0) {
    c.act[cpu] = Activity.App;
    c.workEnd[cpu] = sim.now + c.suspended[cpu];
    c.suspended[cpu] = -1;
    sim.at(c.workEnd[cpu], Ev.WorkDone, cpu, ++c.gen[cpu]);
  } else {
    c.act[cpu] = c.thread[cpu] >= 0 ? Activity.App : Activity.Idle;
  }
}

/** True when a WorkDone event is current (not made stale by an interruption). */
export function isCurrentWork(sim: NodeSim, cpu: number, gen: number): boolean {
  return gen === sim.state.cpu.gen[cpu];
}
