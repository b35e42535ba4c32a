/**
 * The watchdog: a run that makes no simulated progress over many events is stuck (an event that
 * reschedules itself at the same instant, a rate no CPU can serve). `advanceWatched` runs in
 * slices and stops such a run, naming what was happening and the setting that most likely
 * causes it, so the user can change it (or the page can offer the last good configuration).
 */
import type { NodeSim } from './cpu';
import { eventName } from './rules';

/** This many events without simulated time moving is a stall (a busy node runs ~10^4 per µs at most). */
export const STALL_EVENTS = 1_000_000;
/** Events looked at to tell what the stall is made of. */
const SAMPLE_EVENTS = 10_000;

/** The setting behind each kind of event, by the name it is registered under (src/engine/node/rules.ts). */
const LIKELY_SETTING: ReadonlyMap<string, string> = new Map([
  ['tick', 'linux.hz and linux.tickNs'],
  ['residual tick', 'linux.tickNs'],
  ['residual source', 'linux.residual'],
  ['kernel daemon', 'linux.daemons'],
  ['NIC interrupt', 'linux.nicIrqPerSec and linux.nicIrqNs'],
  ['PFS client', 'osnode.client'],
  ['round-robin quantum', 'lwk.rrQuantumNs'],
  ['interruption over', 'the interrupt rates and costs (linux.*)'],
  ['segment done', 'the costs of the work that repeats (syscalls.costs.*, workload.*)'],
  ['MPI completion', 'network.* and workload.haloBytes'],
]);

export interface Stall {
  readonly atNs: number;
  readonly events: number;
  /** Event kinds of a sample of the stall, most frequent first, with their share. */
  readonly kinds: readonly { readonly name: string; readonly share: number }[];
  readonly message: string;
}

/** Tells what a stall is made of (steps a sample of its events) and names the likely setting. */
export function diagnoseStall(sim: NodeSim, events: number): Stall {
  const counts = new Map<number, number>();
  let n = 0;
  for (; n < SAMPLE_EVENTS && sim.step(); n++) counts.set(sim.queue.popKind, (counts.get(sim.queue.popKind) ?? 0) + 1);
  const kinds = [...counts].sort((a, b) => b[1] - a[1]).map(([k, c]) => ({ name: eventName(k), share: c / Math.max(1, n) }));
  const top = kinds[0];
  const setting = top ? LIKELY_SETTING.get(top.name) : undefined;
  const what = top ? `mostly "${top.name}" events (${Math.round(top.share * 100)} %)` : 'no events';
  const message =
    `the simulation makes no progress: ${events.toLocaleString('en-US')} events at ${sim.now.toLocaleString('en-US')} ns, ${what}` +
    (setting ? `; the likely cause is ${setting}` : '');
  return { atNs: sim.now, events, kinds, message };
}

/**
 * Advances to `untilNs` (or by `maxEvents`), in slices, watching for a stall. Returns the
 * number of events processed and the stall, if the run stopped on one.
 */
export function advanceWatched(sim: NodeSim, untilNs: number, maxEvents = Infinity): { events: number; stall: Stall | null } {
  let done = 0;
  let stuckSince = sim.eventCount;
  let lastNow = sim.now;
  while (done < maxEvents && sim.now < untilNs) {
    const n = sim.runUntil(untilNs, Math.min(STALL_EVENTS, maxEvents - done));
    done += n;
    if (sim.now > lastNow) {
      lastNow = sim.now;
      stuckSince = sim.eventCount;
    } else if (sim.eventCount - stuckSince >= STALL_EVENTS) {
      return { events: done, stall: diagnoseStall(sim, sim.eventCount - stuckSince) };
    }
    if (n === 0) break;
  }
  return { events: done, stall: null };
}
