/**
 * System calls in flight and their statistics. A call walks through stages (src/engine/
 * descriptors.ts: intercept, queue, IPI, handler, proxy scheduling, service, copy, reply, reply
 * seen, network, OS-node queue, and any a design registers); entering a stage closes the
 * previous one, so the stages of a call add up to its latency. Synchronisation (the futex
 * barrier) is a system call too, but its wait is the application's, not the call path's: it is
 * counted apart from the routes' latency.
 */
import { Route, ROUTES, Stage, STAGES } from '../descriptors';
import { createHistogram, quantileOf, record, type LogLinearHistogram } from '../stats/logLinearHistogram';

export { Route, Stage };

export interface Call {
  readonly id: number;
  readonly tid: number;
  readonly pid: number;
  readonly name: string;
  readonly fd: number;
  readonly bytes: number;
  readonly path: string;
  /** A call-specific argument: nanosleep's duration, futex's operation. */
  readonly arg: number;
  route: Route;
  readonly issuedAt: number;
  stage: Stage;
  stageStart: number;
  readonly stages: number[];
  /** Linux channel it travels through, or -1. */
  channel: number;
  replyReadyAt: number;
  /** An aggregation flush issued by the glibc shim on the application's behalf. */
  readonly internal: boolean;
  /** A synchronisation wait (the application's barrier): counted apart from syscall latency. */
  sync: boolean;
}

export interface RouteStats {
  count: number;
  sumNs: number;
  maxNs: number;
  readonly hist: LogLinearHistogram;
  readonly stageSumNs: Float64Array;
}

export interface CallTable {
  readonly items: (Call | null)[];
  readonly free: number[];
  readonly routes: RouteStats[];
  /** Barrier waits: the time from arriving at the barrier to leaving it. */
  readonly sync: RouteStats;
  /** Completed calls per name, split by route. */
  readonly byName: Record<string, number[]>;
  issued: number;
  completed: number;
}

function createStats(): RouteStats {
  return { count: 0, sumNs: 0, maxNs: 0, hist: createHistogram(), stageSumNs: new Float64Array(STAGES.length) };
}

export function createCallTable(): CallTable {
  return { items: [], free: [], routes: ROUTES.map(createStats), sync: createStats(), byName: {}, issued: 0, completed: 0 };
}

export interface CallRequest {
  readonly tid: number;
  readonly pid: number;
  readonly name: string;
  readonly fd: number;
  readonly bytes: number;
  readonly path: string;
  readonly internal: boolean;
  readonly arg: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Completed calls' objects, reused by the next calls (a run opens millions). A cache outside the
 * state: a restored checkpoint simply starts with an empty one.
 */
const released = new WeakMap<CallTable, Mutable<Call>[]>();

export function openCall(t: CallTable, now: number, c: CallRequest): Call {
  const id = t.free.length > 0 ? t.free.pop()! : t.items.length;
  const reuse = released.get(t)?.pop();
  if (reuse) {
    reuse.id = id;
    reuse.tid = c.tid;
    reuse.pid = c.pid;
    reuse.name = c.name;
    reuse.fd = c.fd;
    reuse.bytes = c.bytes;
    reuse.path = c.path;
    reuse.arg = c.arg;
    reuse.route = Route.Glibc;
    reuse.issuedAt = now;
    reuse.stage = Stage.Intercept;
    reuse.stageStart = now;
    reuse.stages.fill(0);
    reuse.channel = -1;
    reuse.replyReadyAt = -1;
    reuse.internal = c.internal;
    reuse.sync = false;
    t.items[id] = reuse;
    t.issued++;
    return reuse;
  }
  // One object shape for every call (no spread): property access stays monomorphic on hot paths.
  const call: Call = {
    id,
    tid: c.tid,
    pid: c.pid,
    name: c.name,
    fd: c.fd,
    bytes: c.bytes,
    path: c.path,
    arg: c.arg,
    route: Route.Glibc,
    issuedAt: now,
    stage: Stage.Intercept,
    stageStart: now,
    stages: new Array<number>(STAGES.length).fill(0),
    channel: -1,
    replyReadyAt: -1,
    internal: c.internal,
    sync: false,
  };
  t.items[id] = call;
  t.issued++;
  return call;
}

export function enterStage(call: Call, stage: Stage, now: number): void {
  call.stages[call.stage] += now - call.stageStart;
  call.stage = stage;
  call.stageStart = now;
}

/** Closes the call's last stage, records its latency under its route (or as a synchronisation wait), and frees its slot. */
export function closeCall(t: CallTable, call: Call, now: number): number {
  call.stages[call.stage] += now - call.stageStart;
  const latency = now - call.issuedAt;
  const r = call.sync ? t.sync : t.routes[call.route];
  r.count++;
  r.sumNs += latency;
  if (latency > r.maxNs) r.maxNs = latency;
  record(r.hist, latency);
  for (let s = 0; s < r.stageSumNs.length; s++) r.stageSumNs[s] += call.stages[s];
  if (!call.sync) {
    const perName = (t.byName[call.name] ??= new Array<number>(t.routes.length).fill(0));
    perName[call.route]++;
  }
  t.items[call.id] = null;
  t.free.push(call.id);
  let pool = released.get(t);
  if (!pool) released.set(t, (pool = []));
  if (pool.length < 4096) pool.push(call as Mutable<Call>);
  t.completed++;
  return latency;
}

/** Quantile of a route's latency (log-linear histogram: within 0.4 % of the exact value). */
export function quantile(r: RouteStats, q: number): number {
  return quantileOf(r.hist, q);
}
