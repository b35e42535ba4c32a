/**
 * The Exercises panel: choose a topic and a seed, read the setup and the questions, reveal each
 * answer. Its state is the page's `exercise` (shared with the `#exercise=…&seed=…` link); the
 * exercise engine runs in a worker (exerciseClient.ts), so this chunk stays small.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Exercise } from '../../engine/exercises';
import { usePage, usePageState } from '../session/context';
import { applyEdits, choosePreset, type ConfigEdits } from '../store';
import type { Page } from '../session/page';
import { ActionButton } from '../components/ActionButton';
import { EMPTY_VIEW, ExerciseClient, type ExerciseView } from './exerciseClient';
import { DEFAULT_EXERCISE, writeExerciseLink, type ExerciseRequest } from './exerciseLink';
import { ExerciseQuestions } from './ExerciseQuestions';
import './exercises.css';

function setupText(ex: Exercise): string {
  return ex.setup.kind === 'node'
    ? `run seed ${ex.setup.seed}, looked at from the job's launch; config: ${JSON.stringify(ex.setup.config)}`
    : `mos-explorer scale ${ex.setup.args.join(' ')}`;
}

/** Loads a node setup into the left session (preset, then the partition and workload edits, then the seed); returns what happened. */
function runSetup(page: Page, ex: Exercise): string {
  if (ex.setup.kind !== 'node') return '';
  const { preset, ...edits } = ex.setup.config as { preset: string } & ConfigEdits;
  const store = page.primary.store;
  choosePreset(store, preset);
  const problems = applyEdits(store, edits);
  if (problems.length > 0) return `The setup could not be loaded: ${problems.join('; ')}`;
  page.setSeed(ex.setup.seed);
  return `Loaded into the simulator: preset ${preset} with the exercise's partition and workload, seed ${ex.setup.seed}. Press Play: the window starts when the job launches.`;
}

/** Seeds a person can type: 0 .. 2^32 - 1 (the engine checks them). */
const randomSeed = () => String(Math.floor(Math.random() * 2 ** 32));

export function ExercisesPanel() {
  const page = usePage();
  const request = usePageState((p) => p.exercise) ?? DEFAULT_EXERCISE;
  const set = (next: ExerciseRequest) => page.store.setState({ exercise: next });
  const ids = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [seedText, setSeedText] = useState(request.seed);
  useEffect(() => setSeedText(request.seed), [request.seed]);
  useEffect(() => headingRef.current?.focus(), []);

  const [view, setView] = useState<ExerciseView>(EMPTY_VIEW);
  const [client, setClient] = useState<ExerciseClient | null>(null);
  useEffect(() => {
    const c = new ExerciseClient(setView);
    setClient(c);
    return () => c.dispose();
  }, []);
  useEffect(() => client?.ask(request.topic, request.seed), [client, request.topic, request.seed]);

  const commitSeed = () => {
    if (seedText.trim() !== request.seed) set({ topic: request.topic, seed: seedText.trim() });
  };
  const known = view.topics.some((t) => t.id === request.topic);
  const [loaded, setLoaded] = useState<{ key: string; text: string } | null>(null);
  const { exercise } = view;

  return (
    <section className="exercises" aria-labelledby={`${ids}-title`} onKeyDown={(e) => e.key === 'Escape' && page.store.setState({ exercise: null })}>
      <div className="exercises-bar">
        <h2 id={`${ids}-title`} ref={headingRef} tabIndex={-1}>Exercises</h2>
        <label htmlFor={`${ids}-topic`}>Topic</label>
        <select id={`${ids}-topic`} value={known ? request.topic : ''} onChange={(e) => set({ topic: e.currentTarget.value, seed: request.seed })}>
          {!known && <option value="" disabled>choose a topic</option>}
          {view.topics.map((t) => (
            <option key={t.id} value={t.id} title={t.summary}>{t.title}</option>
          ))}
        </select>
        <label htmlFor={`${ids}-seed`}>Exercise seed</label>
        <input
          id={`${ids}-seed`}
          className="mono exercises-seed"
          inputMode="numeric"
          value={seedText}
          onChange={(e) => setSeedText(e.currentTarget.value)}
          onBlur={commitSeed}
          onKeyDown={(e) => e.key === 'Enter' && commitSeed()}
        />
        <button type="button" className="btn" onClick={() => set({ topic: known ? request.topic : DEFAULT_EXERCISE.topic, seed: randomSeed() })}>
          New seed
        </button>
        {exercise && (
          <a className="exercises-link" href={writeExerciseLink('', { topic: exercise.topic, seed: String(exercise.seed) })}>
            Link to this exercise
          </a>
        )}
        <ActionButton id="exercises" />
      </div>
      {view.problems.map((p) => (
        <p key={p} className="field-error exercises-problem" role="alert">{p}</p>
      ))}
      {exercise && (
        <div className="exercises-body">
          <h3>{exercise.title} <span className="muted">(topic {exercise.topic}, seed {exercise.seed})</span></h3>
          <p>{exercise.intro}</p>
          <p className="exercises-setup">
            <span className="muted">Setup: </span>
            <code className="mono">{setupText(exercise)}</code>
          </p>
          {exercise.setup.kind === 'node' && (
            <p className="exercises-run">
              <button type="button" className="btn" onClick={() => setLoaded({ key: `${exercise.topic}:${exercise.seed}`, text: runSetup(page, exercise) })}>
                Run this setup
              </button>
              <span role="status">{loaded?.key === `${exercise.topic}:${exercise.seed}` ? loaded.text : ''}</span>
            </p>
          )}
          <ExerciseQuestions key={`${exercise.topic}:${exercise.seed}`} exercise={exercise} answers={view.answers} failed={view.problems.length > 0} />
        </div>
      )}
    </section>
  );
}
