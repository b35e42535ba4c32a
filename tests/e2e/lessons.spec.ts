import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp, watchConsole } from './helpers';
import { formatClock } from '../../src/engine/kernel/time';
import { lessonCatalogue } from '../../src/app/lessons/catalogue';
import { PRESET_NAMES } from '../../src/engine/config/presets';
import { VIEW_INFO } from '../../src/app/views/viewInfo';
import { COMPARE_VIEW_IDS } from '../../src/app/compare/viewIds';

// The lesson files as the page bundles them (read here from disk: this process has no Vite).
const dataDir = 'src/app/lessons/data';
const files = Object.fromEntries(readdirSync(dataDir).map((f) => [`./data/${f}`, JSON.parse(readFileSync(`${dataDir}/${f}`, 'utf8')) as unknown]));
const { lessons } = lessonCatalogue({ presets: new Set(PRESET_NAMES), views: new Set(VIEW_INFO.map((v) => v.id)), compareViews: new Set<string>(COMPARE_VIEW_IDS) }, files, Object.fromEntries(readdirSync('src/app/lessons/straces').map((f) => [f, () => Promise.resolve('')])));
const panel = (page: Page) => page.getByRole('complementary', { name: 'Lesson' });

test.describe('lessons', () => {
  test('every step of every lesson plays: set up as it says, moved by keys and buttons, no console error', async ({ page }) => {
    test.setTimeout(240_000);
    const problems = watchConsole(page);
    await openApp(page);
    for (const lesson of lessons) {
      await page.getByRole('button', { name: 'Lessons', exact: true }).first().click();
      await page.getByRole('dialog', { name: 'Lessons' }).getByRole('button', { name: new RegExp(`^${lesson.title}`) }).click();
      for (const [i, step] of lesson.steps.entries()) {
        await expect(panel(page).getByText(`${lesson.title} · step ${i + 1} of ${lesson.steps.length}`)).toBeVisible();
        await expect(panel(page).getByRole('heading', { name: step.title })).toBeVisible();
        await expect(page).toHaveURL(new RegExp(`#lesson=${lesson.id}&step=${i + 1}$`));
        const s = step.setup;
        if (s.compare) {
          const right = page.getByRole('region', { name: 'Right session' });
          await expect(right).toBeVisible();
          await expect(right.getByRole('combobox').first()).toHaveValue(s.compare.right);
          await expect(page.getByRole('region', { name: 'Left session' }).getByRole('combobox').first()).toHaveValue(s.preset);
        } else {
          await expect(page.getByLabel('Preset', { exact: true })).toHaveValue(s.preset);
          if (s.strace) await expect(page.getByRole('region', { name: 'Replay' })).toBeVisible();
          else await expect(page.getByLabel('Simulated time')).toHaveText(formatClock(s.timeNs), { timeout: 60_000 });
          for (const view of s.highlight) await expect(page.locator(`[data-view="${view}"]`)).toHaveClass(/lesson-highlight/);
        }
        await expect(panel(page).getByRole('alert')).toHaveCount(0);
        // Half the steps by the keyboard (→, as a remote's Page Down does), half by the button.
        if (i % 2 === 0) await page.keyboard.press('ArrowRight');
        else await panel(page).getByRole('button', { name: i + 1 === lesson.steps.length ? 'Finish' : 'Next' }).click();
      }
      await expect(panel(page)).toHaveCount(0);
      await expect(page).not.toHaveURL(/lesson=/);
    }
    expect(problems).toEqual([]);
  });

  test('a link opens a lesson at its step; Back and ← go back; an unknown lesson is named in a notice', async ({ page }) => {
    const problems = watchConsole(page);
    const lesson = lessons.find((l) => l.id === 'triage')!;
    await page.goto(`/#lesson=triage&step=2`);
    await expect(panel(page).getByRole('heading', { name: lesson.steps[1].title })).toBeVisible();
    await expect(page.getByLabel('Simulated time')).toHaveText(formatClock(lesson.steps[1].setup.timeNs), { timeout: 30_000 });
    await page.keyboard.press('ArrowLeft');
    await expect(panel(page).getByRole('heading', { name: lesson.steps[0].title })).toBeVisible();
    await expect(panel(page).getByRole('button', { name: 'Back' })).toBeDisabled();
    await panel(page).getByRole('button', { name: 'Close lesson' }).click();
    await expect(panel(page)).toHaveCount(0);
    // Outside a lesson, → steps the simulation again.
    const before = await page.getByLabel('Event count').textContent();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByLabel('Event count')).not.toHaveText(before!);

    await page.goto('/#lesson=no-such-lesson');
    await page.reload();
    await expect(page.getByRole('status', { name: 'Notice' })).toContainText('The link names no lesson "no-such-lesson"');
    await expect(panel(page)).toHaveCount(0);
    expect(problems).toEqual([]);
  });

  test('the introduction and each region\'s "?" explain the page and lead to lessons', async ({ page }) => {
    const problems = watchConsole(page);
    await openApp(page);
    const welcome = page.getByRole('region', { name: 'Welcome' });
    await expect(welcome).toBeVisible();
    await welcome.getByRole('button', { name: 'What am I seeing?' }).click();
    const intro = page.getByRole('dialog', { name: 'What am I seeing?' });
    await expect(intro).toContainText('lightweight kernel');
    for (const v of VIEW_INFO) await expect(intro.getByText(v.title, { exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(intro).toHaveCount(0);
    // The banner does not come back once seen.
    await page.reload();
    await expect(page.getByLabel('Event count')).toHaveText(/\d/);
    await expect(welcome).toHaveCount(0);

    await page.getByRole('button', { name: 'About Channels' }).click();
    const note = page.getByRole('note', { name: 'About Channels' });
    await expect(note).toContainText(VIEW_INFO.find((v) => v.id === 'channels')!.about);
    await note.getByRole('button', { name: /^Lesson: / }).click();
    await expect(panel(page).getByText(/Function shipping and IPI coalescing · step 1 of/)).toBeVisible();
    expect(problems).toEqual([]);
  });
});
