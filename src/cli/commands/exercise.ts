/** `mos-explorer exercise`: homework in the style of OSTEP's simulators, questions from a seed, answers from the engine. */
import { parseFlags, rejectUnknownFlags, UsageError, type CliIO, type ExitCode } from '../io';
import { answerExercise, checkTopic, EXERCISE_TOPICS, makeExercise, parseExerciseSeed, type Exercise, type ExerciseAnswer } from '../../engine/exercises';

export const EXERCISE_USAGE = `usage: mos-explorer exercise --topic NAME [--seed N] [--answers] [--json] | --list

Prints an exercise: a setup and its questions, drawn from the seed (the same seed gives
everyone the same questions). The engine answers them by running the simulation.

  --topic NAME    ${EXERCISE_TOPICS.map((t) => t.id).join(', ')}
  --seed N        0 .. 4294967295 (default 1)
  --answers       print the answers under the questions
  --json          print the exercise with its answers as JSON
  --list          list the topics
`;

const SWITCHES = ['answers', 'json', 'list'];
const FLAGS = [...SWITCHES, 'topic', 'seed'];

function setupLine(ex: Exercise): string {
  return ex.setup.kind === 'node'
    ? `Setup (seed ${ex.setup.seed}; a config for "mos-explorer run --config FILE"): ${JSON.stringify(ex.setup.config)}`
    : `Setup: mos-explorer scale ${ex.setup.args.join(' ')}`;
}

/** Wraps prose at 96 columns, for a terminal. */
function wrap(text: string, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > 96 - indent.length) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

function text(ex: Exercise, answers: readonly ExerciseAnswer[] | null): string {
  const out = [`Exercise: ${ex.title} (topic ${ex.topic}, seed ${ex.seed})`, '', wrap(ex.intro), '', setupLine(ex), ''];
  ex.questions.forEach((q, i) => {
    out.push(wrap(`Q${i + 1}. ${q.text}`));
    if (answers) out.push(wrap(`Answer: ${answers[i].text}`, '    '));
  });
  if (!answers) out.push('', `Answers: mos-explorer exercise --topic ${ex.topic} --seed ${ex.seed} --answers`);
  return out.join('\n') + '\n';
}

/** The JSON form: the exercise with each question's answer. */
export function exerciseJson(ex: Exercise, answers: readonly ExerciseAnswer[]) {
  return { ...ex, questions: ex.questions.map((q, i) => ({ ...q, answer: { value: answers[i].value, text: answers[i].text } })) };
}

export async function exerciseCommand(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const { flags, positional } = parseFlags(argv, SWITCHES, [], FLAGS);
  rejectUnknownFlags(flags, FLAGS);
  if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"`);
  if (flags.has('list')) {
    io.out(EXERCISE_TOPICS.map((t) => `${t.id.padEnd(10)} ${t.title}: ${t.summary}`).join('\n') + '\n');
    return 0;
  }
  const topic = flags.get('topic');
  if (topic === undefined) throw new UsageError(`--topic is required (one of: ${EXERCISE_TOPICS.map((t) => t.id).join(', ')})`);
  const bad = checkTopic(topic);
  if (bad) throw new UsageError(`--topic: ${bad}`);
  const seed = parseExerciseSeed(flags.get('seed') ?? '1');
  if (!seed.ok) throw new UsageError(`--seed: ${seed.error}`);
  const ex = makeExercise(topic, seed.seed);
  const json = flags.has('json');
  const answers = json || flags.has('answers') ? answerExercise(ex) : null;
  io.out(json ? JSON.stringify(exerciseJson(ex, answers!), null, 2) + '\n' : text(ex, answers));
  return 0;
}
