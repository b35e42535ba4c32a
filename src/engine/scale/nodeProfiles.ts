/**
 * Noise profiles measured on the node model: the node simulation runs headlessly (seeded,
 * deterministic) for a short simulated time and its trace becomes empirical per-iteration delays.
 *
 * - `node:linux-fwq`, `node:linux-tuned-fwq`: FWQ noise (elapsed − quantum, one sample per 1 ms
 *   quantum) of the application CPUs of the 'linux' and 'linux-tuned' presets (Linux CPUs);
 * - `node:mos-lwk-fwq`: the same on the LWK CPUs of the 'mos' preset;
 * - `node:mos-forwarded-calls`: per thread and iteration of the 'mos-bsp' mini-app, the summed
 *   latency of its system calls forwarded to Linux (route linux), so the tail of the forwarded-call
 *   latency distribution reaches the scale model as it is.
 *
 * The `node:` names live outside the registry of profiles.ts (whose names cannot hold a colon);
 * `parseScaleNoiseSpec` resolves them lazily and passes every other spec to `parseNoiseSpec`.
 */
import { createNodeSimulation } from '../node/model';
import type { NodeSim } from '../node/cpu';
import type { TraceBatch } from '../kernel/trace';
import { PRESETS } from '../config/presets';
import { Role } from '../node/kinds';
import { Tr } from '../node/events';
import { Route } from '../descriptors';
import { parseNoiseSpec } from './spec';
import type { NamedNoiseProfile } from './profiles';
import type { NoiseProfile } from './types';

export const NODE_PROFILE_PREFIX = 'node:';
/** The seed of the node runs behind the profiles (fixed, so the CLI and the app measure the same noise). */
export const NODE_PROFILE_SEED = 1;

interface FwqSource {
  readonly kind: 'fwq';
  readonly preset: string;
  readonly role: number;
  readonly simNs: number;
  readonly what: string;
}
interface CallsSource {
  readonly kind: 'calls';
  readonly preset: string;
  readonly simNs: number;
  readonly what: string;
}
type Source = FwqSource | CallsSource;

const SOURCES: Readonly<Record<string, Source>> = {
  'node:linux-fwq': { kind: 'fwq', preset: 'linux', role: Role.Linux, simNs: 5e8, what: 'FWQ noise per 1 ms quantum on the Linux CPUs of untuned Linux' },
  'node:linux-tuned-fwq': { kind: 'fwq', preset: 'linux-tuned', role: Role.Linux, simNs: 5e8, what: 'FWQ noise per 1 ms quantum on the Linux CPUs of tuned Linux (nohz_full, isolcpus)' },
  'node:mos-lwk-fwq': { kind: 'fwq', preset: 'mos', role: Role.Lwk, simNs: 5e8, what: 'FWQ noise per 1 ms quantum on the LWK CPUs of mOS' },
  'node:mos-forwarded-calls': { kind: 'calls', preset: 'mos-bsp', simNs: 1e8, what: 'latency of the system calls each mOS thread forwards to Linux per iteration (BSP mini-app)' },
};

export const NODE_PROFILE_NAMES: readonly string[] = Object.keys(SOURCES);

/** Runs a preset and hands every drained trace batch to `visit`; drains every 5 ms of simulated time (the ring holds 65,536 records). */
function runTrace(preset: string, seed: number, simNs: number, visit: (b: TraceBatch) => void): NodeSim {
  const config = PRESETS[preset];
  if (!config) throw new Error(`no node preset "${preset}"`);
  const sim = createNodeSimulation(config, seed);
  const slice = 5_000_000;
  for (let t = slice; t <= simNs; t += slice) {
    sim.runUntil(t);
    const batch = sim.drainTrace();
    if (batch.lost > 0) throw new Error(`node profile ${preset}: ${batch.lost} trace records lost`);
    visit(batch);
  }
  return sim;
}

/** FWQ noise samples (elapsed − quantum, whole ns) of the application CPUs with `role`. */
export function fwqNoiseSamples(preset: string, role: number, seed: number, simNs: number): number[] {
  const roles = PRESETS[preset]?.roles ?? [];
  const out: number[] = [];
  runTrace(preset, seed, simNs, (b) => {
    for (let i = 0; i < b.kind.length; i++) {
      if (b.kind[i] !== Tr.Quantum || roles[b.cpu[i]] !== role) continue;
      out.push(Math.max(0, Math.round(b.a[i] - b.b[i])));
    }
  });
  return out;
}

