/**
 * Finds the next moment without disturbing the run: a copy restored from the run's checkpoint
 * steps event by event until an event's records match; the run itself then advances exactly to
 * just before that event (the engine is deterministic, so the copy's future is the run's).
 */
import { restoreNodeSimulation } from '../node/model';
import { decodeRecord } from '../trace/decode';
import type { NodeSim } from '../node/cpu';
import type { Moment, MomentTarget } from './registry';

export type MomentSearch =
  | { readonly found: true; readonly eventsBefore: number; readonly time: number; readonly description: string }
  | { readonly found: false; readonly searchedEvents: number; readonly searchedUntil: number };

/** Default limits: a search gives up after this many events or this much simulated time. */
export const SEARCH_MAX_EVENTS = 2_000_000;
export const SEARCH_MAX_NS = 10_000_000_000;

/**
 * Searches forward from the state in `checkpoint` (a Simulation.checkpoint()). The very next
 * event does not count: a run stopped just before a moment, asked again, goes to the one after.
 */
export function findNextMoment(checkpoint: Uint8Array, moment: Moment, target: MomentTarget, maxEvents = SEARCH_MAX_EVENTS, maxNs = SEARCH_MAX_NS): MomentSearch {
  const copy = restoreNodeSimulation(checkpoint);
  const until = copy.now + maxNs;
  for (let n = 0; n < maxEvents; n++) {
    const before = copy.trace.written;
    if (!copy.step() || copy.now > until) return { found: false, searchedEvents: n, searchedUntil: copy.now };
    if (n === 0) continue;
    for (let i = before; i < copy.trace.written; i++) {
      const r = copy.trace.at(i);
      if (r && moment.match(decodeRecord(r), target)) return { found: true, eventsBefore: n, time: r.time, description: copy.describe(r) };
    }
  }
  return { found: false, searchedEvents: maxEvents, searchedUntil: copy.now };
}

/** Advances `sim` to just before the moment; returns the search (the run is untouched when nothing is found). */
export function runToMoment(sim: NodeSim, moment: Moment, target: MomentTarget, maxEvents?: number, maxNs?: number): MomentSearch {
  const search = findNextMoment(sim.checkpoint(), moment, target, maxEvents, maxNs);
  if (search.found) sim.runUntil(Infinity, search.eventsBefore);
  return search;
}
