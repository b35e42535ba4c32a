/**
 * Function shipping, exactly as the seed's pseudocode and DESIGN.md's round trip:
 *   read(): msg = { route=pid, context, payload }; was = linux_channel.q.insert(msg);
 *           if (!was) linux_channel.receiver.send_ipi(); lwk_channel.wait_for_ack()
 *   ipi_handler(): msg_list = q.get_list(); for each msg: channel[pid].q.insert(msg); sched_run(pid)
 * then the pid's proxy runs when Linux schedules it, serves the call, copies the data, and
 * posts the reply on the caller's LWK channel (with an IPI only if that channel takes IPIs and
 * was empty). McKernel-style shipping is the same path with an IPI on every message.
 */
import { Activity, Cause } from '../node/kinds';
import { Cont, TState } from '../node/state';
import { interrupt, isInterrupted, runSegment, type NodeSim } from '../node/cpu';
import { block, wake } from '../node/sched';
import { CHANNEL_DEPTH_SPAN, Ev, IpiKind, Tr } from '../node/events';
import { resumeWaiter, waitFor } from '../node/executor';
import { sendIpi } from '../node/ipi';
import { enterStage, Route, Stage, type Call } from './calls';
import { getList, insert, isFull } from './channel';
import { copyNs, serviceNs } from './costs';
import { isPfsCall, processOf, returnToUser } from './issue';
import { shipToOsNode } from './osnodePath';

/** The caller puts its message into the Linux channel of its syscall CPU (after the insert cost). */
export function forward(sim: NodeSim, tid: number, call: Call): void {
  const t = sim.state.threads[tid];
  call.channel = sim.state.channels.linuxOf[t.home];
  enterStage(call, Stage.Queue, sim.now);
  runSegment(sim, t.cpu, Activity.Syscall, sim.config.syscalls.costs.insertNs, Cont.Insert);
}

export function onInsert(sim: NodeSim, tid: number): void {
  const s = sim.state;
  const t = s.threads[tid];
  const call = s.calls.items[t.call]!;
  const ch = s.channels.linux[call.channel];
  const cfg = sim.config.syscalls;
  if (isFull(ch)) {
    // A full queue makes the sender wait, in arrival order; nothing is dropped.
    if (!ch.waiting.includes(tid)) ch.waiting.push(tid);
    sim.emit(Tr.ChannelFull, t.cpu, t.pid, tid, 0);
    return waitFor(sim, tid, Cont.Insert, cfg.wait);
  }
  const was = insert(ch, call.id, sim.now);
  enterStage(call, Stage.Ipi, sim.now);
  sim.emit(Tr.ChannelInsert, t.cpu, t.pid, call.id, call.channel * CHANNEL_DEPTH_SPAN + ch.queue.length);
  if (!was || cfg.ipiPolicy === 'every') {
    ch.ipis++;
    const arrival = sendIpi(sim, t.cpu, ch.cpu, IpiKind.Channel, t.pid);
    sim.at(arrival, Ev.ChannelIpi, call.channel);
  } else {
    sim.emit(Tr.IpiSkipped, t.cpu, t.pid, call.channel, 0);
  }
  waitFor(sim, tid, Cont.ReplySeen, cfg.wait);
}

/** ipi_handler(): take the whole list now; the routing is done when the handler's time is over. */
export function onChannelIpi(sim: NodeSim, channel: number): void {
  const s = sim.state;
  const ch = s.channels.linux[channel];
  const costs = sim.config.syscalls.costs;
  const batch = getList(ch, sim.now);
  sim.emit(Tr.HandlerGetList, ch.cpu, -1, batch.length, channel);
  for (const id of batch) enterStage(s.calls.items[id]!, Stage.Handler, sim.now);
  const cost = costs.ipiEntryNs + costs.handlerBaseNs + costs.handlerPerMessageNs * batch.length;
  s.cpuTime.handlerNs[ch.cpu] += cost;
  const end = interrupt(sim, ch.cpu, Cause.Ipi, cost);
  s.handling[channel].push(batch);
  sim.at(end, Ev.HandlerDone, channel);
  admitWaitingSenders(sim, channel);
}

/** Slots freed by get_list go to the waiting senders, first come first served. */
function admitWaitingSenders(sim: NodeSim, channel: number): void {
  const ch = sim.state.channels.linux[channel];
  let free = ch.capacity - ch.queue.length;
  while (free > 0 && ch.waiting.length > 0) {
    resumeWaiter(sim, ch.waiting.shift()!, Cont.Insert);
    free--;
  }
}

export function onHandlerDone(sim: NodeSim, channel: number): void {
  const s = sim.state;
  const ch = s.channels.linux[channel];
  const batch = s.handling[channel].shift() ?? [];
  for (const id of batch) {
    const call = s.calls.items[id]!;
    const p = processOf(sim, call.pid);
    p.pidQueue.push(id); // channel[pid].q.insert(msg)
    enterStage(call, Stage.ProxySched, sim.now);
    sim.emit(Tr.HandlerRoute, ch.cpu, call.pid, id, 0);
    schedRun(sim, call.pid);
  }
}

