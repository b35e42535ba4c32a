/**
 * Parallel-filesystem I/O leaves the node: shipped to an OS node (by glibc, the LWK or Linux)
 * or, without OS nodes, sent straight to the PFS by the node itself (a PFS client). The OS-node
 * model (src/engine/osnode) computes the stages exactly; whoever waits for the answer (the
 * caller, a proxy, a migrated thread) is resumed with its continuation when it is back.
 */
import { TState } from '../node/state';
import type { NodeSim } from '../node/cpu';
import { Tr } from '../node/events';
import { resumeWaiter, waitFor } from '../node/executor';
import { wake } from '../node/sched';
import { defineEvent } from '../node/rules';
import { submit, type PfsOp } from '../osnode';
import { enterStage, Route, Stage, type Call } from './calls';
import { transferDirection } from './classes';

/** a = call id: the OS node (or the PFS) has finished the call's I/O. */
const OsNodeDoneEvent = defineEvent('OS node done', onOsNodeDone);

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

/**
 * Sends the call's I/O off the node; thread `waiter` waits (spinning or blocked) and continues
 * with `cont` when the answer is back. `viaPfs` false: the OS node serves it without the PFS
 * (a file it mounts from elsewhere, stdout; CNK ships every file call, not only the PFS's).
 */
export function shipToOsNode(sim: NodeSim, call: Call, waiter: number, cont: number, mode: 'spin' | 'block', viaPfs = true): void {
  const s = sim.state;
  const r = submit(s.osnode, sim.config.osnode, sim.rng.stream('osnode.detail'), (name) => sim.rng.stream(name), {
    arrivalNs: sim.now,
    bytes: call.bytes,
    op: pfsOp(call.name),
    computeNode: 0,
    ...(viaPfs ? {} : { viaPfs: false }),
  });
  sim.emit(Tr.OsNodeSubmit, s.threads[waiter].cpu, call.pid, call.id, r.osNode);
  enterStage(call, Stage.Network, sim.now);
  // The exact split is known now; it is booked when the answer arrives.
  s.osnodeSplits[call.id] = [r.stages.networkOut + r.stages.networkBack, r.stages.queue, r.stages.service + r.stages.pfs, waiter, cont];
  sim.at(r.completionNs, OsNodeDoneEvent, call.id);
  waitFor(sim, waiter, cont, mode);
}

/**
 * Linux serves a PFS call (a proxy, a migrated thread): the I/O leaves the node, to an OS node
 * when Linux ships to them (the call's route says so), else to the PFS as the node's own client.
 * `waiter` blocks until the answer and continues with `cont`.
 */
export function pfsFromLinux(sim: NodeSim, call: Call, waiter: number, cont: number): void {
  if (sim.config.syscalls.osNodeShipper === 'linux') {
    call.route = Route.OsNode;
    sim.emit(Tr.SyscallRoute, sim.state.threads[waiter].cpu, call.pid, call.id, Route.OsNode);
  }
  shipToOsNode(sim, call, waiter, cont, 'block');
}

function onOsNodeDone(sim: NodeSim, id: number): void {
  const s = sim.state;
  const call = s.calls.items[id];
  const split = s.osnodeSplits[id];
  delete s.osnodeSplits[id];
  if (!call || !split) return;
  const [network, queue, service, waiter, cont] = split;
  call.stages[Stage.Network] += network;
  call.stages[Stage.OsNodeQueue] += queue;
  call.stages[Stage.Service] += service;
  call.stageStart = sim.now;
  if (s.threads[waiter].state === TState.Blocked) wake(sim, waiter, cont);
  else resumeWaiter(sim, waiter, cont);
}
