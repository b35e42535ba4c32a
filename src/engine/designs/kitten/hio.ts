/**
 * Kitten's HIO forwarding (HobbesOSR/kitten kernel/hio/hio.c, hio_user.c), step by step:
 *
 *   hio_format_and_exec_syscall(): enqueue_syscall() takes the first IDLE entry of the ring
 *     scanning forward from `offset` (128 entries, MAX_OUTSTANDING_SYSCALLS; none idle: -EBUSY and
 *     the call fails at once), marks it PENDING; notify_new_syscall() wakes the stub waiting on
 *     /dev/hio; the caller sleeps in hio_wait_syscall() until its entry is COMPLETE.
 *   the stub's read of /dev/hio: dequeue_syscall() takes the first PENDING entry scanning
 *     BACKWARD from `offset` (so the newest first), marks it PROCESSING; the stub runs the call
 *     as a Linux process; its write back, hio_return_syscall(), marks the entry COMPLETE and wakes
 *     the caller; the caller takes the result and frees the entry (hio_cancel_syscall()).
 *
 * The stub is the process's proxy thread on Linux (ASSUMPTION: one stub per application process,
 * which takes only its own process's entries; the ring itself is one per Kitten instance). The
 * wake-ups cross from Kitten to Linux and back: an IPI each way (ASSUMPTION), and none when the
 * stub is already awake. The ring is the node's single Linux channel, so the Channels view shows
 * its occupied entries.
 */
import { Activity, Cause } from '../../node/kinds';
import { processOf, TState, type Thread } from '../../node/state';
import { Cont } from '../../node/continuations';
import { interrupt, runSegment, type NodeSim } from '../../node/cpu';
import { block, wake } from '../../node/sched';
import { CHANNEL_DEPTH_SPAN, Ev, IpiKind, Tr } from '../../node/events';
import { continueWith, resumeWaiter, waitFor } from '../../node/executor';
import { sendIpi } from '../../node/ipi';
import { defineContinuation, defineEvent } from '../../node/rules';
import { enterStage, Route, Stage, type Call } from '../../syscalls/calls';
import { insert, remove } from '../../syscalls/channel';
import { copyNs, serviceNs } from '../../syscalls/costs';
import { isPfsCall } from '../../syscalls/pfs';
import { shipToOsNode } from '../../syscalls/osnodePath';
import { setRoute } from '../../syscalls/issue';
import { enterLinuxQueue } from '../../syscalls/triage';

const IDLE = 0;
const PENDING = 1;
const PROCESSING = 2;
const COMPLETE = 3;

/** The ring as plain data (checkpointed with the node): per entry its call id (-1 idle) and state. */
export interface HioRing {
  readonly calls: number[];
  readonly states: number[];
  offset: number;
  /** Calls that entered the ring, calls refused with -EBUSY, most entries in use at once. */
  forwarded: number;
  rejected: number;
  maxInUse: number;
  /** Calls Kitten neither implements nor forwards (-ENOSYS). */
  enosys: number;
}

export function ringOf(sim: NodeSim): HioRing {
  const n = sim.config.syscalls.channelCapacity;
  return (sim.state.design.hio ??= { calls: new Array<number>(n).fill(-1), states: new Array<number>(n).fill(IDLE), offset: 0, forwarded: 0, rejected: 0, maxInUse: 0, enosys: 0 }) as HioRing;
}

/** The ring's figures without creating it (metrics never change the state). */
export function ringFigures(sim: NodeSim): { forwarded: number; rejected: number; maxInUse: number; enosys: number } {
  const r = sim.state.design.hio as HioRing | undefined;
  return { forwarded: r?.forwarded ?? 0, rejected: r?.rejected ?? 0, maxInUse: r?.maxInUse ?? 0, enosys: r?.enosys ?? 0 };
}

/** enqueue_syscall(): the first idle entry from `offset` on, or -1 (the ring is full: -EBUSY). */
export function enqueueEntry(ring: HioRing, id: number): number {
  const n = ring.states.length;
  const start = ring.offset;
  do {
    if (ring.states[ring.offset] === IDLE) {
      ring.states[ring.offset] = PENDING;
      ring.calls[ring.offset] = id;
      return ring.offset;
    }
    ring.offset = (ring.offset + 1) % n;
  } while (ring.offset !== start);
  return -1;
}

