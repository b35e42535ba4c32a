/**
 * Messages between the Exercises panel and its worker. The worker owns the exercise engine (the
 * topics, their drafts and the simulation runs that answer them), so the page's own bundle
 * carries none of it: it asks for the topics, then for an exercise by its (untrusted) topic and
 * seed text, and gets the exercise at once and its answers when the runs are done.
 */
import type { Exercise, ExerciseAnswer } from '../engine/exercises';

export interface TopicSummary {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
}

export type ToExerciseWorker =
  | { readonly type: 'topics' }
  | { readonly type: 'exercise'; readonly id: number; readonly topic: string; readonly seed: string };

export type FromExerciseWorker =
  | { readonly type: 'topics'; readonly topics: readonly TopicSummary[] }
  | { readonly type: 'exercise'; readonly id: number; readonly exercise: Exercise }
  | { readonly type: 'answers'; readonly id: number; readonly answers: readonly ExerciseAnswer[] }
  /** A bad topic or seed (before any exercise), or a run that failed (after it). */
  | { readonly type: 'problem'; readonly id: number; readonly problems: readonly string[] };
