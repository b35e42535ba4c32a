/**
 * Text noise specs shared by the CLI and the app: periodic:FREQ:DUR, bernoulli:p:DUR, exp:MEAN,
 * uniform:MAX, trace:FILE (text supplied by the caller), none, or a registered profile name.
 */
import { parseDuration } from '../kernel/time';
import { parseNoiseTrace } from './pattern';
import { compileNoise, getNoiseProfile, listNoiseProfiles } from './profiles';
import type { NoiseProfile } from './types';

type Parsed = { ok: true; profile: NoiseProfile } | { ok: false; error: string };

function duration(text: string | undefined, what: string): number | string {
  if (text === undefined) return `${what} is missing`;
  const d = parseDuration(text);
  return d.ok ? d.ns : `${what}: ${d.error}`;
}

/** "100Hz", "1.5kHz", "2MHz" or a bare number (Hz) to a period in whole ns. */
function periodOfFrequency(text: string | undefined): number | string {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(hz|khz|mhz)?\s*$/i.exec(text ?? '');
  if (!m) return `"${text ?? ''}" is not a frequency (examples: 100Hz, 1kHz)`;
  const hz = Number(m[1]) * ({ hz: 1, khz: 1e3, mhz: 1e6 } as Record<string, number>)[(m[2] ?? 'hz').toLowerCase()];
  if (!(hz > 0) || hz > 1e9) return `frequency ${text} must be above 0 and at most 1 GHz`;
  return Math.round(1e9 / hz);
}

/** The file named by a `trace:FILE` spec, or null for other specs. */
export function traceFileOf(spec: string): string | null {
  return spec.startsWith('trace:') ? spec.slice('trace:'.length) : null;
}

/** Parses a noise spec; `traceText` is the content of the file of a `trace:FILE` spec. */
export function parseNoiseSpec(spec: string, traceText?: string): Parsed {
  const [kind, ...args] = spec.split(':');
  const want = (n: number, form: string): string | null => (args.length === n ? null : `noise "${spec}": expected ${form}`);
  let profile: NoiseProfile;
  const fail = (e: string): Parsed => ({ ok: false, error: e });
  switch (kind) {
    case 'none':
      profile = { kind: 'none' };
      break;
    case 'periodic': {
      const bad = want(2, 'periodic:FREQ:DURATION, e.g. periodic:100Hz:250us');
      if (bad) return fail(bad);
      const period = periodOfFrequency(args[0]);
      const d = duration(args[1], 'periodic noise duration');
      if (typeof period === 'string') return fail(period);
      if (typeof d === 'string') return fail(d);
      profile = { kind: 'periodic', periodNs: period, durationNs: d };
      break;
    }
    case 'bernoulli': {
      const bad = want(2, 'bernoulli:P:DURATION, e.g. bernoulli:0.01:1ms');
      if (bad) return fail(bad);
      const p = Number(args[0]);
      if (args[0].trim() === '' || !(p >= 0 && p <= 1)) return fail(`bernoulli probability "${args[0]}" must be a number in [0, 1]`);
      const d = duration(args[1], 'bernoulli delay');
      if (typeof d === 'string') return fail(d);
      profile = { kind: 'bernoulli', p, delayNs: d };
      break;
    }
    case 'exp':
    case 'exponential':
    case 'uniform': {
      const bad = want(1, kind === 'uniform' ? 'uniform:MAX, e.g. uniform:100us' : 'exp:MEAN, e.g. exp:10us');
      if (bad) return fail(bad);
      const d = duration(args[0], kind === 'uniform' ? 'uniform maximum' : 'exponential mean');
      if (typeof d === 'string') return fail(d);
      profile = kind === 'uniform' ? { kind: 'uniform', maxNs: d } : { kind: 'exponential', meanNs: d };
      break;
    }
    case 'trace': {
      if (args.join(':') === '') return fail('noise "trace:FILE" needs a file name');
      if (traceText === undefined) return fail(`noise trace ${args.join(':')}: no text was read`);
      const t = parseNoiseTrace(traceText);
      if (!t.ok) return fail(t.error);
      profile = { kind: 'trace', periodNs: t.periodNs, detours: t.detours };
      break;
    }
    default: {
      const named = args.length === 0 ? getNoiseProfile(kind) : undefined;
      if (!named) {
        const names = listNoiseProfiles().map((p) => p.name).join(', ');
        return fail(`unknown noise "${spec}" (forms: none, periodic:FREQ:DUR, bernoulli:P:DUR, exp:MEAN, uniform:MAX, trace:FILE, or a profile: ${names})`);
      }
      profile = named.profile;
    }
  }
  try {
    compileNoise(profile);
  } catch (e) {
    return fail(`noise "${spec}": ${(e as Error).message}`);
  }
  return { ok: true, profile };
}
