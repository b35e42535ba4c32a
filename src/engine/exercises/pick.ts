/** The seeded choices of an exercise: one random stream per (seed, topic), so topics never shift each other. */
import { RngStream } from '../kernel/rng';
import type { Picker } from './types';

export function picker(seed: number, topic: string): Picker {
  const rng = RngStream.seeded(seed, `exercise:${topic}`);
  const int = (lo: number, hi: number) => lo + rng.int(hi - lo + 1);
  return { int, oneOf: (choices) => choices[int(0, choices.length - 1)] };
}
