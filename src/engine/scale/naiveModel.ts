/**
 * The reference model: ranks as objects running a program of compute/send/recv steps,
 * driven by a time-ordered event list, with noise walked detour by detour. Slow and plain,
 * so the fast model can be checked against it.
 */
import type { DetourPattern } from './pattern';
import { NoiseDraws, type RunShape } from './noise';
import type { ScaleParams } from './types';

type Step =
  | { op: 'compute' }
  | { op: 'sync' }
  | { op: 'send'; to: number; tag: string }
  | { op: 'recv'; from: number; tag: string };

interface Rank {
  id: number;
  clock: number;
  pc: number;
  iteration: number;
  lastSend: number;
  mailbox: Map<string, number>;
  waitingFor: string | null;
}

/** Work `work` from `t`, skipping every detour of the pattern shifted by `phase`, one at a time. */
export function walkNoise(p: DetourPattern, phase: number, t: number, work: number): number {
  if (work <= 0) return t;
  if (p.starts.length === 0) return t + work;
  let left = work;
  let period = Math.floor((t - phase) / p.periodNs);
  for (;;) {
    const base = phase + period * p.periodNs;
    for (let j = 0; j < p.starts.length; j++) {
      const s = base + p.starts[j];
      const e = base + p.ends[j];
      if (e <= t) continue;
      if (s <= t) {
        t = e; // inside a detour: wait it out
        continue;
      }
      if (s - t >= left) return t + left;
      left -= s - t;
      t = e;
    }
    period++;
  }
}

/** The collective as a per-rank list of steps (see docs/scale.md for the algorithms). */
function collectiveSteps(kind: ScaleParams['collective'], r: number, P: number): Step[] {
  const steps: Step[] = [];
  const exchange = (to: number, from: number, tag: string): void => {
    steps.push({ op: 'send', to, tag }, { op: 'recv', from, tag });
  };
  if (kind === 'none') steps.push({ op: 'sync' });
  if (kind === 'barrier') for (let d = 1, round = 0; d < P; d *= 2, round++) exchange((r + d) % P, (r - d + P) % P, `b${round}`);
  if (kind === 'allreduce') {
    let p2 = 1;
    while (p2 * 2 <= P) p2 *= 2;
    if (r >= p2) return [{ op: 'send', to: r - p2, tag: 'in' }, { op: 'recv', from: r - p2, tag: 'out' }];
    if (r + p2 < P) steps.push({ op: 'recv', from: r + p2, tag: 'in' });
    for (let d = 1; d < p2; d *= 2) exchange(r ^ d, r ^ d, `rd${d}`);
    if (r + p2 < P) steps.push({ op: 'send', to: r + p2, tag: 'out' });
  }
  return steps;
}

/** Runs all iterations and returns the per-iteration times. */
export function runNaive(params: ScaleParams, shape: RunShape): Float64Array {
  const P = shape.ranks;
  const K = params.iterations;
  const { o, g } = params.logGP;
  const draws = new NoiseDraws(shape, params);
  const perIter: Float64Array[] = [];
  for (let k = 0; k < K; k++) {
    draws.next();
    perIter.push(Float64Array.from(draws.perRank));
  }
  const pattern = shape.noise.type === 'timeline' ? shape.noise.pattern : null;
  const stretch = (r: Rank, t: number, work: number, charged: boolean): number =>
    pattern && charged ? walkNoise(pattern, perIter[r.iteration][r.id], t, work) : t + work;

  const ranks: Rank[] = Array.from({ length: P }, (_, id) => ({ id, clock: 0, pc: 0, iteration: 0, lastSend: -Infinity, mailbox: new Map(), waitingFor: null }));
  const programs = ranks.map((r) => [{ op: 'compute' } as Step, ...collectiveSteps(params.collective, r.id, P)]);
  const iterEnd = new Float64Array(K);
  const events: { time: number; seq: number; rank: Rank }[] = [];
  let seq = 0;
  const schedule = (rank: Rank, time: number): void => {
    events.push({ time, seq: seq++, rank });
  };
  const syncWaiting: Rank[] = [];
  ranks.forEach((r) => schedule(r, 0));

  // Runs a rank from its clock until it blocks or finishes all iterations.
  const run = (r: Rank): void => {
    for (;;) {
      const prog = programs[r.id];
      if (r.pc === prog.length) {
        iterEnd[r.iteration] = Math.max(iterEnd[r.iteration], r.clock);
        r.iteration++;
        r.pc = 0;
        if (r.iteration === K) return;
      }
      const step = prog[r.pc];
      if (step.op === 'compute') {
        const X = shape.noise.type === 'delay' ? perIter[r.iteration][r.id] : 0;
        r.clock = stretch(r, r.clock, params.computeNs, true) + X;
      } else if (step.op === 'sync') {
        syncWaiting.push(r);
        r.pc++;
        if (syncWaiting.length === P) {
          const m = Math.max(...syncWaiting.map((x) => x.clock));
          for (const x of syncWaiting.splice(0)) schedule(x, m);
        }
        return;
      } else if (step.op === 'send') {
        const start = Math.max(r.clock, r.lastSend + g);
        r.lastSend = start;
        r.clock = stretch(r, start, o, params.chargeCollective);
        const key = `${r.iteration}/${step.tag}/${r.id}`;
        const to = ranks[step.to];
        const arrival = r.clock + shape.wireNs;
        to.mailbox.set(key, arrival);
        if (to.waitingFor === key) {
          to.waitingFor = null;
          schedule(to, Math.max(to.clock, arrival));
        }
      } else {
        const key = `${r.iteration}/${step.tag}/${step.from}`;
        const arrival = r.mailbox.get(key);
        if (arrival === undefined) {
          r.waitingFor = key;
          return;
        }
        r.mailbox.delete(key);
        r.clock = stretch(r, Math.max(r.clock, arrival), o, params.chargeCollective);
      }
      r.pc++;
    }
  };

  while (events.length > 0) {
    let best = 0;
    for (let i = 1; i < events.length; i++) {
      const e = events[i];
      if (e.time < events[best].time || (e.time === events[best].time && e.seq < events[best].seq)) best = i;
    }
    const ev = events.splice(best, 1)[0];
    ev.rank.clock = Math.max(ev.rank.clock, ev.time);
    run(ev.rank);
  }
  const out = new Float64Array(K);
  for (let k = 0; k < K; k++) out[k] = iterEnd[k] - (k > 0 ? iterEnd[k - 1] : 0);
  return out;
}
