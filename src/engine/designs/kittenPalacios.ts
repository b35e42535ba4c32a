/**
 * A Linux guest in a Palacios VM on Kitten's cores (Lange et al., IPDPS 2010; Palacios, v3vee):
 * the application runs in the guest, one vCPU per LWK CPU. The guest kernel serves every call
 * that needs no device inside the VM, as Linux does natively (route "guest"); a call that reaches
 * a device of the guest leaves the VM: a VM exit and the entry back (stage "VM exit"), then
 * Palacios hands the request to its host, Kitten, which forwards it to the Linux enclave through
 * its HIO ring like any forwarded call (ASSUMPTION: the VM's device I/O takes Kitten's forwarding
 * path). The guest's own timer ticks are VM exits too (guestHz per vCPU, each one exit and the
 * guest's tick handler). Memory is translated twice: a TLB miss walks the guest's and the nested
 * page tables, (n+1)(m+1)-1 references for n and m levels instead of n (Bhargava et al., ASPLOS
 * 2008), and the TLB holds translations of the smaller of the two page sizes.
 *
 * Not modelled: exits of the IPIs between vCPUs (the barrier's wake-ups), of the network card's
 * interrupts and of the host's own 10 Hz timer (Kitten's round-robin tick, charged as on Kitten);
 * the guest's page faults at first touch; writes to the guest's console.
 */
import { Activity, Cause } from '../node/kinds';
import { Cont } from '../node/continuations';
import { interrupt, runSegment, type NodeSim } from '../node/cpu';
import { defineContinuation, defineEvent } from '../node/rules';
import { enterStage, Route, Stage, type Call } from '../syscalls/calls';
import { copyNs, serviceNs } from '../syscalls/costs';
import { handleLocal, hasLocalSemantics } from '../syscalls/local';
import { transferDirection } from '../syscalls/classes';
import { setRoute } from '../syscalls/issue';
import type { NodeConfig, VmConfig } from '../config/nodeConfig';
import { PAGE_1G, PAGE_2M, tlbReach } from '../node/memory';
import { registerDesign } from './registry';
import { KITTEN_PALACIOS_INFO, GuestRoute, VmExitStage } from './info/kittenPalacios';
import { PALACIOS_VM } from './kitten/defaults';
import { hioForward, ringFigures } from './kitten/hio';
import { isForwarded } from './kitten';

function vmOf(config: NodeConfig): VmConfig {
  return config.syscalls.vm ?? PALACIOS_VM;
}

/** Page-table levels of a 4-level x86-64 walk that ends at a page of this size. */
function levels(pageBytes: number): number {
  return pageBytes >= PAGE_1G ? 2 : pageBytes >= PAGE_2M ? 3 : 4;
}

/** Memory references of a TLB miss: (n+1)(m+1)-1 for a guest walk of n levels over nested tables of m. */
export function nestedWalkRefs(vm: VmConfig): number {
  return (levels(vm.guestPageBytes) + 1) * (levels(vm.hostPageBytes) + 1) - 1;
}

/**
 * The compute stretch of the guest's memory (tlb.ts's rule with a two-dimensional walk): the TLB
 * reaches entries x min(guest, host page); each miss costs nestedWalkRefs x walkNs / 4 (walkNs is
 * a native 4-level walk, so a quarter of it per reference).
 */
export function nestedTlbFactor(config: NodeConfig): number {
  const vm = vmOf(config);
  const tlb = config.memory.tlb;
  const page = Math.min(vm.guestPageBytes, vm.hostPageBytes);
  const bytes = config.app.workingSetBytes;
  const miss = bytes > 0 ? Math.max(0, 1 - tlbReach(tlb, page) / bytes) : 0;
  return 1 + tlb.accessesPerNs * miss * nestedWalkRefs(vm) * (tlb.walkNs / 4);
}

interface VmCounters {
  callExits: number;
  tickExits: number;
}

function countersOf(sim: NodeSim): VmCounters {
  return (sim.state.design.vm ??= { callExits: 0, tickExits: 0 }) as VmCounters;
}

function triage(sim: NodeSim, tid: number, call: Call): void {
  const t = sim.state.threads[tid];
  if (call.name !== 'futex' && isForwarded(sim, call)) {
    // The guest's driver touches its device: the VM exits.
    countersOf(sim).callExits++;
    setRoute(sim, call, Route.Linux);
    enterStage(call, VmExitStage, sim.now);
    return runSegment(sim, t.cpu, Activity.Syscall, vmOf(sim.config).exitNs, ExitedCont);
  }
  // The guest kernel serves it as Linux does natively.
  setRoute(sim, call, GuestRoute);
  if (hasLocalSemantics(call.name)) return handleLocal(sim, tid, call);
  enterStage(call, Stage.Service, sim.now);
  const copy = transferDirection(call.name) ? copyNs(sim.config, call.name, call.bytes, t.cpu, t.cpu) : 0;
  runSegment(sim, t.cpu, Activity.Syscall, serviceNs(sim.config, call.name) + copy, Cont.Return);
}

/** Out of the VM: Palacios hands the request to Kitten, which forwards it to Linux. */
function onExited(sim: NodeSim, tid: number): void {
  const call = sim.state.calls.items[sim.state.threads[tid].call]!;
  hioForward(sim, tid, call);
}

/** The guest's timer interrupt on every vCPU: a VM exit, the injection and entry, then the guest's tick handler. */
function onGuestTick(sim: NodeSim): void {
  const vm = vmOf(sim.config);
  const c = countersOf(sim);
  for (const cpu of sim.config.appCpus) {
    c.tickExits++;
    interrupt(sim, cpu, Cause.Tick, vm.exitNs + sim.config.linux.tickNs);
  }
  sim.after(Math.round(1e9 / vm.guestHz), GuestTickEvent);
}

/** The application starts in the guest: its memory is translated twice from now on, and the guest ticks. */
function start(sim: NodeSim): void {
  const factor = nestedTlbFactor(sim.config);
  for (const t of sim.state.threads) if (t.kind === 'app') t.tlbFactor = factor;
  const hz = vmOf(sim.config).guestHz;
  if (hz > 0) sim.after(Math.round(1e9 / hz), GuestTickEvent);
}

const ExitedCont = defineContinuation('vm: exited', onExited);
/** The guest's periodic tick (one event for every vCPU, as skew_tick=0). */
const GuestTickEvent = defineEvent('guest tick', onGuestTick);

export const KITTEN_PALACIOS = registerDesign({
  ...KITTEN_PALACIOS_INFO,
  triage,
  start,
  metrics: (sim) => {
    const c = sim.state.design.vm as VmCounters | undefined;
    const callExits = c?.callExits ?? 0;
    const tickExits = c?.tickExits ?? 0;
    return { vmExits: callExits + tickExits, callExits, tickExits, nestedTlbFactor: nestedTlbFactor(sim.config), ...ringFigures(sim) };
  },
});
