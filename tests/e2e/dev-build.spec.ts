import { expect, test } from '@playwright/test';

// Runs against the development server, where React's Profiler counts commits (src/app/main.tsx).
test('5 s of play with no input cause at most 5 React commits', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('Event count')).toHaveText(/\d/);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await page.waitForTimeout(300);
  await page.evaluate(() => (window.__reactCommits = 0));
  const start = await page.getByLabel('Event count').textContent();
  await page.waitForTimeout(5000);
  const commits = await page.evaluate(() => window.__reactCommits ?? -1);
  expect(commits).toBeGreaterThanOrEqual(0);
  expect(commits).toBeLessThanOrEqual(5);
  // And the simulation really was running meanwhile.
  await expect(page.getByLabel('Event count')).not.toHaveText(start!);
});

test('compare mode: 5 s of play of two sessions cause at most 5 React commits', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('Event count')).toHaveText(/\d/);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const right = page.getByRole('region', { name: 'Right session' });
  await expect(right.getByLabel('Event count')).toHaveText(/\d/);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await page.waitForTimeout(300);
  await page.evaluate(() => (window.__reactCommits = 0));
  const start = await right.getByLabel('Event count').textContent();
  await page.waitForTimeout(5000);
  const commits = await page.evaluate(() => window.__reactCommits ?? -1);
  expect(commits).toBeGreaterThanOrEqual(0);
  expect(commits).toBeLessThanOrEqual(5);
  await expect(right.getByLabel('Event count')).not.toHaveText(start!);
});
