/**
 * What each injection does: an ordinary function on the model (RaftScope style), bound to its
 * description (specs.ts). Durations are simulated nanoseconds.
 */
import { CAUSE_NAMES, Cause } from '../node/kinds';
import { interrupt, type NodeSim } from '../node/cpu';
import { defineEvent } from '../node/rules';
import { processOf, FIRST_PID } from '../node/state';
import { sendSignal } from '../node/signals';
import { holdChannelFull } from '../designs/shipping';
import { bindInjection } from './registry';
import './specs';
import { liveSettingProblem, withSetting } from '../config/liveSettings';

const GROUP = 5; // [cpu, left, everyNs, durationNs, cause]

/** a = index of the group in state.injected.interruptions: the next of a series of injected interruptions. */
const InjectedInterruptEvent = defineEvent('injected interruption', (sim, index) => {
  const xs = sim.state.injected.interruptions;
  const k = index * GROUP;
  interrupt(sim, xs[k], xs[k + 4] as Cause, xs[k + 3]);
  if (--xs[k + 1] > 0) sim.after(xs[k + 2], InjectedInterruptEvent, index);
});

/** Starts `count` interruptions of `cause` on `cpu`, the first now, then every `everyNs`. */
function interruptSeries(sim: NodeSim, cpu: number, count: number, everyNs: number, durationNs: number, cause: Cause): string | null {
  if (cpu >= sim.config.cpuCount) return `no CPU ${cpu} (this node has CPUs 0-${sim.config.cpuCount - 1})`;
  const xs = sim.state.injected.interruptions;
  const index = xs.length / GROUP;
  xs.push(cpu, count, everyNs, durationNs, cause);
  sim.at(sim.now, InjectedInterruptEvent, index);
  return null;
}

function processError(sim: NodeSim, pid: number): string | null {
  const p = pid >= FIRST_PID ? processOf(sim.state, pid) : undefined;
  return p ? null : `no process ${pid} (the job's pids are ${FIRST_PID}-${FIRST_PID + sim.state.processes.length - 1})`;
}

bindInjection('interrupt-burst', (sim, a) => interruptSeries(sim, a.cpu as number, a.count as number, a.everyNs as number, a.durationNs as number, Cause.DeviceIrq));

bindInjection('noisy-daemon', (sim, a) => {
  if ((a.durationNs as number) >= (a.periodNs as number)) return 'noisy-daemon: durationNs must be shorter than periodNs (it would never let the CPU go)';
  const count = Math.max(1, Math.floor((a.forNs as number) / (a.periodNs as number)));
  return interruptSeries(sim, a.cpu as number, count, a.periodNs as number, a.durationNs as number, Cause.Daemon);
});

bindInjection('inject-interrupt', (sim, a) => interruptSeries(sim, a.cpu as number, 1, 1, a.durationNs as number, CAUSE_NAMES.indexOf(a.cause as (typeof CAUSE_NAMES)[number]) as Cause));

bindInjection('signal', (sim, a) => processError(sim, a.pid as number) ?? sendSignal(sim, a.pid as number));

bindInjection('syscall-storm', (sim, a) => {
  const bad = processError(sim, a.pid as number);
  if (bad) return bad;
  const storms = sim.state.injected.storms;
  const key = String(a.pid);
  const left = (storms[key]?.name === a.name ? storms[key].left : 0) + (a.count as number);
  storms[key] = { left, name: a.name as string };
  return null;
});

bindInjection('stall-proxy', (sim, a) => {
  const pid = a.pid as number;
  const bad = processError(sim, pid);
  if (bad) return bad;
  if (processOf(sim.state, pid).proxies.length === 0) return `stall-proxy: process ${pid} has no proxy (the design ${sim.config.syscalls.mechanism} uses none)`;
  const stalls = sim.state.injected.proxyStallUntil;
  stalls[String(pid)] = Math.max(stalls[String(pid)] ?? 0, sim.now + (a.forNs as number));
  return null;
});

bindInjection('fill-channel', (sim, a) => holdChannelFull(sim, a.channel as number, a.forNs as number));

bindInjection('slow-osnode', (sim, a) => {
  if (sim.config.osnode.mode === 'direct') return 'slow-osnode: this node ships no call to an OS node (osnode.mode is direct)';
  // The OS node this node's calls go to stops serving (a hung daemon): its queue waits.
  const free = sim.state.osnode.os.freeNs;
  free[0] = Math.max(free[0], sim.now + (a.forNs as number));
  return null;
});

/** A live setting: the configuration changes from now on (checked against its bounds and the load checks first). */
bindInjection('settings', (sim, a) => {
  const problem = liveSettingProblem(sim.config, a.path as string, a.value);
  if (problem) return problem;
  sim.reconfigure(withSetting(sim.config, a.path as string, a.value as number));
  return null;
});
