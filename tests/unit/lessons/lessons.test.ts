/** Lessons are data files checked at the edge: every bundled one is valid, and a broken one names its file, step and field. */
import { beforeAll, describe, expect, it } from 'vitest';
import { lessonCatalogue, loadLessonCatalogue, NO_LESSONS, type LessonCatalogue } from '../../../src/app/lessons/catalogue';
import { parseLesson } from '../../../src/app/lessons/schema';
import { hashWithLesson, lessonFromHash } from '../../../src/app/lessons/controller';
import { resolveConfig } from '../../../src/app/store';
import { PRESET_NAMES } from '../../../src/engine/config/presets';
import { VIEW_INFO } from '../../../src/app/views/viewInfo';
import { COMPARE_VIEW_IDS } from '../../../src/app/compare/viewIds';
import { parseStraceText, summarizeStrace } from '../../../src/engine/strace';

const refs = { presets: new Set(PRESET_NAMES), views: new Set(VIEW_INFO.map((v) => v.id)), compareViews: new Set<string>(COMPARE_VIEW_IDS), straces: new Set(['threads.log']) };

const valid = {
  id: 'demo',
  order: 1,
  title: 'Demo',
  summary: 'A lesson for this test.',
  steps: [{ title: 'One', text: 'Watch.', setup: { preset: 'mos', time: '2ms', highlight: ['cores'] }, try: { change: 'Change.', question: 'Why?' } }],
};

describe('the bundled lessons', () => {
  let catalogue: LessonCatalogue = NO_LESSONS;
  beforeAll(async () => {
    catalogue = await loadLessonCatalogue(refs);
  });

  it('are all valid, at least the eight the issue names, with distinct ids', () => {
    expect(catalogue.problems).toEqual([]);
    expect(catalogue.lessons.map((l) => l.id)).toEqual(['why-lwk', 'partitioning', 'triage', 'shipping', 'memory', 'os-nodes', 'design-space', 'your-program']);
  });

  it('set up only valid configurations (each step\'s preset and edits resolve)', () => {
    for (const l of catalogue.lessons)
      for (const [i, s] of l.steps.entries()) {
        const r = resolveConfig(s.setup.preset, s.setup.edits);
        expect(r.ok, `${l.id} step ${i + 1}: ${r.ok ? '' : r.errors.join('; ')}`).toBe(true);
      }
  });

  it('say in two or three sentences what to watch, and every region\'s lesson exists', () => {
    for (const l of catalogue.lessons)
      for (const s of l.steps) {
        const sentences = s.text.split(/(?<=[.!?])\s+(?=[A-Z])/).length;
        expect(sentences, `${l.id}: "${s.title}"`).toBeGreaterThanOrEqual(2);
        expect(sentences, `${l.id}: "${s.title}"`).toBeLessThanOrEqual(3);
      }
    for (const v of VIEW_INFO) expect(catalogue.byId(v.lesson), v.id).toBeDefined();
  });

  it('carry strace logs that the parser reads without skipping a line', async () => {
    const logs = catalogue.lessons.flatMap((l) => l.steps.flatMap((s) => (s.setup.strace ? [s.setup.strace] : [])));
    expect(logs.length).toBeGreaterThan(0);
    for (const log of logs) {
      const summary = summarizeStrace(parseStraceText(await catalogue.loadStrace(log.file)));
      expect(summary.skippedLineCount, log.name).toBe(0);
      expect(summary.calls.total, log.name).toBeGreaterThan(50);
    }
  });
});

describe('a lesson file with problems', () => {
  it('is accepted when valid', () => {
    const r = parseLesson(valid, 'demo.json', refs);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.lesson.steps[0].setup.timeNs).toBe(2_000_000);
  });

  it('names the file, the step and the field of each problem', () => {
    const bad = {
      ...valid,
      id: 'Bad Id',
      extra: 1,
      steps: [{ title: 'One', text: 'Watch.', setup: { preset: 'nope', time: 'soon', highlight: ['nowhere'], compare: { right: 'mos', view: 'scale' }, strace: { name: 'x', file: 'gone.log' } } }, 'not a step'],
    };
    const r = parseLesson(bad, 'bad.json', refs);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      'bad.json: unknown key "extra" (expected id, order, title, summary, steps)',
      'bad.json: "id" must be lower-case letters, digits and dashes (it goes in links): "Bad Id"',
      'bad.json step 1: no preset "nope"',
      'bad.json step 1: "soon" is not a duration (examples: 250ns, 10us, 1.5ms, 2s)',
      `bad.json step 1: "highlight" must list views among ${VIEW_INFO.map((v) => v.id).join(', ')}`,
      `bad.json step 1 compare: compare mode cannot show "scale" (it shows ${COMPARE_VIEW_IDS.join(', ')})`,
      'bad.json step 1: no strace log "gone.log" (logs: threads.log)',
      'bad.json step 2: a step must be an object',
    ]);
  });

  it('is left out of the catalogue with its problems listed, a duplicate id too', () => {
    const c = lessonCatalogue(refs, { './data/a.json': valid, './data/b.json': valid, './data/c.json': 42 }, {});
    expect(c.lessons.map((l) => l.id)).toEqual(['demo']);
    expect(c.problems).toEqual(['b.json: another lesson already has the id "demo"', 'c.json: a lesson must be a JSON object']);
  });
});

describe('lesson links', () => {
  it('read #lesson=NAME&step=N (from 1) and keep other keys of the hash', () => {
    expect(lessonFromHash('#lesson=triage&step=3')).toEqual({ id: 'triage', step: 2 });
    expect(lessonFromHash('#lesson=triage')).toEqual({ id: 'triage', step: 0 });
    expect(lessonFromHash('#exercise=ipis&seed=7')).toBeNull();
    expect(lessonFromHash('#lesson=x&step=abc')).toEqual({ id: 'x', step: 0 });
    expect(hashWithLesson('#exercise=ipis', { id: 'triage', step: 1 })).toBe('#exercise=ipis&lesson=triage&step=2');
    expect(hashWithLesson('#lesson=triage&step=2&x=1', null)).toBe('#x=1');
    expect(hashWithLesson('#lesson=triage&step=2', null)).toBe('');
  });
});
