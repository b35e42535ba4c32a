/**
 * The triage steps designs share. An LWK keeps its local calls, may ship PFS I/O to an OS node
 * itself, and hands the rest to Linux by its own mechanism; Linux (the baselines) serves every
 * call on the caller's CPU, and PFS I/O leaves the node (to the PFS, or to an OS node).
 */
import { Activity } from '../node/kinds';
import { Cont } from '../node/continuations';
import { runSegment, type NodeSim } from '../node/cpu';
import { enterStage, Route, Stage, type Call } from './calls';
import { transferDirection } from './classes';
import { serviceNs } from './costs';
import { handleLocal, hasLocalSemantics } from './local';
import { isPfsCall } from './pfs';
import { shipToOsNode } from './osnodePath';
import { setRoute } from './issue';

const localSets = new WeakMap<object, ReadonlySet<string>>();

/** The LWK's local calls as a set (built once per configuration). */
function localSet(sim: NodeSim): ReadonlySet<string> {
  let set = localSets.get(sim.config);
  if (!set) localSets.set(sim.config, (set = new Set(sim.config.syscalls.localCalls)));
  return set;
}

/** Serves a call that Linux must handle, by the design's mechanism. */
export type ServeOnLinux = (sim: NodeSim, tid: number, call: Call) => void;

/** The LWK's triage: local calls, then PFS I/O shipped by the LWK, then Linux by `serve`. */
export function lwkTriage(sim: NodeSim, tid: number, call: Call, serve: ServeOnLinux): void {
  const cfg = sim.config.syscalls;
  // futex is always local: the application's barrier is built on it.
  if (localSet(sim).has(call.name) || call.name === 'futex') {
    setRoute(sim, call, Route.Lwk);
    return handleLocal(sim, tid, call);
  }
  if (cfg.osNodeShipper === 'lwk' && isPfsCall(sim.config, call)) {
    setRoute(sim, call, Route.OsNode);
    return shipToOsNode(sim, call, tid, Cont.Return, cfg.wait);
  }
  setRoute(sim, call, Route.Linux);
  serve(sim, tid, call);
}

/**
 * The first step of forwarding through a shared-memory queue (the paper's channel, Kitten's HIO
 * ring): the call takes its group's Linux channel, enters the queue stage, and the caller pays the
 * insert; then it goes on with `cont` (the design's own insert).
 */
export function enterLinuxQueue(sim: NodeSim, tid: number, call: Call, cont: number): void {
  const t = sim.state.threads[tid];
  call.channel = sim.state.channels.linuxOf[t.home];
  enterStage(call, Stage.Queue, sim.now);
  runSegment(sim, t.cpu, Activity.Syscall, sim.config.syscalls.costs.insertNs, cont);
}

/** Linux serves the call on the caller's CPU; PFS I/O leaves the node and the caller blocks. */
export function nativeTriage(sim: NodeSim, tid: number, call: Call): void {
  const cfg = sim.config.syscalls;
  const t = sim.state.threads[tid];
  if (isPfsCall(sim.config, call)) {
    setRoute(sim, call, cfg.osNodeShipper === 'none' ? Route.Linux : Route.OsNode);
    return shipToOsNode(sim, call, tid, Cont.Return, 'block');
  }
  setRoute(sim, call, Route.Linux);
  if (hasLocalSemantics(call.name)) return handleLocal(sim, tid, call);
  enterStage(call, Stage.Service, sim.now);
  const copy = transferDirection(call.name) ? call.bytes * cfg.costs.copyNsPerByte : 0;
  runSegment(sim, t.cpu, Activity.Syscall, serviceNs(sim.config, call.name) + copy, Cont.Return);
}
