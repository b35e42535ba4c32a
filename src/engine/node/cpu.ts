/**
 * Rules for what a CPU does: run a segment of its current thread (compute, kernel work, a
 * proxy's service), spin while polling, or handle an interruption that preempts the segment.
 * An interruption suspends the segment's remaining work and resumes it when it ends;
 * interruptions arriving meanwhile queue behind it. Every interruption has a cause.
 * Simulated time is integer nanoseconds: every duration is rounded here, once.
 */
import type { Simulation } from '../kernel/simulation';
import type { NodeConfig } from '../config/nodeConfig';
import type { NodeState } from './state';
import { Activity, CAUSE_ACTIVITY, CAUSE_COUNT, type Cause } from './kinds';
import { Ev, Tr } from './events';
import { firstTouchNs } from './memoryRules';

export type NodeSim = Simulation<NodeState, NodeConfig>;

/** Activities that are interruptions: shown without a pid, they belong to no process. */
function isInterruptionActivity(act: Activity): boolean {
  return act >= Activity.Tick && act <= Activity.TlbShootdown;
}

/** Changes what `cpu` is doing and traces the change (the timeline and the exports are built on these records). */
export function setActivity(sim: NodeSim, cpu: number, act: Activity): void {
  const c = sim.state.cpu;
  if (c.act[cpu] === act) return;
  c.act[cpu] = act;
  sim.emit(Tr.Activity, cpu, isInterruptionActivity(act) ? -1 : pidOn(sim, cpu), act, 0);
}

/** Pid of the thread on `cpu`, or -1 (for trace records). */
export function pidOn(sim: NodeSim, cpu: number): number {
  const tid = sim.state.cpu.current[cpu];
  return tid >= 0 ? sim.state.threads[tid].pid : -1;
}

/**
 * Runs a segment of `ns` of `act` for the thread current on `cpu`; when it ends, the thread
 * continues with `cont`. If the CPU is handling an interruption, the segment waits for it.
 * Application code that is not compute (a vDSO call, the glibc shim) uses this too: only
 * `runCompute` touches memory.
 */
export function runSegment(sim: NodeSim, cpu: number, act: Activity, ns: number, cont: number): void {
  const s = sim.state;
  const c = s.cpu;
  const t = s.threads[c.current[cpu]];
  const d = ns > 0 ? Math.round(ns) : 0;
  t.cont = cont;
  t.seg = act;
  s.cpuTime.busyNs[cpu] += d;
  if (act === Activity.Proxy) s.cpuTime.proxyNs[cpu] += d;
  if (act !== Activity.App) addOsBusy(sim, d);
  if (c.intrUntil[cpu] > sim.now) {
    t.segLeft = d;
    return;
  }
  t.segLeft = -1;
  setActivity(sim, cpu, act);
  c.segEnd[cpu] = sim.now + d;
  sim.at(c.segEnd[cpu], Ev.SegDone, cpu, ++c.gen[cpu]);
}

/**
 * Application compute of `ns` of work: stretched by TLB misses, by the page faults of memory it
 * touches for the first time (Linux), and by cache and memory-bandwidth interference from OS
 * work anywhere on the node (the same rule on every application CPU, whatever kernel runs it).
 */
export function runCompute(sim: NodeSim, cpu: number, ns: number, cont: number): void {
  const t = sim.state.threads[sim.state.cpu.current[cpu]];
  let d = Math.round(Math.max(0, ns) * t.tlbFactor) + firstTouchNs(sim, t.tid);
  d += interferenceNs(sim, cpu, d);
  runSegment(sim, cpu, Activity.App, d, cont);
}

/** The current thread polls until something ends the spin (a reply, a completion). */
export function spin(sim: NodeSim, cpu: number, cont: number): void {
  const c = sim.state.cpu;
  const t = sim.state.threads[c.current[cpu]];
  t.cont = cont;
  t.seg = Activity.Poll;
  c.gen[cpu]++;
  c.segEnd[cpu] = Infinity;
  if (c.intrUntil[cpu] > sim.now) {
    t.segLeft = Infinity;
    return;
  }
  t.segLeft = -1;
  setActivity(sim, cpu, Activity.Poll);
}

/** Whether the thread on `cpu` is spinning right now (not suspended by an interruption). */
export function isSpinning(sim: NodeSim, cpu: number): boolean {
  const c = sim.state.cpu;
  return c.current[cpu] >= 0 && c.segEnd[cpu] === Infinity && c.intrUntil[cpu] <= sim.now;
}

/**
 * Shared caches and memory bandwidth (docs/sources.md, Cache pollution). ASSUMPTION (parameters
 * interference.*): extra = work x perBusyCpu x (OS work on the node over the recent window, in
 * CPUs' worth), "recent" being an exponential average over interference.windowNs.
 */
function interferenceNs(sim: NodeSim, cpu: number, workNs: number): number {
  const extra = interferenceExtraNs(sim, workNs);
  if (extra > 0) {
    sim.state.noise.interferenceNs[cpu] += extra;
    sim.emit(Tr.Interference, cpu, pidOn(sim, cpu), extra, 0);
  }
  return extra;
}

