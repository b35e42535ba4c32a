/**
 * Hobbes: enclaves composed on one node. A Pisces co-kernel enclave (Kitten) owns the LWK CPUs
 * and memory of the partition and runs the simulation; the Linux host is the other enclave and
 * runs an analytics program on its own CPUs. The analytics reads the simulation's output where
 * it lies: it attaches each output buffer once with XEMEM (an ioctl on the XEMEM device) and from
 * then on reads that memory in place, so no byte is ever copied between the enclaves.
 *
 * An attach: on the attacher's CPU, xemem_get and the attach command (`attachNs`); the command
 * crosses to the owner enclave over the Pisces channel (an IPI to the enclave's first CPU); the
 * owner's kernel builds the segment's page-frame list (`pageNs` per 4 KiB page); the answer comes
 * back with an IPI; the attacher maps the frames (`pageNs` per page) and returns. Stages: service
 * (the request), IPI, "XEMEM owner", reply, "XEMEM map"; route "XEMEM attach"; no copy stage.
 *
 * The simulation's own calls: Kitten keeps its local ones (KITTEN_LOCAL); its file calls reach
 * the host over the Pisces channel, modelled with the paper's shipping path (designs/shipping.ts).
 * Every other call of a Linux-enclave thread is served natively. Sources: Ouyang, Kocoloski,
 * Lange, Pedretti, "Achieving Performance Isolation with Lightweight Co-Kernels" (HPDC 2015);
 * Kocoloski, Lange, "XEMEM: Efficient Shared Memory for Composed Applications on Multi-OS/R
 * Exascale Systems" (HPDC 2015); drouyang/pisces (src/pisces_xpmem.h: XEMEM commands over an
 * IPI-driven buffer); HobbesOSR/kitten (include/lwk/xpmem/xpmem_extended.h: the attach carries
 * a page-frame list).
 */
import { Activity, Cause, Role } from '../node/kinds';
import { Cont } from '../node/continuations';
import { interrupt, runSegment, type NodeSim } from '../node/cpu';
import { block } from '../node/sched';
import { Ev, IpiKind } from '../node/events';
import { sendIpi } from '../node/ipi';
import { defineContinuation, defineEvent } from '../node/rules';
import { addProcess, addThread, onCreateJob } from '../node/job';
import type { NodeState } from '../node/state';
import type { NodeConfig } from '../config/nodeConfig';
import { enterStage, Stage, type Call } from '../syscalls/calls';
import { setRoute } from '../syscalls/issue';
import { lwkTriage, nativeTriage } from '../syscalls/triage';

import { XEMEM_DEVICE } from '../workloads/analytics';
import { analyticsCpus, hobbesSettings } from './hobbes/enclaves';
import { registerDesign } from './registry';
import { HOBBES_INFO, XememRoute, XememOwnerStage, XememMapStage } from './info/hobbes';
import { forward } from './shipping';

export { analyticsCpus, hobbesEnclaves, type Enclave } from './hobbes/enclaves';

const PAGE_BYTES = 4096;

// ---- enclaves ----

/** Where the owner enclave takes control-channel IPIs: its first CPU. ASSUMPTION: Pisces' channel interrupts one CPU of the enclave. */
export function ownerCpu(config: NodeConfig): number {
  const i = config.roles.indexOf(Role.Lwk);
  return i >= 0 ? i : 0;
}

function isHobbes(config: NodeConfig): boolean {
  return config.syscalls.mechanism === HOBBES.id;
}

/** The analytics processes: one thread each, on the Linux enclave's CPUs. */
function createAnalytics(state: NodeState, config: NodeConfig): void {
  if (!isHobbes(config)) return;
  analyticsCpus(config).forEach((cpu, share) => {
    const p = addProcess(state);
    addThread(state, p, cpu, 'app', { kind: 'analytics', share, seen: 0, attached: [], pending: -1 }, null);
  });
}