/**
 * Per thread (CPU) and iteration, the summed latency of the calls forwarded to Linux. A thread's
 * forwarded calls are cut into iterations of k consecutive calls, k = its calls / its process's
 * iterations (the leader's Iteration records), rounded; the remainder is dropped.
 */
export function forwardedCallDelays(preset: string, seed: number, simNs: number): number[] {
  const routeOf = new Map<number, number>();
  const perCpu = new Map<number, number[]>();
  const pidOf = new Map<number, number>();
  const iterations = new Map<number, number>();
  runTrace(preset, seed, simNs, (b) => {
    for (let i = 0; i < b.kind.length; i++) {
      const k = b.kind[i];
      if (k === Tr.SyscallRoute) routeOf.set(b.a[i], b.b[i]);
      else if (k === Tr.Iteration) iterations.set(b.pid[i], (iterations.get(b.pid[i]) ?? 0) + 1);
      else if (k === Tr.SyscallDone) {
        const route = routeOf.get(b.a[i]);
        routeOf.delete(b.a[i]);
        if (route !== Route.Linux) continue;
        const cpu = b.cpu[i];
        pidOf.set(cpu, b.pid[i]);
        let list = perCpu.get(cpu);
        if (!list) perCpu.set(cpu, (list = []));
        list.push(b.b[i]);
      }
    }
  });
  const out: number[] = [];
  for (const cpu of [...perCpu.keys()].sort((a, b) => a - b)) {
    const calls = perCpu.get(cpu)!;
    const its = iterations.get(pidOf.get(cpu)!) ?? 0;
    const k = its > 0 ? Math.max(1, Math.round(calls.length / its)) : 1;
    for (let j = 0; j + k <= calls.length; j += k) {
      let sum = 0;
      for (let m = j; m < j + k; m++) sum += calls[m];
      out.push(Math.round(sum));
    }
  }
  return out;
}

function measure(name: string, seed: number): NamedNoiseProfile {
  const src = SOURCES[name];
  const delaysNs = src.kind === 'fwq' ? fwqNoiseSamples(src.preset, src.role, seed, src.simNs) : forwardedCallDelays(src.preset, seed, src.simNs);
  if (delaysNs.length === 0) throw new Error(`node profile ${name}: the node model produced no samples`);
  const profile: NoiseProfile = { kind: 'empirical', form: 'delays', delaysNs };
  return { name, description: `Measured on the node model ('${src.preset}' preset, ${src.simNs / 1e6} ms, seed ${seed}): ${src.what}`, profile, assumed: false };
}

const cache = new Map<string, NamedNoiseProfile>();

/** The measured profile of a `node:` name (computed once per name and seed), or undefined for other names. */
export function nodeNoiseProfile(name: string, seed = NODE_PROFILE_SEED): NamedNoiseProfile | undefined {
  if (!(name in SOURCES)) return undefined;
  const key = `${name}#${seed}`;
  let entry = cache.get(key);
  if (!entry) cache.set(key, (entry = measure(name, seed)));
  return entry;
}

/** Summary statistics of delay samples, for tests and descriptions. */
export function delayStats(xs: readonly number[]): { count: number; mean: number; p99: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  return { count: s.length, mean, p99: s[Math.min(s.length - 1, Math.floor(s.length * 0.99))] ?? 0, max: s[s.length - 1] ?? 0 };
}

/** `parseNoiseSpec` plus the `node:` profiles, built on first use. */
export function parseScaleNoiseSpec(spec: string, traceText?: string): ReturnType<typeof parseNoiseSpec> {
  if (!spec.startsWith(NODE_PROFILE_PREFIX)) return parseNoiseSpec(spec, traceText);
  const entry = nodeNoiseProfile(spec);
  if (!entry) return { ok: false, error: `unknown node profile "${spec}" (one of: ${NODE_PROFILE_NAMES.join(', ')})` };
  return { ok: true, profile: entry.profile };
}