/** sched_run(pid): a sleeping proxy of the pid becomes runnable after Linux's wake-up path. */
function schedRun(sim: NodeSim, pid: number): void {
  const s = sim.state;
  const p = processOf(sim, pid);
  const sleeping = p.proxies.find((tid) => s.threads[tid].state === TState.Blocked && s.threads[tid].serving === -1 && !s.threads[tid].wakePending);
  if (sleeping === undefined) return; // a proxy is already running and will take the message
  s.threads[sleeping].wakePending = true;
  sim.after(sim.config.linux.wakeupNs, Ev.Wake, sleeping, Cont.ProxyLoop);
}

/** The proxy takes the next message of its pid's channel, in order, or sleeps. */
export function onProxyLoop(sim: NodeSim, tid: number): void {
  const s = sim.state;
  const t = s.threads[tid];
  t.wakePending = false;
  const p = processOf(sim, t.pid);
  const id = p.pidQueue.shift();
  if (id === undefined) {
    t.serving = -1;
    return block(sim, tid, Cont.ProxyLoop);
  }
  const call = s.calls.items[id]!;
  t.serving = id;
  sim.emit(Tr.ProxyStart, t.cpu, t.pid, id, 0);
  if (sim.config.syscalls.osNodeShipper === 'linux' && isPfsCall(sim, call)) {
    // Linux ships PFS I/O to an OS node; the proxy sleeps until the answer comes back.
    call.route = Route.OsNode;
    sim.emit(Tr.SyscallRoute, t.cpu, call.pid, call.id, Route.OsNode);
    return shipToOsNode(sim, call, 'linux');
  }
  enterStage(call, Stage.Service, sim.now);
  runSegment(sim, t.cpu, Activity.Proxy, serviceNs(sim.config, call.name), Cont.ProxyCopy);
}

export function onProxyCopy(sim: NodeSim, tid: number): void {
  const s = sim.state;
  const t = s.threads[tid];
  const call = s.calls.items[t.serving]!;
  enterStage(call, Stage.Copy, sim.now);
  const caller = s.threads[call.tid];
  runSegment(sim, t.cpu, Activity.Proxy, copyNs(sim.config, call.name, call.bytes, caller.home, t.cpu), Cont.ProxyReply);
}

export function onProxyReply(sim: NodeSim, tid: number): void {
  const s = sim.state;
  const t = s.threads[tid];
  enterStage(s.calls.items[t.serving]!, Stage.Reply, sim.now);
  runSegment(sim, t.cpu, Activity.Proxy, sim.config.syscalls.costs.replyNs, Cont.ProxyPosted);
}

export function onProxyPosted(sim: NodeSim, tid: number): void {
  const t = sim.state.threads[tid];
  postReply(sim, sim.state.calls.items[t.serving]!);
  t.serving = -1;
  onProxyLoop(sim, tid);
}

/** { context, ret } lands in the caller's LWK channel: "reply ready". */
export function postReply(sim: NodeSim, call: Call): void {
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
    sim.at(sendIpi(sim, s.channels.linux[call.channel]?.cpu ?? -1, cpu, IpiKind.Reply, call.pid), Ev.ReplyIpi, cpu);
  } else if (!cfg.replyIpi) {
    sim.emit(Tr.IpiSkipped, cpu, call.pid, -1, 1);
  }
  // A spinning caller, or an idle CPU's polling loop, notices the reply at its next look.
  if (caller.state === TState.Running || s.cpu.current[cpu] < 0) sim.after(cfg.costs.pollNs, Ev.ReplyPoll, call.tid);
}

/** A reply IPI interrupts the LWK CPU; its handler makes the repliers' threads runnable. */
export function onReplyIpi(sim: NodeSim, cpu: number): void {
  const end = interrupt(sim, cpu, Cause.Ipi, sim.config.syscalls.costs.ipiEntryNs);
  void end;
  collectReplies(sim, cpu);
}

/** A spinning thread (or an idle CPU's poll loop) looks at the channel. */
export function onReplyPoll(sim: NodeSim, tid: number): void {
  const s = sim.state;
  const t = s.threads[tid];
  if (t.call < 0 || s.calls.items[t.call]!.replyReadyAt < 0) return;
  if (isInterrupted(sim, t.cpu)) {
    sim.at(s.cpu.intrUntil[t.cpu], Ev.ReplyPoll, tid);
    return;
  }
  if (t.state === TState.Running || s.cpu.current[t.home] < 0) collectReplies(sim, t.home);
}

/** Takes the replies waiting in `cpu`'s LWK channel and lets their threads go on. */
export function collectReplies(sim: NodeSim, cpu: number): void {
  const s = sim.state;
  const ch = s.channels.lwk[cpu];
  if (!ch || ch.queue.length === 0) return;
  for (const id of ch.queue.splice(0, ch.queue.length)) {
    const tid = s.calls.items[id]!.tid;
    const t = s.threads[tid];
    if (t.state === TState.Blocked) wake(sim, tid, Cont.ReplySeen, t.home);
    else resumeWaiter(sim, tid, Cont.ReplySeen);
  }
}

/** The caller has seen its reply ("reply seen"): back to user space. */
export function onReplySeen(sim: NodeSim, tid: number): void {
  const s = sim.state;
  const t = s.threads[tid];
  const call = s.calls.items[t.call]!;
  const ch = s.channels.lwk[t.home];
  if (ch) {
    const i = ch.queue.indexOf(call.id);
    if (i >= 0) ch.queue.splice(i, 1);
  }
  sim.emit(Tr.ReplySeen, t.cpu, t.pid, call.id, sim.now - call.replyReadyAt);
  returnToUser(sim, tid);
}
