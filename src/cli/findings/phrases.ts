/**
 * Numbers to words: every sentence of the findings that states a result is built here from
 * measured values, including the verdict against a published result.
 */
import { formatDuration } from '../../engine/kernel/time';

/** Relative change of a over b: 0.05 means a is 5 % above b. */
export function change(a: number, b: number): number {
  return b === 0 ? (a === 0 ? 0 : Infinity) : (a - b) / b;
}

/** 0.0523 -> "5.2 %" (absolute value). */
export function pct(x: number, digits = 1): string {
  return `${(Math.abs(x) * 100).toFixed(digits)} %`;
}

/** A small share with two significant digits: 0.0016 -> "0.16 %", 0.000049 -> "0.0049 %", 0 -> "0 %". */
export function share(x: number): string {
  const p = Math.abs(x) * 100;
  if (p === 0) return '0 %';
  if (p >= 1) return `${p.toFixed(1)} %`;
  if (p < 1e-4) return '< 0.0001 %';
  return `${Number(p.toPrecision(2))} %`;
}

/** Simulated time as a command-line duration: 200000000 -> "200ms". */
export function durationFlag(ns: number): string {
  for (const [unit, size] of [['s', 1e9], ['ms', 1e6], ['us', 1e3]] as const) if (ns % size === 0) return `${ns / size}${unit}`;
  return `${ns}ns`;
}

/** 0.0523 -> "+5.2 %", -0.01 -> "−1.0 %". */
export function signedPct(x: number, digits = 1): string {
  const s = (Math.abs(x) * 100).toFixed(digits);
  return Number(s) === 0 ? `${s} %` : `${x > 0 ? '+' : '−'}${s} %`;
}

export function ns(v: number | undefined): string {
  return v === undefined ? 'n/a' : formatDuration(Math.round(v));
}

export function count(v: number | undefined): string {
  return v === undefined ? 'n/a' : String(Math.round(v));
}

/** "5.2 % more iterations than", "1.6 % fewer iterations than", "as many iterations as". */
export function moreOrFewer(a: number, b: number, noun: string): string {
  if (a === b) return `exactly as many ${noun} as`;
  return `${pct(change(a, b))} ${a > b ? 'more' : 'fewer'} ${noun} than`;
}

/** "3.4 times", or "n/a" when b is 0. */
export function times(a: number, b: number): string {
  if (b === 0) return a === 0 ? '1.0 times' : 'infinitely many times';
  const r = a / b;
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(1)} times`;
}

/** A published relative change: its sign (+1: the first system is faster), range and typical value. */
export interface Published {
  readonly sign: 1 | -1;
  /** Smallest and largest published relative change (in the published direction), e.g. 0 and 1 for "up to 2x". */
  readonly range: readonly [number, number];
  /** The published average or median, with its name. */
  readonly typical?: { readonly value: number; readonly name: string };
}

/** The computed comparison of a model's relative change with a published one, as a sentence. */
export function verdict(model: number, published: Published): string {
  const directed = model * published.sign;
  const [lo, hi] = published.range;
  const rangeText = `${pct(lo, 0)} to ${pct(hi, 0)}`;
  if (directed <= 0) {
    const what = model === 0 ? 'no difference' : `${signedPct(model)}`;
    return `**The model disagrees:** it shows ${what} where the paper reports a ${published.sign > 0 ? 'gain' : 'loss'} (${rangeText}).`;
  }
  const typical = published.typical
    ? ` It is ${directed > published.typical.value ? 'above' : directed < published.typical.value ? 'below' : 'at'} the published ${published.typical.name} of ${pct(published.typical.value, 0)}.`
    : '';
  if (directed >= lo && directed <= hi) return `The model agrees in direction and its ${pct(model)} lies within the published range (${rangeText}).${typical}`;
  return `The model agrees in direction, but its ${pct(model)} is outside the published range (${rangeText}).${typical}`;
}
