/**
 * The launch, traced step by step: Linux's launch daemon receives the job over TCP/IP, reserves
 * LWK CPUs and memory (zeroed: a cost), loads the program, creates each process's proxy and
 * channels, configures the network card and hands it to the application, then starts the threads.
 * The daemon's work runs on the first Linux CPU.
 */
import { Cause, Role } from './kinds';
import { Cont } from './state';
import { interrupt, type NodeSim } from './cpu';
import { wake } from './sched';
import { Ev, LAUNCH_STEPS, Tr } from './events';
import { MS, US } from '../kernel/time';
import { allocateLwkProcesses } from './memoryRules';


/** Which steps a system takes: Linux has no LWK to reserve and no proxies to create. */
function stepsOf(sim: NodeSim): readonly number[] {
  return sim.config.system === 'mos' ? [0, 1, 2, 3, 4, 5, 6] : [0, 3, 5, 6];
}

function stepCost(sim: NodeSim, step: number): { ns: number; detail: number } {
  const processes = sim.state.processes.length;
  switch (step) {
    case 0: return { ns: 50 * US, detail: 0 };
    case 1: return { ns: 20 * US, detail: sim.config.appCpus.length };
    case 2: {
      // The reservation's regions are zeroed up front, so the LWK never faults afterwards. The
      // reserved LWK CPUs clear it in parallel (ASSUMPTION): the step takes the total / their number.
      const zeroNs = allocateLwkProcesses(sim);
      return { ns: zeroNs / Math.max(1, sim.config.appCpus.length), detail: Math.round(zeroNs / sim.config.memory.zeroNsPerByte) };
    }
    case 3: return { ns: 1 * MS, detail: processes };
    case 4: return { ns: 50 * US * processes, detail: processes };
    case 5: return { ns: 200 * US, detail: 0 };
    default: return { ns: 10 * US, detail: sim.state.threads.filter((t) => t.kind === 'app').length };
  }
}

function daemonCpu(sim: NodeSim): number {
  const i = sim.config.roles.findIndex((r, c) => r !== Role.Lwk && !sim.config.appCpus.includes(c));
  return i >= 0 ? i : 0;
}

/** Ev.Launch with a = index into this system's steps. */
export function onLaunch(sim: NodeSim, index: number): void {
  const steps = stepsOf(sim);
  const step = steps[index];
  const { ns, detail } = stepCost(sim, step);
  sim.emit(Tr.Launch, daemonCpu(sim), -1, step, detail);
  if (step === LAUNCH_STEPS.length - 1) return startThreads(sim);
  const end = interrupt(sim, daemonCpu(sim), Cause.Daemon, ns);
  sim.at(end, Ev.Launch, index + 1);
}

function startThreads(sim: NodeSim): void {
  const s = sim.state;
  s.launchedAt = sim.now;
  for (const t of s.threads) {
    if (t.kind !== 'app') continue;
    sim.emit(Tr.ThreadStart, t.home, t.pid, t.tid, 0);
    wake(sim, t.tid, Cont.Next, t.home);
  }
}
