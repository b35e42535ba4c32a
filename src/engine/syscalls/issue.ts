/**
 * Where a system call goes: the paper's hierarchical triage (ROSS 2014; docs/sources.md, The mOS design).
 * (a) the glibc shim (LD_PRELOAD): vDSO calls, aggregation of small writes, optional shipping of
 *     parallel-filesystem I/O straight to an OS node;
 * (b) after kernel entry, the design decides (src/engine/designs): the LWK's local calls, the
 *     LWK shipping PFS I/O to an OS node, and Linux for the rest, reached by the design's
 *     mechanism (function shipping, migration, or Linux itself in the baselines);
 * (c) the OS node, for PFS files, shipped by the configured level.
 * Returning to user space is the `Return` continuation, so designs never import this module.
 */
import { Activity } from '../node/kinds';
import { processOf } from '../node/state';
import { Cont } from '../node/continuations';
import { runSegment, type NodeSim } from '../node/cpu';
import { continueWith } from '../node/executor';
import { Tr } from '../node/events';
import { bindContinuation, defineContinuation } from '../node/rules';
import type { SyscallAction } from '../workloads/program';
import { closeCall, openCall, Route, type Call } from './calls';
import { isVdso } from './classes';
import { syscallNumber } from './table';
import { isPfsCall } from './pfs';
import { shipToOsNode } from './osnodePath';
import { deliverSignalsAtKernelEntry } from '../node/signals';
import { designOf } from '../designs/registry';

/** After interception and kernel entry: the design triages the call. */
const TriageCont = defineContinuation('triage', onTriage);

function pathOf(sim: NodeSim, pid: number, fd: number, path: string): string {
  if (path) return path;
  return fd >= 0 ? (processOf(sim.state, pid).fds[fd] ?? '') : '';
}

function open(sim: NodeSim, tid: number, a: SyscallAction, internal: boolean): Call {
  const t = sim.state.threads[tid];
  const call = openCall(sim.state.calls, sim.now, { tid, pid: t.pid, name: a.name, fd: a.fd, bytes: a.bytes, path: pathOf(sim, t.pid, a.fd, a.path), internal, arg: a.arg });
  t.call = call.id;
  sim.emit(Tr.SyscallIssue, t.cpu, t.pid, call.id, syscallNumber(a.name) ?? -1);
  return call;
}

/** Decides the call's route (traced). */
export function setRoute(sim: NodeSim, call: Call, route: number): void {
  call.route = route;
  sim.emit(Tr.SyscallRoute, sim.state.threads[call.tid].cpu, call.pid, call.id, route);
}

export function issueSyscall(sim: NodeSim, tid: number, a: SyscallAction, internal = false): void {
  const cfg = sim.config.syscalls;
  const t = sim.state.threads[tid];
  const cpu = t.cpu;
  if (isVdso(a.name)) {
    const call = open(sim, tid, a, internal);
    setRoute(sim, call, Route.Glibc);
    // User-space code in the vDSO page: no kernel entry, no memory of the application's touched.
    return runSegment(sim, cpu, Activity.App, cfg.costs.vdsoNs, Cont.Return);
  }
  if (cfg.aggregation.enabled && !internal) {
    if (queueFlushesBefore(sim, tid, a)) {
      t.deferred = a;
      return startNextFlush(sim, tid);
    }
    if (a.name === 'write' && a.fd >= 0 && a.bytes < cfg.aggregation.smallBytes) return bufferWrite(sim, tid, a);
  }
  const call = open(sim, tid, a, internal);
  if (cfg.osNodeShipper === 'glibc' && isPfsCall(sim.config, call)) {
    setRoute(sim, call, Route.OsNode);
    return shipToOsNode(sim, call, tid, Cont.Return, cfg.wait);
  }
  runSegment(sim, cpu, Activity.Syscall, cfg.costs.interceptNs + cfg.costs.kernelEntryNs, TriageCont);
}

function onTriage(sim: NodeSim, tid: number): void {
  const t = sim.state.threads[tid];
  const call = sim.state.calls.items[t.call]!;
  deliverSignalsAtKernelEntry(sim, tid);
  designOf(sim.config).triage(sim, tid, call);
}

