/**
 * CAKE, "Cooperative Agent Kernel Extensions (cp. FUSE)": the one line of the mOS talk (ROSS
 * 2014) that names it is the only source, so everything here is the explorer's reading of it.
 * As FUSE lets a user-level daemon serve a file system for the kernel, a user-level agent serves
 * a class of calls the LWK does not implement itself: calls on paths under `cake.prefix` (and fds
 * opened on them), or named in `cake.calls`. Every other call keeps its usual route (the LWK's
 * own, an OS node, or Linux by the paper's function shipping).
 *
 * The agent is one Linux process (`cake.agentThreads` threads, placed by Linux on the
 * housekeeping CPUs). A class call: the LWK puts the request in the agent's queue (`insertNs`),
 * rings an IPI to wake a sleeping agent thread (only when the queue outruns the awake agents),
 * the agent takes the request through its device (a kernel crossing, as a FUSE daemon's read of
 * /dev/fuse), does its own work (`cake.serviceNs`), moves the call's data across the partition,
 * writes the reply through its device (a kernel crossing and the reply post) and the caller sees
 * it as it sees a proxy's reply (polling, or an IPI with `syscalls.replyIpi`). Compare the agent
 * route's round trip with the Linux route's in Syscall triage: no IPI handler and no Linux
 * service, but two crossings in the agent and the agent's own work.
 */
import { Activity, Cause, Role } from '../node/kinds';
import { Cont } from '../node/continuations';
import { interrupt, runSegment, type NodeSim } from '../node/cpu';
import { block, wake } from '../node/sched';
import { Ev, IpiKind, Tr } from '../node/events';
import { continueWith, resumeWaiter, waitFor } from '../node/executor';
import { sendIpi } from '../node/ipi';
import { defineContinuation, defineEvent } from '../node/rules';
import { addProcess, addThread, onCreateJob } from '../node/job';
import { TState, type NodeState, type Process } from '../node/state';
import type { CakeConfig, NodeConfig } from '../config/nodeConfig';
import { enterStage, Stage, type Call } from '../syscalls/calls';
import { copyNs } from '../syscalls/costs';
import { setRoute } from '../syscalls/issue';
import { CAKE_DEFAULTS } from '../config/defaults';
import { registerDesign } from './registry';
import { CAKE_INFO, AgentRoute, AgentIoStage } from './info/cake';
import { shippingTriage } from './shipping';

export function cakeSettings(config: NodeConfig): CakeConfig {
  return { ...CAKE_DEFAULTS, ...config.syscalls.cake };
}

/** Whether the agent serves `call`: in its class and not one of the LWK's own calls. */
export function isAgentCall(config: NodeConfig, call: { readonly name: string; readonly path: string }): boolean {
  const c = cakeSettings(config);
  if (config.syscalls.localCalls.includes(call.name) || call.name === 'futex') return false;
  return c.calls.includes(call.name) || (c.prefix !== '' && call.path.startsWith(c.prefix));
}

/** The housekeeping CPUs Linux may run the agent on. */
function agentCpus(config: NodeConfig): number[] {
  const cpus = config.roles.flatMap((r, cpu) => (r !== Role.Lwk && !config.appCpus.includes(cpu) ? [cpu] : []));
  return cpus.length > 0 ? cpus : [0];
}

function createAgent(state: NodeState, config: NodeConfig): void {
  if (config.syscalls.mechanism !== CAKE.id) return;
  const p = addProcess(state);
  const cpus = agentCpus(config);
  for (let k = 0; k < Math.max(1, cakeSettings(config).agentThreads); k++) addThread(state, p, cpus[k % cpus.length], 'proxy', { kind: 'proxy' }, cpus);
}

/** The agent's process: the one with servers and no application threads. Its pid queue is the agent's request queue. */
function agentProcess(s: NodeState): Process {
  return s.processes.find((p) => p.threads.length === 0 && p.proxies.length > 0)!;
}

// ---- the caller ----

function toAgent(sim: NodeSim, tid: number, call: Call): void {
  setRoute(sim, call, AgentRoute);
  enterStage(call, Stage.Queue, sim.now);
  runSegment(sim, sim.state.threads[tid].cpu, Activity.Syscall, sim.config.syscalls.costs.insertNs, QueuedCont);
}

/** The request is in the agent's queue; wake an agent if none is awake for it. The caller waits. */
function onQueued(sim: NodeSim, tid: number): void {
  const s = sim.state;
  const t = s.threads[tid];
  const call = s.calls.items[t.call]!;
  const agent = agentProcess(s);
  agent.pidQueue.push(call.id);
  enterStage(call, Stage.Ipi, sim.now);
  const threads = agent.proxies.map((x) => s.threads[x]);
  const awake = threads.filter((a) => a.serving !== -1 || a.wakePending).length;
  const sleeping = threads.find((a) => a.state === TState.Blocked && a.serving === -1 && !a.wakePending);
  if (sleeping && agent.pidQueue.length > awake) {
    sleeping.wakePending = true;
    sim.at(sendIpi(sim, t.cpu, sleeping.cpu, IpiKind.Wakeup, call.pid), DoorbellEvent, sleeping.tid);
  }
  waitFor(sim, tid, ReplySeenCont, sim.config.syscalls.wait);
}

