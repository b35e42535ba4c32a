/// <reference lib="webworker" />
/** The exercise worker: draws exercises and answers them by running the engine, off the page's thread. */
import { answerExercise, checkTopic, EXERCISE_TOPICS, makeExercise, parseExerciseSeed } from '../engine/exercises';
import type { FromExerciseWorker, ToExerciseWorker } from './exerciseProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: FromExerciseWorker) => scope.postMessage(msg);

scope.onmessage = (e: MessageEvent<ToExerciseWorker>) => {
  const msg = e.data;
  if (msg?.type === 'topics') {
    post({ type: 'topics', topics: EXERCISE_TOPICS.map(({ id, title, summary }) => ({ id, title, summary })) });
    return;
  }
  if (msg?.type !== 'exercise') return;
  const seed = parseExerciseSeed(String(msg.seed));
  const problems = [checkTopic(String(msg.topic)), seed.ok ? null : seed.error].filter((p): p is string => p !== null);
  if (!seed.ok || problems.length > 0) {
    post({ type: 'problem', id: msg.id, problems });
    return;
  }
  try {
    const exercise = makeExercise(msg.topic, seed.seed);
    post({ type: 'exercise', id: msg.id, exercise });
    post({ type: 'answers', id: msg.id, answers: answerExercise(exercise) });
  } catch (err) {
    post({ type: 'problem', id: msg.id, problems: [`the simulation could not answer: ${err instanceof Error ? err.message : String(err)}`] });
  }
};