/** dequeue_syscall(): the first pending entry from `offset` backward that `accept` takes, or -1. */
export function dequeueEntry(ring: HioRing, accept: (id: number) => boolean): number {
  const n = ring.states.length;
  const start = ring.offset;
  do {
    const i = ring.offset;
    if (ring.states[i] === PENDING && accept(ring.calls[i])) {
      ring.states[i] = PROCESSING;
      return ring.calls[i];
    }
    ring.offset = i === 0 ? n - 1 : i - 1;
  } while (ring.offset !== start);
  return -1;
}

function entryOf(ring: HioRing, id: number): number {
  return ring.calls.indexOf(id);
}

function inUse(ring: HioRing): number {
  let k = 0;
  for (const s of ring.states) if (s !== IDLE) k++;
  return k;
}

// ---- the caller on its Kitten CPU ----

/** Forwards `call` (its route already set) through the ring to its process's stub. */
export function hioForward(sim: NodeSim, tid: number, call: Call): void {
  enterLinuxQueue(sim, tid, call, EnqueueCont);
}

function onEnqueue(sim: NodeSim, tid: number): void {
  const s = sim.state;
  const t = s.threads[tid];
  const call = s.calls.items[t.call]!;
  const ring = ringOf(sim);
  if (enqueueEntry(ring, call.id) < 0) {
    // -EBUSY: the call fails in Kitten, nothing reaches Linux.
    ring.rejected++;
    setRoute(sim, call, Route.Lwk);
    return continueWith(sim, tid, Cont.Return);
  }
  ring.forwarded++;
  ring.maxInUse = Math.max(ring.maxInUse, inUse(ring));
  const ch = s.channels.linux[call.channel];
  insert(ch, call.id, sim.now);
  sim.emit(Tr.ChannelInsert, t.cpu, t.pid, call.id, call.channel * CHANNEL_DEPTH_SPAN + ch.queue.length);
  enterStage(call, Stage.ProxySched, sim.now);
  notifyStub(sim, tid, call);
  waitFor(sim, tid, ResultCont, sim.config.syscalls.wait);
}

/** notify_new_syscall(): wake a sleeping stub of the process (an IPI to Linux); an awake one finds the entry itself. */
function notifyStub(sim: NodeSim, tid: number, call: Call): void {
  const s = sim.state;
  const t = s.threads[tid];
  // Only a stub asleep in its read of /dev/hio; one blocked in its own I/O (PFS) reads again when done.
  const stub = processOf(s, t.pid).proxies.find((p) => isReading(s.threads[p]));
  const ch = s.channels.linux[call.channel];
  if (stub === undefined) {
    sim.emit(Tr.IpiSkipped, t.cpu, t.pid, call.channel, 0);
    return;
  }
  s.threads[stub].wakePending = true;
  ch.ipis++;
  const arrival = sendIpi(sim, t.cpu, ch.cpu, IpiKind.Channel, t.pid);
  sim.at(arrival, NotifyEvent, stub, ch.cpu);
}

/** Asleep in its read of /dev/hio (or not started yet): blocked, serving nothing, no wake-up on its way. */
function isReading(stub: Thread): boolean {
  return stub.state === TState.Blocked && stub.serving < 0 && !stub.wakePending;
}

/** The notification reaches Linux: interrupt entry, then the stub is woken (Linux places it). */
function onNotify(sim: NodeSim, stub: number, cpu: number): void {
  interrupt(sim, cpu, Cause.Ipi, sim.config.syscalls.costs.ipiEntryNs);
  sim.after(sim.config.linux.wakeupNs, Ev.Wake, stub, StubLoopCont);
}

// ---- the stub on Linux ----

