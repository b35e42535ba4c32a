/**
 * The exercise link, `#exercise=ipis&seed=7`: read from the page's hash and written back while the
 * Exercises panel is open. Other keys of the hash belong to other features and are kept as they are.
 * Raw text is kept (a bad topic or seed is explained in the panel, not dropped).
 */
export interface ExerciseRequest {
  readonly topic: string;
  readonly seed: string;
}

export const DEFAULT_EXERCISE: ExerciseRequest = { topic: 'ipis', seed: '1' };

const TOPIC_KEY = 'exercise';
const SEED_KEY = 'seed';

/** The exercise a hash asks for, or null when it names none. */
export function readExerciseLink(hash: string): ExerciseRequest | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const topic = params.get(TOPIC_KEY);
  if (topic === null) return null;
  return { topic, seed: params.get(SEED_KEY) ?? DEFAULT_EXERCISE.seed };
}

/** The hash with this exercise in it (or, for null, without one); other keys stay. */
export function writeExerciseLink(hash: string, request: ExerciseRequest | null): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  // A shared state's `#mosx=` was opened already; other keys beside it would make it unreadable.
  params.delete('mosx');
  const had = params.has(TOPIC_KEY);
  if (request) {
    params.set(TOPIC_KEY, request.topic);
    params.set(SEED_KEY, request.seed);
  } else if (had) {
    // `seed` is the exercise's only when `exercise` is there.
    params.delete(TOPIC_KEY);
    params.delete(SEED_KEY);
  }
  const text = params.toString();
  return text ? `#${text}` : '';
}

export const sameRequest = (a: ExerciseRequest | null, b: ExerciseRequest | null) => a?.topic === b?.topic && a?.seed === b?.seed;