/** The call is complete: account it, keep the fd table, then flushes, a postponed action, or the next one. */
function returnToUser(sim: NodeSim, tid: number): void {
  const s = sim.state;
  const t = s.threads[tid];
  const call = s.calls.items[t.call];
  if (call) {
    const p = processOf(s, t.pid);
    t.lastRet = call.bytes;
    if (call.name === 'open' || call.name === 'openat' || call.name === 'creat') {
      const fd = p.nextFd++;
      p.fds[fd] = call.path;
      t.lastRet = fd;
    } else if (call.name === 'close') {
      delete p.fds[call.fd];
      delete p.aggregation[call.fd];
    }
    const latency = closeCall(s.calls, call, sim.now);
    sim.emit(Tr.SyscallDone, t.cpu, t.pid, call.id, latency);
    t.call = -1;
  }
  if (t.flushes.length > 0) return startNextFlush(sim, tid);
  continueWith(sim, tid, Cont.Next);
}

bindContinuation(Cont.Return, returnToUser);

// ---- glibc aggregation of small writes ----

/** Decides which buffers must be flushed before `a` runs; returns true if any. */
function queueFlushesBefore(sim: NodeSim, tid: number, a: SyscallAction): boolean {
  const t = sim.state.threads[tid];
  const p = processOf(sim.state, t.pid);
  const { timeoutNs, smallBytes } = sim.config.syscalls.aggregation;
  // Any other call on a buffered fd (read, fsync, close, a large write...) flushes it first.
  const own = a.fd >= 0 ? p.aggregation[a.fd] : undefined;
  const smallWriteHere = a.name === 'write' && a.bytes < smallBytes;
  if (own && own.bytes > 0 && !smallWriteHere) takeForFlush(sim, t.flushes, own, a.fd, own.bytes);
  // Exit flushes everything, and so does age; the oldest buffer's time saves a scan on most calls.
  if (a.name === 'exit_group' || sim.now - p.aggregationOldest >= timeoutNs) {
    let oldest = Infinity;
    for (const key in p.aggregation) {
      const buf = p.aggregation[key];
      if (buf.bytes <= 0 || Number(key) === a.fd) continue;
      if (a.name === 'exit_group' || sim.now - buf.since >= timeoutNs) takeForFlush(sim, t.flushes, buf, Number(key), buf.bytes);
      else oldest = Math.min(oldest, buf.since);
    }
    p.aggregationOldest = oldest;
  }
  return t.flushes.length > 0;
}

function bufferWrite(sim: NodeSim, tid: number, a: SyscallAction): void {
  const cfg = sim.config.syscalls;
  const t = sim.state.threads[tid];
  const p = processOf(sim.state, t.pid);
  const call = open(sim, tid, a, false);
  setRoute(sim, call, Route.Glibc);
  const buf = (p.aggregation[a.fd] ??= { bytes: 0, since: sim.now });
  if (buf.bytes === 0) buf.since = sim.now;
  p.aggregationOldest = Math.min(p.aggregationOldest, buf.since);
  buf.bytes += a.bytes;
  sim.emit(Tr.AggBuffered, t.cpu, t.pid, a.fd, buf.bytes);
  // Full buffers go out in B-byte writes as soon as this call returns; the rest stays buffered.
  while (buf.bytes >= cfg.aggregation.bufferBytes) takeForFlush(sim, t.flushes, buf, a.fd, cfg.aggregation.bufferBytes);
  runSegment(sim, t.cpu, Activity.App, cfg.costs.interceptNs + a.bytes * cfg.costs.userCopyNsPerByte, Cont.Return);
}

/**
 * Takes `bytes` out of an fd's buffer for a flush by this thread, at once: another thread of the
 * process deciding to flush meanwhile finds them gone (no byte is written twice).
 */
function takeForFlush(sim: NodeSim, flushes: number[], buf: { bytes: number; since: number }, fd: number, bytes: number): void {
  flushes.push(fd, bytes);
  buf.bytes -= bytes;
  buf.since = sim.now; // what stays buffered is the tail of the most recent writes
}

function startNextFlush(sim: NodeSim, tid: number): void {
  const t = sim.state.threads[tid];
  const fd = t.flushes.shift()!;
  const bytes = t.flushes.shift()!;
  sim.emit(Tr.AggFlush, t.cpu, t.pid, fd, bytes);
  issueSyscall(sim, tid, { op: 'syscall', name: 'write', fd, bytes, path: '', arg: 0 }, true);
}
