/**
 * The paper's design: function shipping, exactly as the paper's pseudocode (ROSS 2014; docs/sources.md, The mOS design):
 *   read(): msg = { route=pid, context, payload }; was = linux_channel.q.insert(msg);
 *           if (!was) linux_channel.receiver.send_ipi(); lwk_channel.wait_for_ack()
 *   ipi_handler(): msg_list = q.get_list(); for each msg: channel[pid].q.insert(msg); sched_run(pid)
 * The handler's IPI entry runs before get_list, and its work (a fixed part plus one per message)
 * after it. sched_run wakes a sleeping proxy of the pid, which Linux places on an idle CPU it may
 * use; the proxy serves the call (PFS I/O leaves the node), copies the data and posts the reply
 * on the caller's LWK channel (with an IPI only if that channel takes IPIs and was empty).
 * `syscalls.ipiPolicy: 'every'` sends an IPI per message (McKernel's IKC, designs/mckernel.ts).
 */
import { Activity, Cause } from '../node/kinds';
import { processOf, TState } from '../node/state';
import { Cont } from '../node/continuations';
import { extendInterruption, interrupt, isInterrupted, runSegment, type NodeSim } from '../node/cpu';
import { block, onLwkSchedule, wake } from '../node/sched';
import { CHANNEL_DEPTH_SPAN, Ev, IpiKind, Tr } from '../node/events';
import { continueWith, resumeWaiter, waitFor } from '../node/executor';
import { sendIpi } from '../node/ipi';
import { defineContinuation, defineEvent } from '../node/rules';
import { enterStage, Stage, type Call } from '../syscalls/calls';
import { getList, insert, isFull } from '../syscalls/channel';
import { copyNs, serviceNs } from '../syscalls/costs';
import { isPfsCall } from '../syscalls/pfs';
import { pfsFromLinux } from '../syscalls/osnodePath';
import { enterLinuxQueue, lwkTriage } from '../syscalls/triage';

import { registerDesign } from './registry';
import { SHIPPING_INFO } from './info/shipping';

// ---- the caller: insert, doorbell, wait ----

/** The caller puts its message into the Linux channel of its syscall CPU (after the insert cost). */
export function forward(sim: NodeSim, tid: number, call: Call): void {
  enterLinuxQueue(sim, tid, call, InsertCont);
}

function onInsert(sim: NodeSim, tid: number): void {
  const s = sim.state;
  const t = s.threads[tid];
  const call = s.calls.items[t.call]!;
  const ch = s.channels.linux[call.channel];
  const cfg = sim.config.syscalls;
  if (isFull(ch, sim.now)) {
    // A full queue makes the sender wait, in arrival order; nothing is dropped.
    if (!ch.waiting.includes(tid)) ch.waiting.push(tid);
    sim.emit(Tr.ChannelFull, t.cpu, t.pid, tid, 0);
    return waitFor(sim, tid, InsertCont, cfg.wait);
  }
  const was = insert(ch, call.id, sim.now);
  enterStage(call, Stage.Ipi, sim.now);
  sim.emit(Tr.ChannelInsert, t.cpu, t.pid, call.id, call.channel * CHANNEL_DEPTH_SPAN + ch.queue.length);
  if (!was || cfg.ipiPolicy === 'every') {
    ch.ipis++;
    const arrival = sendIpi(sim, t.cpu, ch.cpu, IpiKind.Channel, t.pid);
    sim.at(arrival, ChannelIpiEvent, call.channel);
  } else {
    sim.emit(Tr.IpiSkipped, t.cpu, t.pid, call.channel, 0);
  }
  waitFor(sim, tid, ReplySeenCont, cfg.wait);
}

// ---- the syscall CPU: IPI entry, get_list, routing ----

/** The doorbell reaches the syscall CPU: interrupt entry first; get_list when it is done. */
function onChannelIpi(sim: NodeSim, channel: number): void {
  const cpu = sim.state.channels.linux[channel].cpu;
  const start = Math.max(sim.now, sim.state.cpu.intrUntil[cpu]);
  // Scheduled before the interruption's end, so it runs first at that instant and extends it.
  sim.at(start + Math.round(sim.config.syscalls.costs.ipiEntryNs), GetListEvent, channel);
  interrupt(sim, cpu, Cause.Ipi, sim.config.syscalls.costs.ipiEntryNs);
}

/** ipi_handler(): take the whole list; the handler's work grows with it; routing when it is done. */
function onGetList(sim: NodeSim, channel: number): void {
  const s = sim.state;
  const ch = s.channels.linux[channel];
  const costs = sim.config.syscalls.costs;
  const batch = getList(ch, sim.now);
  sim.emit(Tr.HandlerGetList, ch.cpu, -1, batch.length, channel);
  for (const id of batch) enterStage(s.calls.items[id]!, Stage.Handler, sim.now);
  const work = costs.handlerBaseNs + costs.handlerPerMessageNs * batch.length;
  s.cpuTime.handlerNs[ch.cpu] += costs.ipiEntryNs + work;
  const end = extendInterruption(sim, ch.cpu, work);
  s.handling[channel].push(batch);
  sim.at(end, HandlerDoneEvent, channel);
  admitWaitingSenders(sim, channel);
}

