/**
 * The top-level keys of a config file (and of the app's stored settings). One list: a new input
 * such as `design` is one line here plus its handling in parseConfig.ts.
 */
import { SECTION_NAMES } from './paramSpecs';

/** Inputs that are not parameter sections. */
export const INPUT_KEYS: readonly string[] = ['preset', 'seed', 'topology', 'partition', 'options'];

/** Keys that moved, still read (with a warning) so that saved settings are not lost: old key -> new path. */
export const MOVED_KEYS: ReadonlyMap<string, string> = new Map([['aggregation', 'syscalls.aggregation']]);

export const TOP_LEVEL_KEYS: readonly string[] = [...INPUT_KEYS, ...SECTION_NAMES];

/** Never settings: rejected wherever they appear, so no input reaches an object's prototype. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Deepest nesting a config may have (sections nest four levels; records one more). */
export const MAX_DEPTH = 16;
/** At most this many problems are listed; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 20;
