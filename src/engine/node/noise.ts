/**
 * Sources of OS noise on the node: the periodic tick, kernel daemons, device interrupts, what
 * stays on nohz_full CPUs (the 1 Hz residual tick and the residual sources), the work of a PFS
 * client when the node is its own parallel-filesystem client, and on LWK CPUs the optional
 * round-robin quantum. Each draws from its own named random stream, so adding a source never
 * changes the numbers of another.
 */
import { Cause, Role } from './kinds';
import { interrupt, type NodeSim } from './cpu';
import { S } from '../kernel/time';
import { preemptIfWaiting, timesliceCheck } from './sched';
import { daemonChurn } from './memoryRules';
import { defineEvent } from './rules';

/** Small per-CPU variation of the tick handler's cost (cache state): ±20 %, ASSUMPTION. */
const TICK_JITTER = 0.2;

/** The periodic tick on every ticking CPU (one event: skew_tick=0 aligns them). */
const TickEvent = defineEvent('tick', onTick);
/** a = daemon index: a kernel daemon wakes up. */
const DaemonEvent = defineEvent('kernel daemon', onDaemon);
/** A network-card interrupt (management traffic). */
const NicIrqEvent = defineEvent('NIC interrupt', onNicIrq);
/** The round-robin quantum expires on every LWK CPU (only when enabled). */
const RoundRobinEvent = defineEvent('round-robin quantum', onRoundRobin);
/** a = cpu: the residual 1 Hz tick of a nohz_full CPU. */
const ResidualTickEvent = defineEvent('residual tick', onResidualTick);
/** a = cpu, b = source index: a residual source reaches a nohz_full CPU. */
const ResidualEvent = defineEvent('residual source', onResidual);
/** The node's PFS client works (pinger, lock callbacks) on a housekeeping CPU. */
const PfsClientEvent = defineEvent('PFS client', onPfsClient);

/** nohz_full CPUs: application CPUs that Linux manages (the tick stops while one task runs). */
function nohzCpus(sim: NodeSim): number[] {
  return sim.config.linux.nohzFull ? sim.config.appCpus.filter((c) => sim.config.roles[c] === Role.Linux) : [];
}

export function scheduleNoise(sim: NodeSim): void {
  const { linux, lwk, osnode } = sim.config;
  const period = Math.round(S / linux.hz);
  sim.state.nextTick = period;
  sim.at(period, TickEvent);
  linux.daemons.forEach((d, i) => {
    if (d.ratePerSec > 0) sim.after(sim.rng.stream(`daemon.${d.name}`).exp(S / d.ratePerSec), DaemonEvent, i);
  });
  if (linux.nicIrqPerSec > 0) sim.after(sim.rng.stream('nic.irq').exp(S / linux.nicIrqPerSec), NicIrqEvent);
  if (lwk.rrQuantumNs > 0 && sim.config.roles.includes(Role.Lwk)) sim.after(lwk.rrQuantumNs, RoundRobinEvent);
  // nohz_full keeps a residual 1 Hz tick on each isolated CPU, at its own phase, and the residual sources.
  const r = sim.rng.stream('tick.residual');
  for (const cpu of nohzCpus(sim)) {
    sim.after(r.int(S), ResidualTickEvent, cpu);
    linux.residual.forEach((d, i) => {
      if (d.ratePerSec > 0) sim.after(sim.rng.stream(`residual.${d.name}.${cpu}`).exp(S / d.ratePerSec), ResidualEvent, cpu, i);
    });
  }
  if (osnode.mode === 'direct' && osnode.client.ratePerSec > 0) sim.after(sim.rng.stream('pfs.client').exp(S / osnode.client.ratePerSec), PfsClientEvent);
}

