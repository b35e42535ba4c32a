/**
 * mOS as built ("evanescence"): no messages. The calling thread migrates to its designated
 * Linux CPU, runs the Linux code there as an ordinary Linux task, and migrates back.
 * Stages: proxy scheduling = migration out and waiting for the Linux CPU; service; reply =
 * migration back; reply seen = waiting for the LWK CPU again (it is cooperative).
 */
import { Activity } from '../node/kinds';
import { Cont } from '../node/state';
import { runSegment, type NodeSim } from '../node/cpu';
import { block } from '../node/sched';
import { Ev, Tr } from '../node/events';
import { enterStage, Stage, type Call } from './calls';
import { serviceNs } from './costs';
import { transferDirection } from './classes';

export function migrateOut(sim: NodeSim, tid: number, call: Call): void {
  const t = sim.state.threads[tid];
  const target = sim.config.syscallCpuOf[t.home];
  enterStage(call, Stage.ProxySched, sim.now);
  sim.emit(Tr.Migrate, t.cpu, t.pid, target, 0);
  block(sim, tid, Cont.MigratedService);
  t.cpu = target;
  sim.after(sim.config.syscalls.costs.migrateNs, Ev.Wake, tid, Cont.MigratedService);
}

export function onMigratedService(sim: NodeSim, tid: number): void {
  const t = sim.state.threads[tid];
  const call = sim.state.calls.items[t.call]!;
  enterStage(call, Stage.Service, sim.now);
  // Same address space: no copy between LWK and Linux memory, only the call's own data movement.
  const data = transferDirection(call.name) ? call.bytes * sim.config.syscalls.costs.copyNsPerByte : 0;
  runSegment(sim, t.cpu, Activity.Syscall, serviceNs(sim.config, call.name) + data, Cont.MigrateBack);
}

export function onMigratedBack(sim: NodeSim, tid: number): void {
  const t = sim.state.threads[tid];
  const call = sim.state.calls.items[t.call]!;
  enterStage(call, Stage.Reply, sim.now);
  sim.emit(Tr.Migrate, t.cpu, t.pid, t.home, 1);
  block(sim, tid, Cont.ReplySeen);
  t.cpu = t.home;
  call.replyReadyAt = sim.now + sim.config.syscalls.costs.migrateNs;
  sim.after(sim.config.syscalls.costs.migrateNs, Ev.Wake, tid, Cont.ReplySeen);
}
