/**
 * Noise profiles: compiling a profile to what the models evaluate, and a registry of named
 * profiles. The built-ins are documented assumptions until the node model registers measured ones.
 */
import type { RngStream } from '../kernel/rng';
import { makePattern, type DetourPattern } from './pattern';
import type { Detour, NoiseProfile } from './types';

/** What the models evaluate: no noise, a detour timeline, or an i.i.d. per-iteration delay. */
export type CompiledNoise =
  | { readonly type: 'none' }
  | { readonly type: 'timeline'; readonly pattern: DetourPattern }
  | { readonly type: 'delay'; readonly sample: (s: RngStream) => number };

function checkNs(name: string, v: number, allowZero = true): void {
  if (!Number.isSafeInteger(v) || v < 0 || (!allowZero && v === 0)) throw new Error(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer (ns), got ${v}`);
}

function timeline(detours: readonly Detour[], periodNs: number): CompiledNoise {
  const pattern = makePattern(detours, periodNs);
  return pattern.starts.length === 0 ? { type: 'none' } : { type: 'timeline', pattern };
}

/** Validates a profile and turns it into its evaluable form. Throws with a readable message. */
export function compileNoise(profile: NoiseProfile): CompiledNoise {
  switch (profile.kind) {
    case 'none':
      return { type: 'none' };
    case 'periodic': {
      checkNs('noise period', profile.periodNs, false);
      checkNs('noise duration', profile.durationNs);
      if (profile.durationNs === 0) return { type: 'none' };
      if (profile.durationNs >= profile.periodNs) throw new Error('periodic noise duration must be shorter than its period');
      return { type: 'timeline', pattern: makePattern([{ startNs: 0, durationNs: profile.durationNs }], profile.periodNs) };
    }
    case 'trace':
      return timeline(profile.detours, profile.periodNs);
    case 'bernoulli': {
      const { p, delayNs } = profile;
      if (!(p >= 0 && p <= 1)) throw new Error(`bernoulli probability must be in [0, 1], got ${p}`);
      checkNs('bernoulli delay', delayNs);
      return { type: 'delay', sample: (s) => (s.next() < p ? delayNs : 0) };
    }
    case 'exponential': {
      const mean = profile.meanNs;
      checkNs('exponential mean', mean);
      // Rounded to whole ns: keeps all model arithmetic exact; bias < 0.5 ns.
      return { type: 'delay', sample: (s) => Math.round(s.exp(mean)) };
    }
    case 'uniform': {
      const max = profile.maxNs;
      checkNs('uniform maximum', max);
      return { type: 'delay', sample: (s) => Math.round(s.next() * max) };
    }
    case 'empirical':
      if (profile.form === 'detours') return timeline(profile.detours, profile.periodNs);
      if (profile.delaysNs.length === 0) throw new Error('empirical delays: the sample list is empty');
      {
        // Measured delays may be fractional: whole ns keep the model arithmetic exact.
        const delays = Float64Array.from(profile.delaysNs, Math.round);
        delays.forEach((d) => checkNs('empirical delay', d));
        return { type: 'delay', sample: (s) => delays[s.int(delays.length)] };
      }
  }
}

export interface NamedNoiseProfile {
  readonly name: string;
  readonly description: string;
  readonly profile: NoiseProfile;
  /** True for built-ins that are assumptions rather than measurements. */
  readonly assumed: boolean;
}

/** `count` detours of `durationNs` every `everyNs` from `offsetNs`. */
function train(count: number, everyNs: number, offsetNs: number, durationNs: number): Detour[] {
  return Array.from({ length: count }, (_, k) => ({ startNs: offsetNs + k * everyNs, durationNs }));
}

const SECOND = 1_000_000_000;

const BUILT_INS: readonly NamedNoiseProfile[] = [
  {
    name: 'linux-untuned',
    description: 'Assumed: 1000 Hz tick of 2 µs, a 10 Hz daemon of 20 µs and a 1 Hz daemon of 200 µs (0.24% noise)',
    profile: { kind: 'empirical', form: 'detours', periodNs: SECOND, detours: [...train(1000, 1_000_000, 0, 2_000), ...train(10, 100_000_000, 500_000, 20_000), { startNs: 250_100_000, durationNs: 200_000 }] },
    assumed: true,
  },
  {
    name: 'linux-tuned',
    description: 'Assumed: 100 Hz tick of 1 µs and a 1 Hz housekeeping detour of 10 µs (0.011% noise)',
    profile: { kind: 'empirical', form: 'detours', periodNs: SECOND, detours: [...train(100, 10_000_000, 0, 1_000), { startNs: 500_200_000, durationNs: 10_000 }] },
    assumed: true,
  },
  {
    name: 'mos-lwk',
    description: 'Assumed: LWK CPU with no tick, one 1 µs interruption per second (0.0001% noise)',
    profile: { kind: 'empirical', form: 'detours', periodNs: SECOND, detours: [{ startNs: 0, durationNs: 1_000 }] },
    assumed: true,
  },
];

const registry = new Map<string, NamedNoiseProfile>(BUILT_INS.map((p) => [p.name, p]));

/** Registers (or replaces) a named profile, e.g. one measured by the node model. Validates it first. */
export function registerNoiseProfile(entry: NamedNoiseProfile): void {
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(entry.name)) throw new Error(`bad profile name "${entry.name}" (lower-case letters, digits, . _ -)`);
  compileNoise(entry.profile);
  registry.set(entry.name, entry);
}

export function getNoiseProfile(name: string): NamedNoiseProfile | undefined {
  return registry.get(name);
}

export function listNoiseProfiles(): NamedNoiseProfile[] {
  return [...registry.values()].sort((a, b) => a.name.localeCompare(b.name));
}
