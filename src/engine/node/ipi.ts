/**
 * Inter-processor interrupts: every IPI is traced when sent, drawn while in flight, and
 * interrupts its receiver (with the cause "IPI", or "TLB shootdown") when it arrives.
 */
import { Cause } from './kinds';
import { IpiKind, Tr } from './events';
import { interrupt, type NodeSim } from './cpu';
import { defineEvent } from './rules';

/** a = cpu, b = cause: an IPI sent by another CPU arrives (wake-up, TLB shootdown, signal). */
const RemoteIpiEvent = defineEvent('remote IPI', onRemoteIpi);

export type IpiKind = (typeof IpiKind)[keyof typeof IpiKind];

/** Number of flights kept for the views (oldest dropped first). */
const MAX_FLIGHTS = 128;
export const FLIGHT_FIELDS = 5;

function recordFlight(sim: NodeSim, kind: number, from: number, to: number, end: number): void {
  const f = sim.state.flights;
  // Drop flights that have landed, and the oldest beyond the bound.
  let drop = 0;
  while (drop < f.length && (f[drop + 4] < sim.now || f.length - drop >= MAX_FLIGHTS * FLIGHT_FIELDS)) drop += FLIGHT_FIELDS;
  if (drop > 0) f.splice(0, drop);
  f.push(kind, from, to, sim.now, end);
}

/** Sends an IPI; the caller schedules what happens on arrival (returned time). */
export function sendIpi(sim: NodeSim, from: number, to: number, kind: IpiKind, pid = -1): number {
  const arrival = sim.now + sim.config.syscalls.costs.ipiNs;
  sim.emit(Tr.IpiSend, from, pid, to, kind);
  recordFlight(sim, kind, from, to, arrival);
  return arrival;
}

/** An IPI whose only effect is to interrupt the receiver (wake-ups, shootdowns, signals handle the rest). */
export function sendInterruptingIpi(sim: NodeSim, from: number, to: number, kind: IpiKind, pid = -1): void {
  const arrival = sendIpi(sim, from, to, kind, pid);
  sim.at(arrival, RemoteIpiEvent, to, kind === IpiKind.Shootdown ? Cause.TlbShootdown : Cause.Ipi);
}

function onRemoteIpi(sim: NodeSim, cpu: number, cause: number): void {
  const costs = sim.config.syscalls.costs;
  interrupt(sim, cpu, cause as Cause, cause === Cause.TlbShootdown ? costs.shootdownNs : costs.ipiEntryNs);
}
