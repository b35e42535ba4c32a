/**
 * Exercises: `makeExercise(topic, seed)` draws the setup and the questions; `answerExercise`
 * runs the engine for the answers. Topics register themselves (topics/index.ts).
 */
import './topics';
import { picker } from './pick';
import { EXERCISE_TOPICS, exerciseTopic } from './registry';
import type { Exercise, ExerciseAnswer } from './types';

export { EXERCISE_TOPICS, exerciseTopic } from './registry';
export type { Exercise, ExerciseAnswer, ExerciseQuestion, ExerciseSetup, ExerciseTopic } from './types';

/** Seeds are whole numbers a person can type and a link can carry. */
export const MAX_EXERCISE_SEED = 4294967295;

export const topicIds = (): string[] => EXERCISE_TOPICS.map((t) => t.id);

/** Why a topic id or a seed is not usable, or null. */
export function checkTopic(topic: string): string | null {
  return exerciseTopic(topic) ? null : `unknown exercise topic "${topic}" (one of: ${topicIds().join(', ')})`;
}

/** Reads a seed written by a person or a link; an error names what is wrong with it. */
export function parseExerciseSeed(text: string): { ok: true; seed: number } | { ok: false; error: string } {
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) > MAX_EXERCISE_SEED) return { ok: false, error: `seed "${text}" must be a whole number from 0 to ${MAX_EXERCISE_SEED}` };
  return { ok: true, seed: Number(t) };
}

export function makeExercise(topic: string, seed: number): Exercise {
  const t = exerciseTopic(topic);
  if (!t) throw new Error(checkTopic(topic)!);
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > MAX_EXERCISE_SEED) throw new Error(`seed ${seed} must be a whole number from 0 to ${MAX_EXERCISE_SEED}`);
  const draft = t.draft(picker(seed, t.id), seed);
  return { topic: t.id, seed, title: t.title, ...draft };
}

export function answerExercise(ex: Exercise): readonly ExerciseAnswer[] {
  const t = exerciseTopic(ex.topic);
  if (!t) throw new Error(checkTopic(ex.topic)!);
  const answers = t.answer(ex);
  const ids = ex.questions.map((q) => q.id).join(',');
  if (answers.map((a) => a.id).join(',') !== ids) throw new Error(`exercise ${ex.topic}: answers (${answers.map((a) => a.id).join(',')}) do not match the questions (${ids})`);
  return answers;
}
