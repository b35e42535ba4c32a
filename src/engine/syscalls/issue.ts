/**
 * Where a system call goes: the hierarchical triage of the seed.
 * (a) the glibc shim (LD_PRELOAD): vDSO calls, aggregation of small writes, optional shipping of
 *     parallel-filesystem I/O straight to an OS node;
 * (b) the LWK: the calls it handles locally;
 * (c) Linux: everything else, forwarded by the configured mechanism;
 * (d) the OS node, for PFS files, shipped by the configured level.
 */
import { Activity } from '../node/kinds';
import { Cont } from '../node/state';
import { runSegment, type NodeSim } from '../node/cpu';
import { Tr } from '../node/events';
import { perform } from '../node/executor';
import { nextAction } from '../workloads/registry';
import type { Action } from '../workloads/program';
import { closeCall, enterStage, openCall, Route, Stage, type Call } from './calls';
import { isVdso, transferDirection } from './classes';
import { syscallNumber } from './table';
import { forward } from './shipping';
import { migrateOut } from './evanescence';
import { handleLocal, hasLocalSemantics } from './local';
import { shipToOsNode } from './osnodePath';
import { serviceNs } from './costs';
import { deliverSignalsAtKernelEntry } from '../node/signals';

type SyscallAction = Extract<Action, { op: 'syscall' }>;

export function processOf(sim: NodeSim, pid: number) {
  return sim.state.processes[pid - FIRST_PID];
}
export const FIRST_PID = 1000;

function pathOf(sim: NodeSim, pid: number, fd: number, path: string): string {
  if (path) return path;
  return fd >= 0 ? (processOf(sim, pid).fds[fd] ?? '') : '';
}

const localSets = new WeakMap<object, ReadonlySet<string>>();

/** The LWK's local calls as a set (built once per configuration). */
function localSet(sim: NodeSim): ReadonlySet<string> {
  let set = localSets.get(sim.config);
  if (!set) localSets.set(sim.config, (set = new Set(sim.config.syscalls.localCalls)));
  return set;
}

export function isPfsCall(sim: NodeSim, call: Call): boolean {
  return call.path.startsWith(sim.config.syscalls.pfsPrefix);
}

function open(sim: NodeSim, tid: number, a: SyscallAction, internal: boolean): Call {
  const t = sim.state.threads[tid];
  const call = openCall(sim.state.calls, sim.now, { tid, pid: t.pid, name: a.name, fd: a.fd, bytes: a.bytes, path: pathOf(sim, t.pid, a.fd, a.path), internal, arg: a.arg });
  t.call = call.id;
  sim.emit(Tr.SyscallIssue, t.cpu, t.pid, call.id, syscallNumber(a.name) ?? -1);
  return call;
}

function setRoute(sim: NodeSim, call: Call, route: Route): void {
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
  if (cfg.osNodeShipper === 'glibc' && isPfsCall(sim, call) && sim.config.system === 'mos') {
    setRoute(sim, call, Route.OsNode);
    return shipToOsNode(sim, call, 'glibc');
  }
  runSegment(sim, cpu, Activity.Syscall, cfg.costs.interceptNs + cfg.costs.kernelEntryNs, Cont.Triage);
}

/** After kernel entry: the LWK (or Linux) decides who serves the call. */
export function onTriage(sim: NodeSim, tid: number): void {
  const cfg = sim.config.syscalls;
  const t = sim.state.threads[tid];
  const call = sim.state.calls.items[t.call]!;
  deliverSignalsAtKernelEntry(sim, tid);
  if (cfg.mechanism === 'native') {
    setRoute(sim, call, Route.Linux);
    if (hasLocalSemantics(call.name)) return handleLocal(sim, tid, call);
    if (isPfsCall(sim, call)) return shipToOsNode(sim, call, 'self');
    enterStage(call, Stage.Service, sim.now);
    const service = serviceNs(sim.config, call.name);
    const copy = transferDirection(call.name) ? call.bytes * cfg.costs.copyNsPerByte : 0;
    return runSegment(sim, t.cpu, Activity.Syscall, service + copy, Cont.Return);
  }
  if (localSet(sim).has(call.name) || call.name === 'futex') {
    setRoute(sim, call, Route.Lwk);
    return handleLocal(sim, tid, call);
  }
  if (cfg.osNodeShipper === 'lwk' && isPfsCall(sim, call)) {
    setRoute(sim, call, Route.OsNode);
    return shipToOsNode(sim, call, 'lwk');
  }
  setRoute(sim, call, Route.Linux);
  if (cfg.mechanism === 'evanescence') return migrateOut(sim, tid, call);
  forward(sim, tid, call);
}

