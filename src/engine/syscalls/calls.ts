/**
 * System calls in flight and their statistics. A call walks through stages (intercept, queue,
 * IPI, handler, proxy scheduling, service, copy, reply, reply seen, network, OS-node queue);
 * entering a stage closes the previous one, so the stages of a call add up to its latency.
 */

export const Route = { Glibc: 0, Lwk: 1, Linux: 2, OsNode: 3 } as const;
export type Route = (typeof Route)[keyof typeof Route];
export const ROUTE_NAMES = ['glibc', 'lwk', 'linux', 'osnode'] as const;

export const Stage = {
  Intercept: 0,
  Queue: 1,
  Ipi: 2,
  Handler: 3,
  ProxySched: 4,
  Service: 5,
  Copy: 6,
  Reply: 7,
  ReplySeen: 8,
  Network: 9,
  OsNodeQueue: 10,
} as const;
export type Stage = (typeof Stage)[keyof typeof Stage];
export const STAGE_NAMES = ['intercept', 'queue', 'IPI', 'handler', 'proxy scheduling', 'service', 'copy', 'reply', 'reply seen', 'network', 'OS-node queue'] as const;
export const STAGE_COUNT = STAGE_NAMES.length;

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
}

/** Log-binned latency histogram: 8 bins per power of two from 1 ns (about ±4.5 % per bin). */
export const HIST_BINS_PER_OCTAVE = 8;
export const HIST_BINS = 40 * HIST_BINS_PER_OCTAVE;

export interface RouteStats {
  count: number;
  sumNs: number;
  maxNs: number;
  readonly hist: Float64Array;
  readonly stageSumNs: Float64Array;
}

export interface CallTable {
  readonly items: (Call | null)[];
  readonly free: number[];
  readonly routes: RouteStats[];
  /** Completed calls per name, split by route. */
  readonly byName: Record<string, number[]>;
  issued: number;
  completed: number;
}

export function createCallTable(): CallTable {
  return {
    items: [],
    free: [],
    routes: [0, 1, 2, 3].map(() => ({ count: 0, sumNs: 0, maxNs: 0, hist: new Float64Array(HIST_BINS), stageSumNs: new Float64Array(STAGE_COUNT) })),
    byName: {},
    issued: 0,
    completed: 0,
  };
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

export function openCall(t: CallTable, now: number, c: CallRequest): Call {
  const id = t.free.length > 0 ? t.free.pop()! : t.items.length;
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
    stages: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    channel: -1,
    replyReadyAt: -1,
    internal: c.internal,
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

export function histBin(ns: number): number {
  if (ns < 1) return 0;
  return Math.min(HIST_BINS - 1, Math.floor(Math.log2(ns) * HIST_BINS_PER_OCTAVE));
}

/** Closes the call's last stage, records its latency under its route, and frees its slot. */
export function closeCall(t: CallTable, call: Call, now: number): number {
  call.stages[call.stage] += now - call.stageStart;
  const latency = now - call.issuedAt;
  const r = t.routes[call.route];
  r.count++;
  r.sumNs += latency;
  if (latency > r.maxNs) r.maxNs = latency;
  r.hist[histBin(latency)]++;
  for (let s = 0; s < STAGE_COUNT; s++) r.stageSumNs[s] += call.stages[s];
  const perName = (t.byName[call.name] ??= [0, 0, 0, 0]);
  perName[call.route]++;
  t.items[call.id] = null;
  t.free.push(call.id);
  t.completed++;
  return latency;
}

/** Quantile from the histogram (geometric middle of the bin that holds it). */
export function quantile(r: RouteStats, q: number): number {
  if (r.count === 0) return 0;
  const target = q * r.count;
  let acc = 0;
  for (let b = 0; b < HIST_BINS; b++) {
    acc += r.hist[b];
    if (acc >= target) return Math.min(r.maxNs, 2 ** ((b + 0.5) / HIST_BINS_PER_OCTAVE));
  }
  return r.maxNs;
}