/** The extra ns of `workNs` of compute started now: it depends on the node's recent OS work, never on which kernel runs the CPU. */
export function interferenceExtraNs(sim: NodeSim, workNs: number): number {
  const { perBusyCpu, windowNs } = sim.config.interference;
  if (perBusyCpu <= 0 || workNs <= 0) return 0;
  return Math.round(workNs * perBusyCpu * (recentOsBusy(sim) / windowNs));
}

/** OS busy ns over the recent window (exponentially decayed). */
function recentOsBusy(sim: NodeSim): number {
  const n = sim.state.noise;
  return n.osRecentNs * Math.exp(-(sim.now - n.osRecentAt) / sim.config.interference.windowNs);
}

function addOsBusy(sim: NodeSim, ns: number): void {
  const n = sim.state.noise;
  n.osBusyNs += ns;
  n.osRecentNs = recentOsBusy(sim) + ns;
  n.osRecentAt = sim.now;
}

/** Interrupts `cpu` for `durationNs` because of `cause`, preempting whatever runs there. Returns when it ends. */
export function interrupt(sim: NodeSim, cpu: number, cause: Cause, durationNs: number): number {
  const s = sim.state;
  const c = s.cpu;
  const d = Math.max(1, Math.round(durationNs));
  const k = cpu * CAUSE_COUNT + cause;
  // An interruption of an idle CPU (a wake-up IPI to a core waiting at a barrier) steals nothing from the application.
  const idle = c.current[cpu] < 0 && c.intrUntil[cpu] <= sim.now;
  if (idle) s.noise.idle[k]++;
  else {
    s.noise.interrupts[k]++;
    s.noise.stolen[k] += d;
  }
  s.cpuTime.busyNs[cpu] += d;
  addOsBusy(sim, d);
  sim.emit(Tr.IntrBegin, cpu, pidOn(sim, cpu), cause, d);
  if (c.intrUntil[cpu] > sim.now) {
    c.intrUntil[cpu] += d; // already interrupted: this one runs after it
  } else {
    const tid = c.current[cpu];
    if (tid >= 0) {
      const t = s.threads[tid];
      const end = c.segEnd[cpu];
      if (end === Infinity) t.segLeft = Infinity;
      else if (end >= sim.now) t.segLeft = end - sim.now;
    }
    c.intrUntil[cpu] = sim.now + d;
  }
  setActivity(sim, cpu, CAUSE_ACTIVITY[cause]);
  c.intrCause[cpu] = cause;
  sim.at(c.intrUntil[cpu], Ev.IntrEnd, cpu, ++c.igen[cpu]);
  return c.intrUntil[cpu];
}

/**
 * The interruption in progress on `cpu` takes `ns` more (an IPI handler whose work is known only
 * once it has looked at its queue). Counted as the same interruption. Returns its new end.
 */
export function extendInterruption(sim: NodeSim, cpu: number, ns: number): number {
  const s = sim.state;
  const c = s.cpu;
  const d = Math.max(0, Math.round(ns));
  if (d === 0 || c.intrUntil[cpu] < sim.now) return c.intrUntil[cpu];
  const k = cpu * CAUSE_COUNT + c.intrCause[cpu];
  if (s.noise.interrupts[k] > 0) s.noise.stolen[k] += d;
  s.cpuTime.busyNs[cpu] += d;
  addOsBusy(sim, d);
  c.intrUntil[cpu] += d;
  sim.at(c.intrUntil[cpu], Ev.IntrEnd, cpu, ++c.igen[cpu]);
  return c.intrUntil[cpu];
}

/**
 * After an interruption: resume the current thread's suspended segment or spin.
 * Returns true if the thread had nothing suspended and must continue with its continuation.
 */
export function resumeAfterInterruption(sim: NodeSim, cpu: number): boolean {
  const s = sim.state;
  const c = s.cpu;
  sim.emit(Tr.IntrEnd, cpu, pidOn(sim, cpu), c.intrCause[cpu], 0);
  c.intrUntil[cpu] = 0;
  const tid = c.current[cpu];
  if (tid < 0) {
    setActivity(sim, cpu, Activity.Idle);
    return false;
  }
  const t = s.threads[tid];
  if (t.segLeft === Infinity) {
    t.segLeft = -1;
    setActivity(sim, cpu, Activity.Poll);
    c.segEnd[cpu] = Infinity;
    return false;
  }
  if (t.segLeft >= 0) {
    setActivity(sim, cpu, t.seg);
    c.segEnd[cpu] = sim.now + t.segLeft;
    t.segLeft = -1;
    sim.at(c.segEnd[cpu], Ev.SegDone, cpu, ++c.gen[cpu]);
    return false;
  }
  return true;
}

export function isInterrupted(sim: NodeSim, cpu: number): boolean {
  return sim.state.cpu.intrUntil[cpu] > sim.now;
}
