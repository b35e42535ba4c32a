/**
 * Exercises in the style of OSTEP's homework simulators: a topic and a seed make a setup and its
 * questions; the engine answers them by running the simulation (or the scale model). A teacher
 * hands out a topic and a seed (or a link), and everyone gets the same questions.
 */

/** What the student is asked. */
export interface ExerciseQuestion {
  /** Stable within its topic (JSON, test ids). */
  readonly id: string;
  readonly text: string;
}

/** An answer computed by the engine for one question. */
export interface ExerciseAnswer {
  readonly id: string;
  /** The number or name the question asks for. */
  readonly value: number | string;
  /** The answer as a sentence. */
  readonly text: string;
}

/** How to replay the setup outside the exercise: a node configuration or a scale-mode run. */
export type ExerciseSetup =
  /** A node configuration (the JSON `mos-explorer run --config` reads), its seed, and the simulated time looked at from the job's launch. */
  | { readonly kind: 'node'; readonly config: Readonly<Record<string, unknown>>; readonly seed: number; readonly windowNs: number }
  /** The arguments of `mos-explorer scale`. */
  | { readonly kind: 'scale'; readonly args: readonly string[] };

/** The variable parts of a topic's exercise, drawn from the seed. */
export interface Draft {
  /** What is set up, in a sentence or three. */
  readonly intro: string;
  readonly setup: ExerciseSetup;
  /** The drawn values the questions are about (the CPU to follow, the node count...). */
  readonly params: Readonly<Record<string, string | number>>;
  readonly questions: readonly ExerciseQuestion[];
}

export interface Exercise extends Draft {
  readonly topic: string;
  readonly seed: number;
  readonly title: string;
}

/** Draws the variable parts of an exercise from its seed (src/engine/exercises/pick.ts). */
export interface Picker {
  /** A whole number in [lo, hi]. */
  int(lo: number, hi: number): number;
  oneOf<T>(choices: readonly T[]): T;
}

/** One topic: registered by its own file in topics/. */
export interface ExerciseTopic {
  readonly id: string;
  readonly title: string;
  /** One sentence: what the exercise practises. */
  readonly summary: string;
  /** The exercise's setup and questions: from `pick` (seeded by the exercise's seed and the topic) and the seed itself. */
  draft(pick: Picker, seed: number): Draft;
  /** Runs the engine on the exercise's setup; one answer per question, in order. */
  answer(exercise: Exercise): readonly ExerciseAnswer[];
}
