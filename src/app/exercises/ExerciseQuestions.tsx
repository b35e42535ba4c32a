/** An exercise's questions, each with a "Show answer" button that reveals the engine's answer. */
import { useState } from 'react';
import type { Exercise, ExerciseAnswer } from '../../engine/exercises';

/** `answers` is null while the simulation runs; `failed` when it could not answer (the panel says why). */
export function ExerciseQuestions({ exercise, answers, failed }: { exercise: Exercise; answers: readonly ExerciseAnswer[] | null; failed: boolean }) {
  const [shown, setShown] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setShown((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <ol className="exercises-questions">
      {exercise.questions.map((q, i) => {
        const open = shown.has(q.id);
        const answerId = `exercise-answer-${q.id}`;
        return (
          <li key={q.id} data-question={q.id}>
            <p className="exercises-question">{q.text}</p>
            <button type="button" className="btn" aria-expanded={open} aria-controls={answerId} onClick={() => toggle(q.id)}>
              {open ? 'Hide answer' : 'Show answer'}
            </button>
            <p id={answerId} className="exercises-answer" aria-live="polite" hidden={!open}>
              {open && (answers ? `Answer: ${answers[i].text}` : failed ? 'No answer (see above)' : 'Running the simulation…')}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
