/**
 * IBM Blue Gene's Compute Node Kernel: no Linux on the compute node. CNK keeps memory, threads,
 * time, signals and the ids on the node (its own implementations, bgq-driver cnk/src/syscalls) and
 * maps the job's memory once at job start (the LWK memory model: no page faults). Every file and
 * socket call goes through CNK's virtual file system to a daemon on the Linux I/O node that serves
 * the node's block: sysiod for files and sockets, stdiod for stdout and stderr (CIOD on Blue Gene/L
 * and /P). The calling hardware thread posts the request and polls the completion queue for the
 * reply (sysioFS::exchangeMessages). The I/O node is the OS-node model (src/engine/osnode): one
 * FCFS server per I/O node shared by its compute nodes, the others as background load.
 *
 * Triage: futex and CNK's own calls stay local; fstat, ioctl, fcntl, lseek and close of stdio are
 * answered by stdioFS on the node; reads and writes of stdio go to stdiod (no filesystem behind
 * it); file and socket calls go to sysiod, reaching the PFS for files under the PFS prefix; any
 * other call CNK does not implement returns ENOSYS at once (unimplemented.cc).
 */
import { Activity } from '../node/kinds';
import { Cont } from '../node/continuations';
import { runSegment, type NodeSim } from '../node/cpu';
import { defineContinuation } from '../node/rules';
import { enterStage, Route, Stage, type Call } from '../syscalls/calls';
import { fdEffect, isFdIo, takesPath, transferDirection } from '../syscalls/classes';
import { handleLocal } from '../syscalls/local';
import { isPfsCall } from '../syscalls/pfs';
import { shipToOsNode } from '../syscalls/osnodePath';
import { setRoute } from '../syscalls/issue';
import { registerDesign } from './registry';
import { CNK_INFO } from './info/cnk';

/** Socket calls: sysiod serves them like files (CNK's socketcall.cc ships them). */
const SOCKET_CALLS = new Set([
  'socket', 'socketpair', 'connect', 'accept', 'accept4', 'bind', 'listen', 'shutdown', 'getsockname', 'getpeername',
  'getsockopt', 'setsockopt', 'sendto', 'recvfrom', 'sendmsg', 'recvmsg', 'sendmmsg', 'recvmmsg',
]);

/** A call on a file or a socket: what CNK's virtual file system hands to a file system. */
export function isFileOrSocketCall(name: string): boolean {
  return isFdIo(name) || takesPath(name) || SOCKET_CALLS.has(name) || fdEffect(name) === 'close';
}

/** stdin, stdout and stderr: stdioFS's descriptors. */
function isStdio(call: Call): boolean {
  return call.fd >= 0 && call.fd <= 2;
}

interface CnkCounters {
  shipped: number;
  toPfs: number;
  stdio: number;
  enosys: number;
}

function countersOf(sim: NodeSim): CnkCounters {
  return (sim.state.design.cnk ??= { shipped: 0, toPfs: 0, stdio: 0, enosys: 0 }) as CnkCounters;
}

/** The counters as they are (metrics never change the state). */
function readCounters(sim: NodeSim): CnkCounters {
  return { shipped: 0, toPfs: 0, stdio: 0, enosys: 0, ...(sim.state.design.cnk as CnkCounters | undefined) };
}

const localSets = new WeakMap<object, ReadonlySet<string>>();
function localSet(sim: NodeSim): ReadonlySet<string> {
  let set = localSets.get(sim.config);
  if (!set) localSets.set(sim.config, (set = new Set(sim.config.syscalls.localCalls)));
  return set;
}

/** Whether a shipped call reaches the PFS (sysiod's file on the PFS) or is served at the I/O node (stdiod, other mounts). */
function viaPfs(sim: NodeSim, call: Call): boolean {
  return !isStdio(call) && isPfsCall(sim.config, call);
}

function triage(sim: NodeSim, tid: number, call: Call): void {
  const c = countersOf(sim);
  if (call.name === 'futex' || localSet(sim).has(call.name)) {
    setRoute(sim, call, Route.Lwk);
    return handleLocal(sim, tid, call);
  }
  const io = isFileOrSocketCall(call.name);
  // stdioFS answers fstat, ioctl, fcntl, lseek and close of stdio itself; only data goes to stdiod.
  if (io && (!isStdio(call) || transferDirection(call.name) !== undefined)) return ship(sim, tid, call, c);
  if (!io) c.enosys++;
  setRoute(sim, call, Route.Lwk);
  enterStage(call, Stage.Service, sim.now);
  runSegment(sim, sim.state.threads[tid].cpu, Activity.Syscall, sim.config.syscalls.costs.localNs, Cont.Return);
}

/** CNK builds the request message and posts it to the I/O node (the messaging unit's send). */
function ship(sim: NodeSim, tid: number, call: Call, c: CnkCounters): void {
  c.shipped++;
  if (isStdio(call)) c.stdio++;
  else if (viaPfs(sim, call)) c.toPfs++;
  setRoute(sim, call, Route.OsNode);
  enterStage(call, Stage.Queue, sim.now);
  runSegment(sim, sim.state.threads[tid].cpu, Activity.Syscall, sim.config.syscalls.costs.insertNs, PostedCont);
}

/** Posted: the request travels to the I/O node; the caller polls for the reply (or blocks, if so configured). */
function onPosted(sim: NodeSim, tid: number): void {
  const call = sim.state.calls.items[sim.state.threads[tid].call]!;
  shipToOsNode(sim, call, tid, Cont.Return, sim.config.syscalls.wait, viaPfs(sim, call));
}

const PostedCont = defineContinuation('cnk: request posted', onPosted);

export const CNK = registerDesign({
  ...CNK_INFO,
  triage,
  metrics: (sim) => ({ ...readCounters(sim) }),
});