/** Slots freed by get_list go to the waiting senders, first come first served. */
function admitWaitingSenders(sim: NodeSim, channel: number): void {
  const ch = sim.state.channels.linux[channel];
  if (sim.now < ch.heldFullUntil) return;
  let free = ch.capacity - ch.queue.length;
  while (free > 0 && ch.waiting.length > 0) {
    resumeWaiter(sim, ch.waiting.shift()!, InsertCont);
    free--;
  }
}

function onHandlerDone(sim: NodeSim, channel: number): void {
  const s = sim.state;
  const ch = s.channels.linux[channel];
  const batch = s.handling[channel].shift() ?? [];
  for (const id of batch) {
    const call = s.calls.items[id]!;
    processOf(s, call.pid).pidQueue.push(id); // channel[pid].q.insert(msg)
    enterStage(call, Stage.ProxySched, sim.now);
    sim.emit(Tr.HandlerRoute, ch.cpu, call.pid, id, 0);
    schedRun(sim, call.pid);
  }
}

/** sched_run(pid): a sleeping proxy of the pid becomes runnable after Linux's wake-up path. */
function schedRun(sim: NodeSim, pid: number): void {
  const s = sim.state;
  const p = processOf(s, pid);
  const sleeping = p.proxies.find((tid) => s.threads[tid].state === TState.Blocked && s.threads[tid].serving === -1 && !s.threads[tid].wakePending);
  if (sleeping === undefined) return; // every proxy is awake or on its way, and will take the message
  s.threads[sleeping].wakePending = true;
  sim.after(sim.config.linux.wakeupNs, Ev.Wake, sleeping, ProxyLoopCont);
}

/**
 * An injection holds channel `channel` full for `forNs`: senders wait as at a full queue, and
 * are admitted when it ends. Returns an error text, or null.
 */
export function holdChannelFull(sim: NodeSim, channel: number, forNs: number): string | null {
  const ch = sim.state.channels.linux[channel];
  if (!ch) return `fill-channel: no Linux channel ${channel} (this node has ${sim.state.channels.linux.length})`;
  ch.heldFullUntil = Math.max(ch.heldFullUntil, sim.now + Math.round(forNs));
  sim.at(ch.heldFullUntil, ChannelReleasedEvent, channel);
  return null;
}

/** A held channel is released: the senders waiting for a slot go in, first come first served. */
const ChannelReleasedEvent = defineEvent('channel released', (sim, channel) => admitWaitingSenders(sim, channel));

// ---- the proxy ----

/** The proxy takes the next message of its pid's channel, in order, or sleeps. */
function onProxyLoop(sim: NodeSim, tid: number): void {
  const s = sim.state;
  const t = s.threads[tid];
  const stalledUntil = s.injected.proxyStallUntil[t.pid] ?? 0;
  if (sim.now < stalledUntil) {
    // A stalled proxy (an injection) sleeps until the stall ends; wake-ups meanwhile pass it by.
    t.serving = -1;
    t.wakePending = true;
    block(sim, tid, ProxyLoopCont);
    sim.at(stalledUntil, Ev.Wake, tid, ProxyLoopCont);
    return;
  }
  t.wakePending = false;
  const id = processOf(s, t.pid).pidQueue.shift();
  if (id === undefined) {
    t.serving = -1;
    return block(sim, tid, ProxyLoopCont);
  }
  const call = s.calls.items[id]!;
  t.serving = id;
  sim.emit(Tr.ProxyStart, t.cpu, t.pid, id, 0);
  // PFS I/O leaves the node: Linux ships it to an OS node, or the node is a PFS client itself.
  if (isPfsCall(sim.config, call)) return pfsFromLinux(sim, call, tid, ProxyReplyCont);
  enterStage(call, Stage.Service, sim.now);
  runSegment(sim, t.cpu, Activity.Proxy, serviceNs(sim.config, call.name), ProxyCopyCont);
}

function onProxyCopy(sim: NodeSim, tid: number): void {
  const s = sim.state;
  const t = s.threads[tid];
  const call = s.calls.items[t.serving]!;
  enterStage(call, Stage.Copy, sim.now);
  const caller = s.threads[call.tid];
  runSegment(sim, t.cpu, Activity.Proxy, copyNs(sim.config, call.name, call.bytes, caller.home, t.cpu), ProxyReplyCont);
}

function onProxyReply(sim: NodeSim, tid: number): void {
  const s = sim.state;
  const t = s.threads[tid];
  enterStage(s.calls.items[t.serving]!, Stage.Reply, sim.now);
  runSegment(sim, t.cpu, Activity.Proxy, sim.config.syscalls.costs.replyNs, ProxyPostedCont);
}

function onProxyPosted(sim: NodeSim, tid: number): void {
  const t = sim.state.threads[tid];
  postReply(sim, sim.state.calls.items[t.serving]!, t.cpu);
  t.serving = -1;
  onProxyLoop(sim, tid);
}