// ---- XEMEM attach ----

function pages(call: Call): number {
  return Math.max(1, Math.ceil(call.bytes / PAGE_BYTES));
}

function attach(sim: NodeSim, tid: number, call: Call): void {
  setRoute(sim, call, XememRoute);
  enterStage(call, Stage.Service, sim.now);
  runSegment(sim, sim.state.threads[tid].cpu, Activity.Syscall, hobbesSettings(sim.config).attachNs, RequestCont);
}

/** The command leaves for the owner enclave; the attacher waits in the kernel. */
function onRequest(sim: NodeSim, tid: number): void {
  const t = sim.state.threads[tid];
  const call = sim.state.calls.items[t.call]!;
  enterStage(call, Stage.Ipi, sim.now);
  const arrival = sendIpi(sim, t.cpu, ownerCpu(sim.config), IpiKind.Channel, t.pid);
  block(sim, tid, MapCont);
  sim.at(arrival, OwnerEvent, call.id);
}

/** The owner enclave's kernel takes the command and builds the page-frame list. */
function onOwner(sim: NodeSim, id: number): void {
  const call = sim.state.calls.items[id]!;
  enterStage(call, XememOwnerStage, sim.now);
  const work = sim.config.syscalls.costs.ipiEntryNs + pages(call) * hobbesSettings(sim.config).pageNs;
  sim.at(interrupt(sim, ownerCpu(sim.config), Cause.Ipi, work), OwnerDoneEvent, id);
}

/** The list goes back to the attacher with an IPI. */
function onOwnerDone(sim: NodeSim, id: number): void {
  const call = sim.state.calls.items[id]!;
  const t = sim.state.threads[call.tid];
  enterStage(call, Stage.Reply, sim.now);
  sim.at(sendIpi(sim, ownerCpu(sim.config), t.cpu, IpiKind.Reply, call.pid), ReplyEvent, id);
}

/** The reply interrupts the attacher's CPU; its handler wakes the waiting thread. */
function onReply(sim: NodeSim, id: number): void {
  const call = sim.state.calls.items[id]!;
  const t = sim.state.threads[call.tid];
  interrupt(sim, t.cpu, Cause.Ipi, sim.config.syscalls.costs.ipiEntryNs);
  sim.after(sim.config.linux.wakeupNs, Ev.Wake, call.tid, MapCont);
}

/** The attacher maps the frames: from now on the segment is its memory too, no copy made. */
function onMap(sim: NodeSim, tid: number): void {
  const t = sim.state.threads[tid];
  const call = sim.state.calls.items[t.call]!;
  enterStage(call, XememMapStage, sim.now);
  runSegment(sim, t.cpu, Activity.Syscall, pages(call) * hobbesSettings(sim.config).pageNs, Cont.Return);
}

const RequestCont = defineContinuation('hobbes: XEMEM command sent', onRequest);
const MapCont = defineContinuation('hobbes: XEMEM map', onMap);
/** a = call: the attach command reaches the owner enclave. */
const OwnerEvent = defineEvent('hobbes: XEMEM command at the owner', onOwner);
/** a = call: the owner has built the page-frame list. */
const OwnerDoneEvent = defineEvent('hobbes: XEMEM page frames ready', onOwnerDone);
/** a = call: the owner's answer reaches the attacher's CPU. */
const ReplyEvent = defineEvent('hobbes: XEMEM reply', onReply);

onCreateJob(createAnalytics);

function hobbesTriage(sim: NodeSim, tid: number, call: Call): void {
  const t = sim.state.threads[tid];
  if (sim.config.roles[t.home] === Role.Lwk) return lwkTriage(sim, tid, call, forward);
  if (call.name === 'ioctl' && call.path === XEMEM_DEVICE) return attach(sim, tid, call);
  nativeTriage(sim, tid, call);
}

export const HOBBES = registerDesign({
  ...HOBBES_INFO,
  triage: hobbesTriage,
});
