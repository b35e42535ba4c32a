/** The registry of exercise topics: each topic's file registers itself (topics/index.ts imports them all). */
import type { ExerciseTopic } from './types';

const topics: ExerciseTopic[] = [];

export function registerExerciseTopic(topic: ExerciseTopic): ExerciseTopic {
  if (!/^[a-z][a-z0-9-]*$/.test(topic.id)) throw new Error(`exercise topic id "${topic.id}" is not a lower-case word`);
  if (topics.some((t) => t.id === topic.id)) throw new Error(`exercise topic "${topic.id}" is registered twice`);
  topics.push(Object.freeze(topic));
  return topic;
}

/** Every topic, in registration order. */
export const EXERCISE_TOPICS: readonly ExerciseTopic[] = topics;

/** A topic by its (untrusted) id. */
export function exerciseTopic(id: string): ExerciseTopic | undefined {
  return topics.find((t) => t.id === id);
}
