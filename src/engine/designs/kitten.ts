/**
 * Kitten, the Linux-compatible lightweight kernel of Sandia and the Hobbes project, as a co-kernel
 * beside a Linux enclave: physically contiguous memory mapped at launch (no page faults), a
 * round-robin timer at sched_hz (10 Hz by default, kernel/sched.c), and Linux calls it does not
 * serve forwarded by HIO: the calls of the address space's mask, unless they are on a Kitten file
 * (the console, fds 0-2), go through a 128-entry ring to a stub process in the Linux enclave
 * (designs/kitten/hio.ts). Triage, as the hio_* wrappers and the syscall table do it: futex and
 * the masked calls first, then Kitten's own implementations (kernel/linux_syscalls), and -ENOSYS
 * for everything else (sys_not_implemented), fsync included.
 */
import { Activity } from '../node/kinds';
import { Cont } from '../node/continuations';
import { runSegment, type NodeSim } from '../node/cpu';
import { Route, Stage, enterStage, type Call } from '../syscalls/calls';
import { isFdIo } from '../syscalls/classes';
import { handleLocal } from '../syscalls/local';
import { setRoute } from '../syscalls/issue';
import { registerDesign } from './registry';
import { KITTEN_INFO } from './info/kitten';

import { hioForward, ringFigures, ringOf } from './kitten/hio';

const sets = new WeakMap<object, { local: ReadonlySet<string>; forwarded: ReadonlySet<string> }>();

function setsOf(sim: NodeSim): { local: ReadonlySet<string>; forwarded: ReadonlySet<string> } {
  let s = sets.get(sim.config);
  if (!s) sets.set(sim.config, (s = { local: new Set(sim.config.syscalls.localCalls), forwarded: new Set(sim.config.syscalls.forwardedCalls ?? []) }));
  return s;
}

/** A call on Kitten's console: kfs_init_stdio() opens /dev/console (a kfs file) as fds 0, 1 and 2. */
export function onKittenFile(call: Call): boolean {
  return call.fd >= 0 && call.fd <= 2 && isFdIo(call.name);
}

/** Whether the mask forwards the call (and it is not on a Kitten file). */
export function isForwarded(sim: NodeSim, call: Call): boolean {
  return setsOf(sim).forwarded.has(call.name) && !onKittenFile(call);
}

function triage(sim: NodeSim, tid: number, call: Call): void {
  if (call.name !== 'futex' && isForwarded(sim, call)) {
    setRoute(sim, call, Route.Linux);
    return hioForward(sim, tid, call);
  }
  setRoute(sim, call, Route.Lwk);
  if (call.name === 'futex' || setsOf(sim).local.has(call.name)) return handleLocal(sim, tid, call);
  // sys_not_implemented: -ENOSYS at once.
  ringOf(sim).enosys++;
  enterStage(call, Stage.Service, sim.now);
  runSegment(sim, sim.state.threads[tid].cpu, Activity.Syscall, sim.config.syscalls.costs.localNs, Cont.Return);
}

export const KITTEN = registerDesign({
  ...KITTEN_INFO,
  triage,
  metrics: (sim) => ringFigures(sim),
});