/** The call is complete: account it, keep the fd table, then flushes, a postponed action, or the next one. */
export function returnToUser(sim: NodeSim, tid: number): void {
  const s = sim.state;
  const t = s.threads[tid];
  const call = s.calls.items[t.call];
  if (call) {
    const p = processOf(sim, t.pid);
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
  if (t.deferred) {
    const a = t.deferred;
    t.deferred = null;
    return perform(sim, tid, a);
  }
  perform(sim, tid, nextAction(sim, t));
}

// ---- glibc aggregation of small writes ----

/** Decides which buffers must be flushed before `a` runs; returns true if any. */
function queueFlushesBefore(sim: NodeSim, tid: number, a: SyscallAction): boolean {
  const t = sim.state.threads[tid];
  const p = processOf(sim, t.pid);
  const { timeoutNs, smallBytes } = sim.config.syscalls.aggregation;
  // Any other call on a buffered fd (read, fsync, close, a large write...) flushes it first.
  const own = a.fd >= 0 ? p.aggregation[a.fd] : undefined;
  const smallWriteHere = a.name === 'write' && a.bytes < smallBytes;
  if (own && own.bytes > 0 && !smallWriteHere) t.flushes.push(a.fd, own.bytes);
  // Exit flushes everything, and so does age; the oldest buffer's time saves a scan on most calls.
  if (a.name === 'exit_group' || sim.now - p.aggregationOldest >= timeoutNs) {
    let oldest = Infinity;
    for (const key in p.aggregation) {
      const buf = p.aggregation[key];
      if (buf.bytes <= 0 || Number(key) === a.fd) continue;
      if (a.name === 'exit_group' || sim.now - buf.since >= timeoutNs) t.flushes.push(Number(key), buf.bytes);
      else oldest = Math.min(oldest, buf.since);
    }
    p.aggregationOldest = oldest;
  }
  return t.flushes.length > 0;
}

function bufferWrite(sim: NodeSim, tid: number, a: SyscallAction): void {
  const cfg = sim.config.syscalls;
  const t = sim.state.threads[tid];
  const p = processOf(sim, t.pid);
  const call = open(sim, tid, a, false);
  setRoute(sim, call, Route.Glibc);
  const buf = (p.aggregation[a.fd] ??= { bytes: 0, since: sim.now });
  if (buf.bytes === 0) buf.since = sim.now;
  p.aggregationOldest = Math.min(p.aggregationOldest, buf.since);
  buf.bytes += a.bytes;
  sim.emit(Tr.AggBuffered, t.cpu, t.pid, a.fd, buf.bytes);
  // Full buffers go out in B-byte writes as soon as this call returns; the rest stays buffered.
  let pending = buf.bytes;
  while (pending >= cfg.aggregation.bufferBytes) {
    t.flushes.push(a.fd, cfg.aggregation.bufferBytes);
    pending -= cfg.aggregation.bufferBytes;
  }
  runSegment(sim, t.cpu, Activity.App, cfg.costs.interceptNs + a.bytes * cfg.costs.userCopyNsPerByte, Cont.Return);
}

function startNextFlush(sim: NodeSim, tid: number): void {
  const t = sim.state.threads[tid];
  const p = processOf(sim, t.pid);
  const fd = t.flushes.shift()!;
  const bytes = t.flushes.shift()!;
  const buf = p.aggregation[fd];
  if (buf) {
    buf.bytes = Math.max(0, buf.bytes - bytes);
    buf.since = sim.now; // what stays buffered is the tail of the most recent writes
  }
  sim.emit(Tr.AggFlush, t.cpu, t.pid, fd, bytes);
  issueSyscall(sim, tid, { op: 'syscall', name: 'write', fd, bytes, path: '', arg: 0 }, true);
}