function onTick(sim: NodeSim): void {
  const { tickNs, hz } = sim.config.linux;
  const ticking = sim.state.cpu.ticking;
  const r = sim.rng.stream('tick.cost');
  for (let cpu = 0; cpu < ticking.length; cpu++) {
    if (ticking[cpu]) {
      interrupt(sim, cpu, Cause.Tick, tickNs * (1 + TICK_JITTER * (2 * r.next() - 1)));
      timesliceCheck(sim, cpu);
    }
  }
  sim.state.nextTick += Math.round(S / hz);
  sim.at(sim.state.nextTick, TickEvent);
}

function onResidualTick(sim: NodeSim, cpu: number): void {
  interrupt(sim, cpu, Cause.Tick, sim.config.linux.tickNs);
  sim.after(S, ResidualTickEvent, cpu);
}

function onResidual(sim: NodeSim, cpu: number, index: number): void {
  const d = sim.config.linux.residual[index];
  const r = sim.rng.stream(`residual.${d.name}.${cpu}`);
  interrupt(sim, cpu, Cause.Residual, r.logNormal(d.medianNs, d.sigma));
  sim.after(r.exp(S / d.ratePerSec), ResidualEvent, cpu, index);
}

const eligibleCache = new WeakMap<object, (readonly number[])[]>();

/** CPUs a daemon or an IRQ may land on: housekeeping only when isolated, otherwise every Linux CPU. */
export function eligibleCpus(sim: NodeSim, isolated: boolean): readonly number[] {
  let cached = eligibleCache.get(sim.config);
  if (cached === undefined) {
    cached = [computeEligible(sim, false), computeEligible(sim, true)];
    eligibleCache.set(sim.config, cached);
  }
  return cached[isolated ? 1 : 0];
}

function computeEligible(sim: NodeSim, isolated: boolean): readonly number[] {
  const { roles, appCpus } = sim.config;
  const out: number[] = [];
  for (let c = 0; c < roles.length; c++) {
    if (roles[c] === Role.Lwk) continue;
    if (isolated && appCpus.includes(c)) continue;
    out.push(c);
  }
  return out.length > 0 ? out : computeEligible(sim, false);
}

function onDaemon(sim: NodeSim, index: number): void {
  const d = sim.config.linux.daemons[index];
  const r = sim.rng.stream(`daemon.${d.name}`);
  const cpus = eligibleCpus(sim, sim.config.linux.isolcpus);
  const cpu = cpus[r.int(cpus.length)];
  interrupt(sim, cpu, Cause.Daemon, r.logNormal(d.medianNs, d.sigma));
  daemonChurn(sim, cpu);
  sim.after(r.exp(S / d.ratePerSec), DaemonEvent, index);
}

function onNicIrq(sim: NodeSim): void {
  const { nicIrqPerSec, nicIrqNs, irqAffinity } = sim.config.linux;
  const r = sim.rng.stream('nic.irq');
  const cpus = eligibleCpus(sim, irqAffinity);
  interrupt(sim, cpus[r.int(cpus.length)], Cause.DeviceIrq, nicIrqNs);
  sim.after(r.exp(S / nicIrqPerSec), NicIrqEvent);
}

/** A node that is its own PFS client runs the client's threads (Lustre's pinger and lock callbacks, for one). */
function onPfsClient(sim: NodeSim): void {
  const c = sim.config.osnode.client;
  const r = sim.rng.stream('pfs.client');
  const cpus = eligibleCpus(sim, sim.config.linux.isolcpus);
  interrupt(sim, cpus[r.int(cpus.length)], Cause.PfsClient, r.logNormal(c.medianNs, c.sigma));
  sim.after(r.exp(S / c.ratePerSec), PfsClientEvent);
}

function onRoundRobin(sim: NodeSim): void {
  // The quantum timer fires on every LWK CPU; its handler cost is a tick's.
  const { roles } = sim.config;
  for (let cpu = 0; cpu < roles.length; cpu++) {
    if (roles[cpu] !== Role.Lwk) continue;
    interrupt(sim, cpu, Cause.RoundRobin, sim.config.linux.tickNs);
    preemptIfWaiting(sim, cpu);
  }
  sim.after(sim.config.lwk.rrQuantumNs, RoundRobinEvent);
}
