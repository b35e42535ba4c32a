/** `mos-explorer exercise`, in-process: questions, answers, JSON, and errors that name the bad topic or seed. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/dispatch';
import { answerExercise, makeExercise } from '../../../src/engine/exercises';
import { fakeIO } from './fakeIO';

async function cli(args: string[]) {
  const f = fakeIO();
  const code = await runCli(['exercise', ...args], f.io);
  return { code, out: f.out(), err: f.err() };
}

describe('mos-explorer exercise', () => {
  it('prints the questions of the seed, and the answers only when asked', async () => {
    const ex = makeExercise('ipis', 7);
    const plain = await cli(['--topic', 'ipis', '--seed', '7']);
    expect(plain.code, plain.err).toBe(0);
    for (const q of ex.questions) expect(plain.out.replace(/\s+/g, ' ')).toContain(q.text);
    expect(plain.out).not.toContain('Answer:');
    const answered = await cli(['--topic', 'ipis', '--seed', '7', '--answers']);
    const answers = answerExercise(ex);
    expect(answered.out.match(/^ {4}Answer: .*$/gm)).toEqual(answers.map((a) => `    Answer: ${a.text}`));
  });

  it('--json gives the exercise with each answer; the same seed gives the same document', async () => {
    for (const topic of ['ipis', 'routing', 'latency', 'scale']) {
      const a = await cli(['--topic', topic, '--seed', '11', '--json']);
      expect(a.code, a.err).toBe(0);
      const doc = JSON.parse(a.out);
      expect(doc.topic).toBe(topic);
      expect(doc.seed).toBe(11);
      expect(doc.questions.map((q: { answer: { value: unknown } }) => q.answer.value)).toEqual(answerExercise(makeExercise(topic, 11)).map((x) => x.value));
      expect((await cli(['--json', '--seed=11', `--topic=${topic}`])).out).toBe(a.out);
    }
  });

  it('names an unknown topic, a bad seed and a missing topic, with exit status 2', async () => {
    const unknown = await cli(['--topic', 'ipi', '--seed', '7']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown exercise topic "ipi" (one of: ipis, routing, latency, scale');
    for (const seed of ['-1', 'x', '1.5', '99999999999']) {
      const bad = await cli(['--topic', 'ipis', '--seed', seed]);
      expect(bad.code).toBe(2);
      expect(bad.err).toContain(`--seed: seed "${seed}" must be a whole number`);
    }
    const missing = await cli([]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--topic is required');
    expect((await cli(['--topic', 'ipis', '--colour'])).err).toContain('unknown option --colour');
  });

  it('--list names every topic', async () => {
    const r = await cli(['--list']);
    expect(r.out.split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0])).toEqual(['ipis', 'routing', 'latency', 'scale']);
  });
});
