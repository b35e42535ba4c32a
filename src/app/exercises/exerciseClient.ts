/**
 * The Exercises panel's worker (src/worker/exercise.worker.ts): the topics, and one exercise at a
 * time; a reply to an earlier request than the latest is dropped.
 */
import type { Exercise, ExerciseAnswer } from '../../engine/exercises';
import type { FromExerciseWorker, ToExerciseWorker, TopicSummary } from '../../worker/exerciseProtocol';
import ExerciseWorker from '../../worker/exercise.worker.ts?worker';

export interface ExerciseView {
  readonly topics: readonly TopicSummary[];
  /** The latest request's exercise, its answers (null while the runs go on), or its problems. */
  readonly exercise: Exercise | null;
  readonly answers: readonly ExerciseAnswer[] | null;
  readonly problems: readonly string[];
}

export const EMPTY_VIEW: ExerciseView = { topics: [], exercise: null, answers: null, problems: [] };

export class ExerciseClient {
  private readonly worker: Worker;
  private latest = 0;
  private view: ExerciseView = EMPTY_VIEW;

  constructor(private readonly changed: (view: ExerciseView) => void) {
    this.worker = new ExerciseWorker();
    this.worker.onmessage = (e: MessageEvent<FromExerciseWorker>) => this.receive(e.data);
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.update({ answers: null, problems: [`The exercise worker crashed: ${e.message || 'unknown error'}`] });
    };
    this.post({ type: 'topics' });
  }

  ask(topic: string, seed: string): void {
    this.latest++;
    this.update({ exercise: null, answers: null, problems: [] });
    this.post({ type: 'exercise', id: this.latest, topic, seed });
  }

  dispose(): void {
    this.worker.terminate();
  }

  private post(msg: ToExerciseWorker): void {
    this.worker.postMessage(msg);
  }

  private update(part: Partial<ExerciseView>): void {
    this.view = { ...this.view, ...part };
    this.changed(this.view);
  }

  private receive(msg: FromExerciseWorker): void {
    if (msg.type === 'topics') return this.update({ topics: msg.topics });
    if (msg.id !== this.latest) return;
    if (msg.type === 'exercise') this.update({ exercise: msg.exercise });
    else if (msg.type === 'answers') this.update({ answers: msg.answers });
    else this.update({ problems: msg.problems });
  }
}
