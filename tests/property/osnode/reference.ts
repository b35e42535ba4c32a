/**
 * A brute-force reference for the OS-node model: generate every background request up to a
 * horizon first (same named streams, same draw order), then run the tandem FCFS network by
 * sorting. The lazy calculator must reproduce its detailed results exactly.
 */
import { Rng, type RngStream } from '../../../src/engine/kernel/rng';
import { backgroundNodesOf, type OsNodeParams, type OsNodeRequest } from '../../../src/engine/osnode';

interface Job {
  t: number;
  bytes: number;
  s: number;
  /** 0 background, 1 detailed (background first on equal times). */
  cls: number;
  k: number;
  seq: number;
}

const order = (a: Job, b: Job): number => a.t - b.t || a.cls - b.cls || a.k - b.k || a.seq - b.seq;

function service(r: RngStream, p: OsNodeParams, bytes: number): number {
  return Math.max(0, Math.round(r.logNormal(p.service.perRequestNs, p.service.sigma) + bytes * p.service.perByteNs));
}

/** Background arrivals of `nodes` compute nodes up to horizonNs from one stream; OS service drawn if `withService`. */
function generate(r: RngStream, p: OsNodeParams, nodes: number, horizonNs: number, withService: boolean, k: number): Job[] {
  const perNs = (nodes * p.background.requestsPerSecPerComputeNode) / 1e9;
  if (perNs <= 0) return [];
  const mean = 1 / perNs;
  const jobs: Job[] = [];
  for (let t = Math.round(r.exp(mean)); t <= horizonNs; t += Math.round(r.exp(mean))) {
    const bytes = p.background.meanBytes > 0 ? Math.round(r.exp(p.background.meanBytes)) : 0;
    jobs.push({ t, bytes, s: withService ? service(r, p, bytes) : 0, cls: 0, k, seq: jobs.length });
  }
  return jobs;
}

/** FCFS single server over jobs sorted by `order`; returns departure jobs (t = departure). */
function fcfs(jobs: Job[]): { starts: number[]; departures: Job[] } {
  jobs.sort(order);
  let free = 0;
  const starts: number[] = [];
  const departures = jobs.map((j) => {
    const start = Math.max(j.t, free);
    free = start + j.s;
    starts.push(start);
    return { ...j, t: free };
  });
  return { starts, departures };
}

export interface ReferenceResult {
  readonly completionNs: number[];
  readonly queue: number[];
  readonly pfsWait: number[];
}

function attempt(p: OsNodeParams, seed: number, reqs: readonly OsNodeRequest[], horizonNs: number): ReferenceResult | null {
  const rng = new Rng(seed);
  const detail = rng.stream('osnode.detail');
  const lat = Math.round(p.network.latencyNs);
  let link = 0;
  const detailed: Job[] = reqs.map((r, seq) => {
    const start = Math.max(r.arrivalNs, link);
    link = start + Math.round((r.op === 'write' ? r.bytes : 0) / p.network.bandwidthBytesPerNs);
    return { t: link + lat, bytes: r.bytes, s: p.mode === 'direct' ? 0 : service(detail, p, r.bytes), cls: 1, k: 0, seq };
  });
  const queue = new Array<number>(reqs.length).fill(0);
  let pfsJobs: Job[];
  if (p.mode === 'direct') {
    pfsJobs = [...generate(rng.stream('osnode.bg.direct'), p, p.computeNodes - 1, horizonNs, false, 0), ...detailed];
  } else {
    pfsJobs = [];
    for (let k = 0; k < p.osNodes; k++) {
      const jobs = generate(rng.stream(`osnode.bg.${k}`), p, backgroundNodesOf(k, p), horizonNs, true, k);
      if (k === 0) jobs.push(...detailed);
      const { starts, departures } = fcfs(jobs);
      jobs.forEach((j, i) => {
        if (j.cls === 1) queue[j.seq] = starts[i] - j.t;
      });
      pfsJobs.push(...departures);
    }
  }
  pfsJobs.sort(order);
  const free = new Float64Array(p.pfs.servers ?? 1);
  const completionNs: number[] = [];
  const pfsWait: number[] = [];
  for (const j of pfsJobs) {
    let best = 0;
    for (let i = 1; i < free.length; i++) if (free[i] < free[best]) best = i;
    const start = Math.max(j.t, free[best]);
    const busy = Math.round(j.bytes / p.pfs.bandwidthBytesPerNs);
    free[best] = start + busy;
    if (j.cls !== 1) continue;
    if (j.t > horizonNs) return null;
    const back = lat + Math.round((reqs[j.seq].op === 'read' ? j.bytes : 0) / p.network.bandwidthBytesPerNs);
    completionNs[j.seq] = start + busy + Math.round(p.pfs.latencyNs) + back;
    pfsWait[j.seq] = start - j.t;
  }
  return { completionNs, queue, pfsWait };
}

/** Runs the reference with a horizon large enough to cover every detailed PFS arrival. */
export function referenceRun(p: OsNodeParams, seed: number, reqs: readonly OsNodeRequest[]): ReferenceResult {
  let horizon = Math.max(1, ...reqs.map((r) => r.arrivalNs)) * 2;
  for (;;) {
    const r = attempt(p, seed, reqs, horizon);
    if (r) return r;
    horizon *= 2;
  }
}
