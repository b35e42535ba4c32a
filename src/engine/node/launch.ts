/**
 * The launch, traced step by step: Linux's launch daemon receives the job over TCP/IP, reserves
 * LWK CPUs and memory (zeroed: a cost), loads the program, creates each process's proxy and
 * channels, configures the network card and hands it to the application, then starts the threads.
 * The daemon's work runs on the first Linux CPU that runs no application thread; its cause is
 * "job launch", not a kernel daemon's noise. Which steps a node takes follows from its
 * configuration: no LWK, nothing to reserve; no proxies, none to create.
 */
import { Cause, Role } from './kinds';
import { Cont } from './continuations';
import { interrupt, type NodeSim } from './cpu';
import { wake } from './sched';
import { LAUNCH_STEPS, Tr } from './events';
import { allocateLwkProcesses } from './memoryRules';
import { defineEvent } from './rules';
import { designOf } from '../designs/registry';

/** a = index into this node's steps: the launch daemon's next step. */
export const LaunchEvent = defineEvent('launch step', onLaunch);

function stepsOf(sim: NodeSim): readonly number[] {
  const hasLwk = sim.config.roles.includes(Role.Lwk);
  const hasProxies = sim.state.threads.some((t) => t.kind === 'proxy');
  return [0, 1, 2, 3, 4, 5, 6].filter((step) => (step === 1 || step === 2 ? hasLwk : step === 4 ? hasProxies : true));
}

function stepCost(sim: NodeSim, step: number): { ns: number; detail: number } {
  const processes = sim.state.processes.length;
  const l = sim.config.launch;
  switch (step) {
    case 0: return { ns: l.receiveNs, detail: 0 };
    case 1: return { ns: l.reserveNs, detail: sim.config.appCpus.length };
    case 2: {
      // The reservation's regions are zeroed up front, so the LWK never faults afterwards. The
      // reserved LWK CPUs clear it in parallel (ASSUMPTION): the step takes the total / their number.
      const zeroNs = allocateLwkProcesses(sim);
      return { ns: zeroNs / Math.max(1, sim.config.appCpus.length), detail: Math.round(zeroNs / sim.config.memory.zeroNsPerByte) };
    }
    case 3: return { ns: l.loadNs, detail: processes };
    case 4: {
      // Only processes with Linux-side servers get them (another enclave's program has none).
      const served = sim.state.processes.filter((p) => p.proxies.length > 0).length;
      return { ns: l.proxiesPerProcessNs * served, detail: served };
    }
    case 5: return { ns: l.nicNs, detail: 0 };
    default: return { ns: l.startNs, detail: sim.state.threads.filter((t) => t.kind === 'app').length };
  }
}

function daemonCpu(sim: NodeSim): number {
  const i = sim.config.roles.findIndex((r, c) => r !== Role.Lwk && !sim.config.appCpus.includes(c));
  return i >= 0 ? i : 0;
}

function onLaunch(sim: NodeSim, index: number): void {
  const steps = stepsOf(sim);
  const step = steps[index];
  const { ns, detail } = stepCost(sim, step);
  sim.emit(Tr.Launch, daemonCpu(sim), -1, step, detail);
  if (step === LAUNCH_STEPS.length - 1) return startThreads(sim);
  const end = interrupt(sim, daemonCpu(sim), Cause.Launch, ns);
  sim.at(end, LaunchEvent, index + 1);
}

function startThreads(sim: NodeSim): void {
  const s = sim.state;
  s.launchedAt = sim.now;
  designOf(sim.config).start?.(sim);
  for (const t of s.threads) {
    if (t.kind !== 'app') continue;
    sim.emit(Tr.ThreadStart, t.home, t.pid, t.tid, 0);
    wake(sim, t.tid, Cont.Next, t.home);
  }
}
