/**
 * One descriptor table per concept that engine, worker, views and CLI share: routes a system
 * call can take and the stages its latency is split into. Each entry has a stable code (its
 * index), a key (JSON, CSV, data attributes), a short name, a title, the phrase used in event
 * descriptions, and one colour with a letter code, so a route or a stage looks and reads the
 * same everywhere. Designs register what they add (src/engine/designs); codes are allocated
 * in registration order, so nothing is hand-numbered.
 *
 * Consumers read `ROUTES.length` / `STAGES.length` when they need a count (never copy it into
 * a module constant at load time): a design may register more before the first run.
 */

export interface Descriptor {
  /** Index in its table: what trace records, frames and checkpoints carry. */
  readonly code: number;
  /** Identifier for JSON, CSV and data attributes (lower case, no spaces). */
  readonly key: string;
  /** A word or two, for legends and table headers. */
  readonly short: string;
  /** The full name, for tooltips and panels. */
  readonly title: string;
  /** Fill colour (colour-blind safe, readable on dark and light themes). */
  readonly colour: string;
  /** Text colour on the fill. */
  readonly ink: string;
  /** One to three letters drawn on the colour, so colour is never the only cue. */
  readonly letter: string;
}

export interface RouteDescriptor extends Descriptor {
  /** "call 7 goes to <phrase>". */
  readonly phrase: string;
}

export type StageDescriptor = Descriptor;

const routes: RouteDescriptor[] = [];
const stages: StageDescriptor[] = [];

function register<T extends Descriptor>(table: T[], entry: Omit<T, 'code'>): number {
  const existing = table.findIndex((d) => d.key === entry.key);
  if (existing >= 0) throw new Error(`descriptor "${entry.key}" is registered twice`);
  const code = table.length;
  table.push(Object.freeze({ ...entry, code } as T));
  return code;
}

/** Adds a route; returns its code. */
export function registerRoute(entry: Omit<RouteDescriptor, 'code'>): number {
  return register(routes, entry);
}

/** Adds a stage; returns its code. */
export function registerStage(entry: Omit<StageDescriptor, 'code'>): number {
  return register(stages, entry);
}

/** Every route, by code. */
export const ROUTES: readonly RouteDescriptor[] = routes;
/** Every stage, by code. */
export const STAGES: readonly StageDescriptor[] = stages;

export function routeByKey(key: string): RouteDescriptor | undefined {
  return routes.find((r) => r.key === key);
}

export function stageByKey(key: string): StageDescriptor | undefined {
  return stages.find((s) => s.key === key);
}

// Colours: Paul Tol's colour-blind-safe "muted" and "bright" sets.

/** The routes of the paper's triage (a design may add more). */
export const Route = {
  Glibc: registerRoute({ key: 'glibc', short: 'glibc', title: 'glibc shim (user space)', phrase: 'glibc (user space)', colour: '#88CCEE', ink: '#111111', letter: 'G' }),
  Lwk: registerRoute({ key: 'lwk', short: 'LWK', title: 'LWK (handled locally)', phrase: 'the LWK', colour: '#44AA99', ink: '#111111', letter: 'L' }),
  Linux: registerRoute({ key: 'linux', short: 'Linux', title: 'Linux (forwarded or native)', phrase: 'Linux', colour: '#DDCC77', ink: '#111111', letter: 'X' }),
  OsNode: registerRoute({ key: 'osnode', short: 'OS node', title: 'OS node / parallel filesystem', phrase: 'an OS node', colour: '#CC6677', ink: '#111111', letter: 'O' }),
} as const;
export type Route = number;

/** The stages of a call's latency; entering one closes the previous, so they add up. */
export const Stage = {
  Intercept: registerStage({ key: 'intercept', short: 'intercept', title: 'interception and kernel entry', colour: '#332288', ink: '#ffffff', letter: 'i' }),
  Queue: registerStage({ key: 'queue', short: 'queue', title: 'insert into the Linux channel (and wait for a slot)', colour: '#88CCEE', ink: '#111111', letter: 'q' }),
  Ipi: registerStage({ key: 'ipi', short: 'IPI', title: 'doorbell IPI in flight, or riding on a pending one', colour: '#117733', ink: '#ffffff', letter: 'I' }),
  Handler: registerStage({ key: 'handler', short: 'handler', title: 'IPI handler: get_list and routing', colour: '#DDCC77', ink: '#111111', letter: 'h' }),
  ProxySched: registerStage({ key: 'proxySched', short: 'proxy scheduling', title: 'sched_run until a proxy (or the migrated thread) runs', colour: '#CC6677', ink: '#111111', letter: 'p' }),
  Service: registerStage({ key: 'service', short: 'service', title: 'the call served by its kernel', colour: '#44AA99', ink: '#111111', letter: 's' }),
  Copy: registerStage({ key: 'copy', short: 'copy', title: 'data copied across the partition', colour: '#999933', ink: '#111111', letter: 'c' }),
  Reply: registerStage({ key: 'reply', short: 'reply', title: 'reply posted (or the thread migrating back)', colour: '#882255', ink: '#ffffff', letter: 'r' }),
  ReplySeen: registerStage({ key: 'replySeen', short: 'reply seen', title: 'from reply ready until the caller sees it', colour: '#AA4499', ink: '#ffffff', letter: 'R' }),
  Network: registerStage({ key: 'network', short: 'network', title: 'network to and from the OS node or PFS', colour: '#BBBBBB', ink: '#111111', letter: 'n' }),
  OsNodeQueue: registerStage({ key: 'osnodeQueue', short: 'OS-node queue', title: 'waiting at the OS node or PFS server', colour: '#EE8866', ink: '#111111', letter: 'o' }),
} as const;
export type Stage = number;
