/**
 * The registries of the node model's rules: event kinds (what the event queue carries) and
 * continuations (what a thread does when its segment ends or it is woken). Ids are allocated in
 * registration order, never written by hand. A module low in the import graph may *declare* an
 * id (so that lower modules can schedule it) and a higher module *binds* its rule; a design
 * defines both in one call. The model refuses to start with an unbound id.
 *
 * Checkpoints and the event queue carry these ids: the order of registration is fixed by the
 * static import graph, so it is the same in Node and in the browser.
 */
import type { NodeSim } from './cpu';

export type EventRule = (sim: NodeSim, a: number, b: number) => void;
export type ContinuationRule = (sim: NodeSim, tid: number) => void;

interface Table<R> {
  readonly names: string[];
  readonly rules: (R | null)[];
}

const events: Table<EventRule> = { names: [], rules: [] };
const continuations: Table<ContinuationRule> = { names: [], rules: [] };

function declare<R>(t: Table<R>, name: string): number {
  if (t.names.includes(name)) throw new Error(`rule "${name}" is declared twice`);
  t.names.push(name);
  t.rules.push(null);
  return t.names.length - 1;
}

function bind<R>(t: Table<R>, id: number, rule: R): void {
  if (id < 0 || id >= t.rules.length) throw new Error(`no declared rule ${id}`);
  if (t.rules[id] !== null) throw new Error(`rule "${t.names[id]}" is bound twice`);
  t.rules[id] = rule;
}

/** Allocates an event kind whose handler another module binds. */
export const declareEvent = (name: string): number => declare(events, name);
export const bindEvent = (id: number, rule: EventRule): void => bind(events, id, rule);
/** Allocates an event kind and binds its handler. */
export function defineEvent(name: string, rule: EventRule): number {
  const id = declare(events, name);
  bind(events, id, rule);
  return id;
}

export const declareContinuation = (name: string): number => declare(continuations, name);
export const bindContinuation = (id: number, rule: ContinuationRule): void => bind(continuations, id, rule);
export function defineContinuation(name: string, rule: ContinuationRule): number {
  const id = declare(continuations, name);
  bind(continuations, id, rule);
  return id;
}

function complete<R>(t: Table<R>, what: string): R[] {
  const missing = t.names.filter((_, i) => t.rules[i] === null);
  if (missing.length > 0) throw new Error(`unbound ${what}: ${missing.join(', ')}`);
  return t.rules as R[];
}

/** Every event handler by kind (throws if one is declared but not bound). */
export function eventRules(): readonly EventRule[] {
  return complete(events, 'event kinds');
}

/** Every continuation by id (throws if one is declared but not bound). */
export function continuationRules(): readonly ContinuationRule[] {
  return complete(continuations, 'continuations');
}

export function eventName(id: number): string {
  return events.names[id] ?? `event ${id}`;
}

export function continuationName(id: number): string {
  return continuations.names[id] ?? `continuation ${id}`;
}
