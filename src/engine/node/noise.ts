/**
 * Sources of OS noise on the node: the periodic tick, kernel daemons, device interrupts,
 * and on LWK CPUs the optional round-robin quantum. Each draws from its own named random
 * stream, so adding a source never changes the numbers of another.
 */
import { Cause, Role } from './kinds';
import { Ev } from './events';
import { interrupt, type NodeSim } from './cpu';
import { S } from '../kernel/time';
import { preemptIfWaiting, timesliceCheck } from './sched';
import { daemonChurn } from './memoryRules';

/** Small per-CPU variation of the tick handler's cost (cache state): ±20 %, ASSUMPTION. */
const TICK_JITTER = 0.2;

export function scheduleNoise(sim: NodeSim): void {
  const { linux, lwk } = sim.config;
  const period = Math.round(S / linux.hz);
  sim.state.nextTick = period;
  sim.at(period, Ev.Tick);
  linux.daemons.forEach((d, i) => {
    if (d.ratePerSec > 0) sim.after(sim.rng.stream(`daemon.${d.name}`).exp(S / d.ratePerSec), Ev.Daemon, i);
  });
  if (linux.nicIrqPerSec > 0) sim.after(sim.rng.stream('nic.irq').exp(S / linux.nicIrqPerSec), Ev.NicIrq);
  if (lwk.rrQuantumNs > 0 && sim.config.system === 'mos') sim.after(lwk.rrQuantumNs, Ev.RoundRobin);
  if (linux.nohzFull) {
    // nohz_full keeps a residual 1 Hz tick on each isolated CPU, at its own phase.
    const r = sim.rng.stream('tick.residual');
    for (const cpu of sim.config.appCpus) if (sim.config.roles[cpu] === Role.Linux) sim.after(r.int(S), Ev.ResidualTick, cpu);
  }
}

export function onTick(sim: NodeSim): void {
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
  sim.at(sim.state.nextTick, Ev.Tick);
}

export function onResidualTick(sim: NodeSim, cpu: number): void {
  interrupt(sim, cpu, Cause.Tick, sim.config.linux.tickNs);
  sim.after(S, Ev.ResidualTick, cpu);
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
  return out;
}

export function onDaemon(sim: NodeSim, index: number): void {
  const d = sim.config.linux.daemons[index];
  const r = sim.rng.stream(`daemon.${d.name}`);
  const cpus = eligibleCpus(sim, sim.config.linux.isolcpus);
  const cpu = cpus[r.int(cpus.length)];
  interrupt(sim, cpu, Cause.Daemon, r.logNormal(d.medianNs, d.sigma));
  daemonChurn(sim, cpu);
  sim.after(r.exp(S / d.ratePerSec), Ev.Daemon, index);
}

export function onNicIrq(sim: NodeSim): void {
  const { nicIrqPerSec, nicIrqNs, irqAffinity } = sim.config.linux;
  const r = sim.rng.stream('nic.irq');
  const cpus = eligibleCpus(sim, irqAffinity);
  interrupt(sim, cpus[r.int(cpus.length)], Cause.DeviceIrq, nicIrqNs);
  sim.after(r.exp(S / nicIrqPerSec), Ev.NicIrq);
}

export function onRoundRobin(sim: NodeSim): void {
  // The quantum timer fires on every LWK CPU; its handler cost is a tick's.
  const { roles } = sim.config;
  for (let cpu = 0; cpu < roles.length; cpu++) {
    if (roles[cpu] !== Role.Lwk) continue;
    interrupt(sim, cpu, Cause.RoundRobin, sim.config.linux.tickNs);
    preemptIfWaiting(sim, cpu);
  }
  sim.after(sim.config.lwk.rrQuantumNs, Ev.RoundRobin);
}
