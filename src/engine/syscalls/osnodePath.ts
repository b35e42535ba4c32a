/**
 * Parallel-filesystem I/O leaves the node: shipped to an OS node (by glibc, the LWK or Linux)
 * or, without OS nodes, sent straight to the PFS by the node's own Linux (a PFS client).
 * The OS-node model (src/engine/osnode) computes the stages exactly; the waiting party is
 * resumed when the answer is back.
 */
import { Cont, TState } from '../node/state';
import type { NodeSim } from '../node/cpu';
import { block } from '../node/sched';
import { Ev, Tr } from '../node/events';
import { resumeWaiter, waitFor } from '../node/executor';
import { wake } from '../node/sched';
import { submit, type PfsOp } from '../osnode';
import { enterStage, Stage, type Call } from './calls';
import { transferDirection } from './classes';
import { processOf } from './issue';

export type Shipper = 'glibc' | 'lwk' | 'linux' | 'self';

function pfsOp(name: string): PfsOp {
  const dir = transferDirection(name);
  if (dir) return dir;
  if (name === 'open' || name === 'openat' || name === 'creat') return 'open';
  if (name === 'close') return 'close';
  if (name === 'fsync' || name === 'fdatasync') return 'fsync';
  if (name === 'lseek') return 'lseek';
  if (name.includes('stat')) return 'stat';
  return 'other';
}

export function shipToOsNode(sim: NodeSim, call: Call, by: Shipper): void {
  const s = sim.state;
  const r = submit(s.osnode, sim.config.osnode, sim.rng.stream('osnode.detail'), (name) => sim.rng.stream(name), {
    arrivalNs: sim.now,
    bytes: call.bytes,
    op: pfsOp(call.name),
    computeNode: 0,
  });
  const caller = s.threads[call.tid];
  sim.emit(Tr.OsNodeSubmit, caller.cpu, call.pid, call.id, r.osNode);
  enterStage(call, Stage.Network, sim.now);
  // The exact split is known now; it is booked when the answer arrives.
  s.osnodeSplits[call.id] = [r.stages.networkOut + r.stages.networkBack, r.stages.queue, r.stages.service + r.stages.pfs];
  sim.at(r.completionNs, Ev.OsNodeDone, call.id);
  if (by === 'linux') {
    const proxy = processOf(sim, call.pid).proxies.find((tid) => s.threads[tid].serving === call.id)!;
    return block(sim, proxy, Cont.ProxyReply);
  }
  // The caller waits: Linux I/O blocks; on the LWK it waits as configured.
  waitFor(sim, call.tid, Cont.Return, by === 'self' ? 'block' : sim.config.syscalls.wait);
}

export function onOsNodeDone(sim: NodeSim, id: number): void {
  const s = sim.state;
  const call = s.calls.items[id];
  if (!call) return;
  const [network, queue, service] = s.osnodeSplits[id] ?? [sim.now - call.stageStart, 0, 0];
  delete s.osnodeSplits[id];
  call.stages[Stage.Network] += network;
  call.stages[Stage.OsNodeQueue] += queue;
  call.stages[Stage.Service] += service;
  call.stageStart = sim.now;
  const proxy = processOf(sim, call.pid).proxies.find((tid) => s.threads[tid].serving === id);
  if (proxy !== undefined) return wake(sim, proxy, Cont.ProxyReply);
  const t = s.threads[call.tid];
  if (t.state === TState.Blocked) wake(sim, call.tid, Cont.Return);
  else resumeWaiter(sim, call.tid, Cont.Return);
}