/** The doorbell interrupts the agent's CPU; its handler wakes the agent. */
function onDoorbell(sim: NodeSim, agentTid: number): void {
  const a = sim.state.threads[agentTid];
  const end = interrupt(sim, a.cpu, Cause.Ipi, sim.config.syscalls.costs.ipiEntryNs);
  sim.at(end + sim.config.linux.wakeupNs, Ev.Wake, agentTid, LoopCont);
}

// ---- the agent ----

function onLoop(sim: NodeSim, tid: number): void {
  const s = sim.state;
  const t = s.threads[tid];
  t.wakePending = false;
  const id = agentProcess(s).pidQueue.shift();
  if (id === undefined) {
    t.serving = -1;
    return block(sim, tid, LoopCont);
  }
  t.serving = id;
  const call = s.calls.items[id]!;
  sim.emit(Tr.ProxyStart, t.cpu, call.pid, id, 0);
  enterStage(call, AgentIoStage, sim.now);
  runSegment(sim, t.cpu, Activity.Syscall, sim.config.syscalls.costs.kernelEntryNs, ServeCont);
}

function onServe(sim: NodeSim, tid: number): void {
  const t = sim.state.threads[tid];
  enterStage(sim.state.calls.items[t.serving]!, Stage.Service, sim.now);
  runSegment(sim, t.cpu, Activity.Proxy, cakeSettings(sim.config).serviceNs, CopyCont);
}

function onCopy(sim: NodeSim, tid: number): void {
  const s = sim.state;
  const t = s.threads[tid];
  const call = s.calls.items[t.serving]!;
  enterStage(call, Stage.Copy, sim.now);
  runSegment(sim, t.cpu, Activity.Proxy, copyNs(sim.config, call.name, call.bytes, s.threads[call.tid].home, t.cpu), ReplyCont);
}

function onReply(sim: NodeSim, tid: number): void {
  const t = sim.state.threads[tid];
  enterStage(sim.state.calls.items[t.serving]!, Stage.Reply, sim.now);
  const costs = sim.config.syscalls.costs;
  runSegment(sim, t.cpu, Activity.Syscall, costs.kernelEntryNs + costs.replyNs, PostedCont);
}

/** The reply is posted for the caller; the agent takes the next request or sleeps. */
function onPosted(sim: NodeSim, tid: number): void {
  const s = sim.state;
  const t = s.threads[tid];
  const call = s.calls.items[t.serving]!;
  const home = s.threads[call.tid].home;
  call.replyReadyAt = sim.now;
  enterStage(call, Stage.ReplySeen, sim.now);
  sim.emit(Tr.ReplyReady, home, call.pid, call.id, 0);
  if (sim.config.syscalls.replyIpi) sim.at(sendIpi(sim, t.cpu, home, IpiKind.Reply, call.pid), ReplyIpiEvent, call.tid);
  else sim.after(sim.config.syscalls.costs.pollNs, ReplyPollEvent, call.tid);
  t.serving = -1;
  onLoop(sim, tid);
}

/** A reply IPI interrupts the caller's LWK CPU, whose handler lets the caller go on. */
function onReplyIpi(sim: NodeSim, tid: number): void {
  const home = sim.state.threads[tid].home;
  interrupt(sim, home, Cause.Ipi, sim.config.syscalls.costs.ipiEntryNs);
  resume(sim, tid);
}

/** Without reply IPIs the LWK polls: the caller (spinning, or its idle CPU) sees the reply at its next look. */
function onReplyPoll(sim: NodeSim, tid: number): void {
  resume(sim, tid);
}

function resume(sim: NodeSim, tid: number): void {
  const t = sim.state.threads[tid];
  if (t.state === TState.Blocked) wake(sim, tid, ReplySeenCont, t.home);
  else resumeWaiter(sim, tid, ReplySeenCont);
}

function onReplySeen(sim: NodeSim, tid: number): void {
  const t = sim.state.threads[tid];
  const call = sim.state.calls.items[t.call]!;
  sim.emit(Tr.ReplySeen, t.cpu, t.pid, call.id, sim.now - call.replyReadyAt);
  continueWith(sim, tid, Cont.Return);
}

const QueuedCont = defineContinuation('cake: request queued', onQueued);
const LoopCont = defineContinuation('cake: agent takes the next request', onLoop);
const ServeCont = defineContinuation('cake: agent serves', onServe);
const CopyCont = defineContinuation('cake: agent copies', onCopy);
const ReplyCont = defineContinuation('cake: agent replies', onReply);
const PostedCont = defineContinuation('cake: reply posted', onPosted);
const ReplySeenCont = defineContinuation('cake: reply seen', onReplySeen);
/** a = agent thread: the doorbell reaches its CPU. */
const DoorbellEvent = defineEvent('cake: agent doorbell', onDoorbell);
/** a = caller thread: the agent's reply IPI reaches the caller's CPU. */
const ReplyIpiEvent = defineEvent('cake: reply IPI', onReplyIpi);
/** a = caller thread: the polling LWK sees the agent's reply. */
const ReplyPollEvent = defineEvent('cake: reply poll', onReplyPoll);

onCreateJob(createAgent);

export const CAKE = registerDesign({
  ...CAKE_INFO,
  triage: (sim, tid, call) => (isAgentCall(sim.config, call) ? toAgent(sim, tid, call) : shippingTriage(sim, tid, call)),
});
