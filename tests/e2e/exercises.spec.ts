import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventCount, openApp, pause, play, watchConsole } from './helpers';

interface ExerciseJson {
  topic: string;
  seed: number;
  title: string;
  setup: { kind: 'node'; config: Record<string, unknown>; seed: number; windowNs: number } | { kind: 'scale'; args: string[] };
  questions: { id: string; text: string; answer: { value: number | string; text: string } }[];
}

/** The CLI's exercise, answers included (dist-cli is built by scripts/run-e2e.mjs). */
function cliExercise(topic: string, seed: number): ExerciseJson {
  return JSON.parse(execFileSync('node', ['dist-cli/cli.js', 'exercise', '--topic', topic, '--seed', String(seed), '--json'], { encoding: 'utf8' })) as ExerciseJson;
}

const panel = (page: Page) => page.getByRole('region', { name: 'Exercises' });

async function expectAnswersOf(page: Page, expected: ExerciseJson, reveal: number[]): Promise<void> {
  const items = panel(page).locator('ol.exercises-questions > li');
  await expect(items).toHaveCount(expected.questions.length);
  for (const [i, q] of expected.questions.entries()) await expect(items.nth(i).locator('.exercises-question')).toHaveText(q.text);
  for (const i of reveal) {
    const item = items.nth(i);
    await expect(item.getByText(/^Answer: /)).toBeHidden();
    await item.getByRole('button', { name: 'Show answer' }).click();
    await expect(item.getByText(/^Answer: /)).toHaveText(`Answer: ${expected.questions[i].answer.text}`, { timeout: 20_000 });
    await expect(item.getByRole('button', { name: 'Hide answer' })).toHaveAttribute('aria-expanded', 'true');
  }
}

test('an exercise link opens the exercise; a revealed answer is the CLI’s for that seed', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/#exercise=ipis&seed=7');
  await expect(page.getByLabel('Event count')).toHaveText(/\d/);
  const expected = cliExercise('ipis', 7);
  await expect(panel(page).getByRole('heading', { level: 3 })).toContainText(`${expected.title} (topic ipis, seed 7)`);
  await expectAnswersOf(page, expected, [1, 0]);
  // The page goes on running under the panel.
  await play(page);
  expect(problems).toEqual([]);
});

test('the Exercises button and E open the panel; topic and seed go into the link; Escape closes it', async ({ page }) => {
  const problems = watchConsole(page);
  await openApp(page);
  await expect(panel(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Exercises' }).click();
  await expect(panel(page).getByRole('heading', { name: 'Exercises' })).toBeFocused();
  await panel(page).getByLabel('Topic').selectOption('scale');
  await expect(page).toHaveURL(/#exercise=scale&seed=1$/);
  await expectAnswersOf(page, cliExercise('scale', 1), [1]);
  const seed = panel(page).getByLabel('Exercise seed');
  await seed.fill('42');
  await seed.press('Enter');
  await expect(page).toHaveURL(/#exercise=scale&seed=42$/);
  await expectAnswersOf(page, cliExercise('scale', 42), [2]);
  await panel(page).getByRole('heading', { name: 'Exercises' }).press('Escape');
  await expect(panel(page)).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('');
  await page.keyboard.press('e');
  await expect(panel(page).getByRole('heading', { name: 'Exercises' })).toBeFocused();
  await expect(page).toHaveURL(/#exercise=ipis&seed=1$/);
  await panel(page).getByRole('button', { name: 'Close exercises' }).click();
  await expect(panel(page)).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a link with an unknown topic or a bad seed names the problem, keeps other hash keys, and the page still runs', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/#other=kept&exercise=ipi&seed=x7');
  await expect(page.getByLabel('Event count')).toHaveText(/\d/);
  const alerts = panel(page).getByRole('alert');
  await expect(alerts).toHaveText(['unknown exercise topic "ipi" (one of: ipis, routing, latency, scale)', 'seed "x7" must be a whole number from 0 to 4294967295']);
  await expect(panel(page).locator('ol.exercises-questions')).toHaveCount(0);
  await panel(page).getByLabel('Topic').selectOption('routing');
  const seed = panel(page).getByLabel('Exercise seed');
  await seed.fill('3');
  await seed.press('Enter');
  await expect(alerts).toHaveCount(0);
  await expect(page).toHaveURL(/#other=kept&exercise=routing&seed=3$/);
  await expectAnswersOf(page, cliExercise('routing', 3), [0, 2]);
  await play(page);
  expect(problems).toEqual([]);
});

test('Run this setup loads the exercise into the simulator, which runs it as the CLI does', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/#exercise=ipis&seed=7');
  await expect(page.getByLabel('Event count')).toHaveText(/\d/);
  const expected = cliExercise('ipis', 7);
  if (expected.setup.kind !== 'node') throw new Error('a node setup expected');
  await panel(page).getByRole('button', { name: 'Run this setup' }).click();
  await expect(panel(page).getByRole('status')).toContainText(`Loaded into the simulator: preset ${String(expected.setup.config.preset)}`);
  await expect.poll(() => page.evaluate(() => window.mosExplorer!.sessions()[0].presetName)).toBe(expected.setup.config.preset);
  await expect(page.getByText(`seed ${expected.setup.seed} · trace`)).toBeVisible();
  await play(page);
  await expect.poll(() => eventCount(page), { timeout: 30_000 }).toBeGreaterThan(3000);
  await pause(page);
  const metrics = (await page.evaluate(() => window.mosExplorer!.metrics())) as { partition: string; mechanism: string };
  expect(metrics.partition).toBe(expected.setup.config.partition);
  // The same run as the CLI's on the setup's configuration: equal trace hashes after as many events
  // (the count from the session's latest frame once it has settled: the header's text may lag a frame).
  const hookEvents = () => page.evaluate(() => window.mosExplorer!.sessions()[0].eventCount);
  let events = -1;
  await expect.poll(async () => {
    const a = await hookEvents();
    await page.waitForTimeout(200);
    events = await hookEvents();
    return a === events;
  }).toBe(true);
  const file = join(mkdtempSync(join(tmpdir(), 'mos-exercise-')), 'setup.json');
  writeFileSync(file, JSON.stringify(expected.setup.config));
  const run = JSON.parse(execFileSync('node', ['dist-cli/cli.js', 'run', '--config', file, '--seed', String(expected.setup.seed), '--events', String(events), '--json'], { encoding: 'utf8' })) as { traceHash: string; metrics: { mechanism: string } };
  await expect(page.getByLabel('Trace hash')).toHaveText(run.traceHash);
  expect(metrics.mechanism).toBe(run.metrics.mechanism);
  expect(problems).toEqual([]);
});
