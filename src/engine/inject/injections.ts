/**
 * The injections themselves, each an ordinary function on the model (registry.ts). Durations
 * are simulated nanoseconds. Defaults are ASSUMPTIONs sized to be seen in the views: a burst a
 * little denser than a busy NIC, a daemon like a misbehaving kworker, a stall of a few ms.
 */
import { CAUSE_NAMES, Cause } from '../node/kinds';
import { interrupt, type NodeSim } from '../node/cpu';
import { defineEvent } from '../node/rules';
import { processOf, FIRST_PID } from '../node/state';
import { sendSignal } from '../node/signals';
import { holdChannelFull } from '../designs/shipping';
import { formatDuration, MS, US } from '../kernel/time';
import { registerInjection } from './registry';
import type { Args, FieldSpec } from './fields';

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

const cpuField: FieldSpec = { name: 'cpu', kind: 'cpu', label: 'the CPU' };
const pidField: FieldSpec = { name: 'pid', kind: 'pid', label: 'the process' };
const forField = (ms: number): FieldSpec => ({ name: 'forNs', kind: 'duration', label: 'how long, ns', default: ms * MS });
const d = (args: Args, key: string) => formatDuration(args[key] as number);

registerInjection({
  type: 'interrupt-burst',
  title: 'Interrupt burst',
  target: 'cpu',
  fields: [
    cpuField,
    { name: 'count', kind: 'count', label: 'interrupts', default: 20 },
    { name: 'everyNs', kind: 'duration', label: 'time between them, ns', default: 50 * US },
    { name: 'durationNs', kind: 'duration', label: 'each handler, ns', default: 5 * US },
  ],
  apply: (sim, a) => interruptSeries(sim, a.cpu as number, a.count as number, a.everyNs as number, a.durationNs as number, Cause.DeviceIrq),
  describe: (a) => `${a.count} device interrupts of ${d(a, 'durationNs')} every ${d(a, 'everyNs')} on CPU ${a.cpu}`,
});

registerInjection({
  type: 'noisy-daemon',
  title: 'Noisy daemon',
  target: 'cpu',
  fields: [
    cpuField,
    { name: 'periodNs', kind: 'duration', label: 'wakes every, ns', default: 1 * MS },
    { name: 'durationNs', kind: 'duration', label: 'runs for, ns', default: 100 * US },
    forField(50),
  ],
  apply: (sim, a) => {
    if ((a.durationNs as number) >= (a.periodNs as number)) return 'noisy-daemon: durationNs must be shorter than periodNs (it would never let the CPU go)';
    const count = Math.max(1, Math.floor((a.forNs as number) / (a.periodNs as number)));
    return interruptSeries(sim, a.cpu as number, count, a.periodNs as number, a.durationNs as number, Cause.Daemon);
  },
  describe: (a) => `a kernel daemon running ${d(a, 'durationNs')} every ${d(a, 'periodNs')} for ${d(a, 'forNs')} on CPU ${a.cpu}`,
});

registerInjection({
  type: 'inject-interrupt',
  title: 'One interruption',
  target: 'cpu',
  fields: [cpuField, { name: 'cause', kind: 'choice', label: 'its cause', choices: CAUSE_NAMES, default: 'device interrupt' }, { name: 'durationNs', kind: 'duration', label: 'its length, ns', default: 10 * US }],
  apply: (sim, a) => interruptSeries(sim, a.cpu as number, 1, 1, a.durationNs as number, CAUSE_NAMES.indexOf(a.cause as (typeof CAUSE_NAMES)[number]) as Cause),
  describe: (a) => `one ${a.cause} of ${d(a, 'durationNs')} on CPU ${a.cpu}`,
});

registerInjection({
  type: 'signal',
  title: 'Signal',
  target: 'process',
  fields: [pidField],
  apply: (sim, a) => processError(sim, a.pid as number) ?? sendSignal(sim, a.pid as number),
  describe: (a) => `a signal to process ${a.pid}`,
});

registerInjection({
  type: 'syscall-storm',
  title: 'Syscall storm',
  target: 'process',
  fields: [pidField, { name: 'count', kind: 'count', label: 'calls', default: 200 }, { name: 'name', kind: 'name', label: 'the call', default: 'getppid' }],
  apply: (sim, a) => {
    const bad = processError(sim, a.pid as number);
    if (bad) return bad;
    const storms = sim.state.injected.storms;
    const key = String(a.pid);
    const left = (storms[key]?.name === a.name ? storms[key].left : 0) + (a.count as number);
    storms[key] = { left, name: a.name as string };
    return null;
  },
  describe: (a) => `${a.count} ${a.name} calls from process ${a.pid}, back to back`,
});

registerInjection({
  type: 'stall-proxy',
  title: 'Stall proxies',
  target: 'process',
  fields: [pidField, forField(5)],
  apply: (sim, a) => {
    const pid = a.pid as number;
    const bad = processError(sim, pid);
    if (bad) return bad;
    if (processOf(sim.state, pid).proxies.length === 0) return `stall-proxy: process ${pid} has no proxy (the design ${sim.config.syscalls.mechanism} uses none)`;
    const stalls = sim.state.injected.proxyStallUntil;
    stalls[String(pid)] = Math.max(stalls[String(pid)] ?? 0, sim.now + (a.forNs as number));
    return null;
  },
  describe: (a) => `the proxies of process ${a.pid} stalled for ${d(a, 'forNs')}`,
});

registerInjection({
  type: 'fill-channel',
  title: 'Make full',
  target: 'channel',
  fields: [{ name: 'channel', kind: 'channel', label: 'the Linux channel' }, forField(5)],
  apply: (sim, a) => holdChannelFull(sim, a.channel as number, a.forNs as number),
  describe: (a) => `Linux channel ${a.channel} held full for ${d(a, 'forNs')}`,
});

registerInjection({
  type: 'slow-osnode',
  title: 'Slow OS node',
  target: 'osnode',
  fields: [forField(20)],
  apply: (sim, a) => {
    if (sim.config.osnode.mode === 'direct') return 'slow-osnode: this node ships no call to an OS node (osnode.mode is direct)';
    // The OS node this node's calls go to stops serving (a hung daemon): its queue waits.
    const free = sim.state.osnode.os.freeNs;
    free[0] = Math.max(free[0], sim.now + (a.forNs as number));
    return null;
  },
  describe: (a) => `this node's OS node stalled for ${d(a, 'forNs')}`,
});