/** The stub's loop: read /dev/hio (dequeue one of its process's entries) or sleep until notified. */
function onStubLoop(sim: NodeSim, stubTid: number): void {
  const s = sim.state;
  const stub = s.threads[stubTid];
  stub.wakePending = false;
  const id = dequeueEntry(ringOf(sim), (c) => s.calls.items[c]?.pid === stub.pid);
  if (id < 0) return block(sim, stubTid, StubLoopCont);
  const call = s.calls.items[id]!;
  stub.serving = id;
  sim.emit(Tr.ProxyStart, stub.cpu, stub.pid, id, 0);
  if (isPfsCall(sim.config, call)) {
    // The stub is a Linux process: PFS I/O leaves the node from Linux.
    if (sim.config.syscalls.osNodeShipper === 'linux') setRoute(sim, call, Route.OsNode);
    return shipToOsNode(sim, call, stubTid, StubServedCont, 'block');
  }
  enterStage(call, Stage.Service, sim.now);
  // XPMEM: the stub works on the application's memory in place, across the NUMA distance.
  const caller = s.threads[call.tid];
  const data = copyNs(sim.config, call.name, call.bytes, caller.home, stub.cpu);
  runSegment(sim, stub.cpu, Activity.Proxy, serviceNs(sim.config, call.name) + data, StubServedCont);
}

/** The call is done on Linux: the stub writes the result back to /dev/hio. */
function onStubServed(sim: NodeSim, stubTid: number): void {
  const s = sim.state;
  const stub = s.threads[stubTid];
  const call = s.calls.items[stub.serving]!;
  enterStage(call, Stage.Reply, sim.now);
  runSegment(sim, stub.cpu, Activity.Proxy, sim.config.syscalls.costs.replyNs, StubReturnedCont);
}

/** hio_return_syscall(): the entry is COMPLETE and the caller is woken (an IPI to its Kitten CPU). */
function onStubReturned(sim: NodeSim, stubTid: number): void {
  const s = sim.state;
  const stub = s.threads[stubTid];
  const call = s.calls.items[stub.serving]!;
  stub.serving = -1;
  const ring = ringOf(sim);
  ring.states[entryOf(ring, call.id)] = COMPLETE;
  const home = s.threads[call.tid].home;
  const arrival = sendIpi(sim, stub.cpu, home, IpiKind.Reply, call.pid);
  sim.at(arrival, ResultReadyEvent, call.tid);
  continueWith(sim, stubTid, StubLoopCont);
}

// ---- back on Kitten ----

function onResultReady(sim: NodeSim, tid: number): void {
  const s = sim.state;
  const t = s.threads[tid];
  const call = s.calls.items[t.call]!;
  interrupt(sim, t.home, Cause.Ipi, sim.config.syscalls.costs.ipiEntryNs);
  call.replyReadyAt = sim.now;
  enterStage(call, Stage.ReplySeen, sim.now);
  sim.emit(Tr.ReplyReady, t.home, t.pid, call.id, 0);
  if (t.state === TState.Blocked) wake(sim, tid, ResultCont, t.home);
  else resumeWaiter(sim, tid, ResultCont);
}

/** The caller has its result: it frees the entry (hio_cancel_syscall) and returns. */
function onResult(sim: NodeSim, tid: number): void {
  const s = sim.state;
  const t = s.threads[tid];
  const call = s.calls.items[t.call]!;
  const ring = ringOf(sim);
  const i = entryOf(ring, call.id);
  ring.states[i] = IDLE;
  ring.calls[i] = -1;
  remove(s.channels.linux[call.channel], call.id, sim.now);
  sim.emit(Tr.ReplySeen, t.cpu, t.pid, call.id, sim.now - call.replyReadyAt);
  continueWith(sim, tid, Cont.Return);
}

const EnqueueCont = defineContinuation('hio: enqueue', onEnqueue);
const ResultCont = defineContinuation('hio: result', onResult);
const StubLoopCont = defineContinuation('hio stub: read /dev/hio', onStubLoop);
const StubServedCont = defineContinuation('hio stub: served', onStubServed);
const StubReturnedCont = defineContinuation('hio stub: returned', onStubReturned);
/** a = stub thread, b = the Linux CPU the notification reaches. */
const NotifyEvent = defineEvent('hio: notify stub', onNotify);
/** a = caller thread: the stub's wake-up reaches its Kitten CPU. */
const ResultReadyEvent = defineEvent('hio: result ready', onResultReady);