// ---- the reply ----

/** { context, ret } lands in the caller's LWK channel: "reply ready". */
function postReply(sim: NodeSim, call: Call, fromCpu: number): void {
  const s = sim.state;
  const cfg = sim.config.syscalls;
  const caller = s.threads[call.tid];
  const cpu = caller.home;
  const ch = s.channels.lwk[cpu]!;
  const was = ch.queue.length > 0;
  ch.queue.push(call.id);
  ch.inserts++;
  call.replyReadyAt = sim.now;
  enterStage(call, Stage.ReplySeen, sim.now);
  sim.emit(Tr.ReplyReady, cpu, call.pid, call.id, 0);
  if (cfg.replyIpi && (!was || cfg.ipiPolicy === 'every')) {
    ch.ipis++;
    sim.at(sendIpi(sim, fromCpu, cpu, IpiKind.Reply, call.pid), ReplyIpiEvent, cpu);
  } else if (!cfg.replyIpi) {
    sim.emit(Tr.IpiSkipped, cpu, call.pid, -1, 1);
  }
  // A spinning caller, or an idle CPU's polling loop, notices the reply at its next look.
  if (caller.state === TState.Running || s.cpu.current[cpu] < 0) sim.after(cfg.costs.pollNs, ReplyPollEvent, call.tid);
}

/** A reply IPI interrupts the LWK CPU; its handler makes the repliers' threads runnable. */
function onReplyIpi(sim: NodeSim, cpu: number): void {
  interrupt(sim, cpu, Cause.Ipi, sim.config.syscalls.costs.ipiEntryNs);
  collectReplies(sim, cpu);
}

/** A spinning thread (or an idle CPU's poll loop) looks at the channel. */
function onReplyPoll(sim: NodeSim, tid: number): void {
  const s = sim.state;
  const t = s.threads[tid];
  if (t.call < 0 || s.calls.items[t.call]!.replyReadyAt < 0) return;
  if (isInterrupted(sim, t.cpu)) {
    sim.at(s.cpu.intrUntil[t.cpu], ReplyPollEvent, tid);
    return;
  }
  if (t.state === TState.Running || s.cpu.current[t.home] < 0) collectReplies(sim, t.home);
}

/** Takes the replies waiting in `cpu`'s LWK channel and lets their threads go on. */
function collectReplies(sim: NodeSim, cpu: number): void {
  const s = sim.state;
  const ch = s.channels.lwk[cpu];
  if (!ch || ch.queue.length === 0) return;
  for (const id of ch.queue.splice(0, ch.queue.length)) {
    const tid = s.calls.items[id]!.tid;
    const t = s.threads[tid];
    if (t.state === TState.Blocked) wake(sim, tid, ReplySeenCont, t.home);
    else resumeWaiter(sim, tid, ReplySeenCont);
  }
}

/** The caller has seen its reply ("reply seen"): back to user space. */
function onReplySeen(sim: NodeSim, tid: number): void {
  const s = sim.state;
  const t = s.threads[tid];
  const call = s.calls.items[t.call]!;
  const ch = s.channels.lwk[t.home];
  if (ch) {
    const i = ch.queue.indexOf(call.id);
    if (i >= 0) ch.queue.splice(i, 1);
  }
  sim.emit(Tr.ReplySeen, t.cpu, t.pid, call.id, sim.now - call.replyReadyAt);
  continueWith(sim, tid, Cont.Return);
}

// ---- registration ----

const InsertCont = defineContinuation('shipping: insert', onInsert);
const ReplySeenCont = defineContinuation('shipping: reply seen', onReplySeen);
const ProxyLoopCont = defineContinuation('proxy: next message', onProxyLoop);
const ProxyCopyCont = defineContinuation('proxy: copy', onProxyCopy);
const ProxyReplyCont = defineContinuation('proxy: reply', onProxyReply);
const ProxyPostedCont = defineContinuation('proxy: posted', onProxyPosted);
/** a = Linux channel: its doorbell IPI reaches the syscall CPU. */
const ChannelIpiEvent = defineEvent('channel doorbell', onChannelIpi);
/** a = Linux channel: the IPI entry is over, the handler takes the list. */
const GetListEvent = defineEvent('handler get_list', onGetList);
/** a = Linux channel: the IPI handler has routed its batch. */
const HandlerDoneEvent = defineEvent('handler done', onHandlerDone);
/** a = LWK cpu: a reply IPI reaches it. */
const ReplyIpiEvent = defineEvent('reply IPI', onReplyIpi);
/** a = thread: a spinning thread's next look at its reply channel. */
const ReplyPollEvent = defineEvent('reply poll', onReplyPoll);

// A cooperative LWK notices replies that arrived while another thread ran when it next schedules.
onLwkSchedule(collectReplies);

/** The shipping design's triage, shared with McKernel-style shipping. */
export function shippingTriage(sim: NodeSim, tid: number, call: Call): void {
  lwkTriage(sim, tid, call, forward);
}

export const SHIPPING = registerDesign({
  ...SHIPPING_INFO,
  triage: shippingTriage,
});
