import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';

/** Fails the test on any console error or uncaught page error (a favicon 404 included). */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByLabel('Event count')).toHaveText(/\d/);
  await viewsLoaded(page);
}

/** Every view has its panel: those below the top load just after the first frame (views/index.ts). Replay has one only with a log. */
export async function viewsLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.view-slot')].every((s) => s.dataset.view === 'replay' || s.querySelector(':scope > .panel') !== null));
}

/** The accessible name of the play button tells whether the worker acknowledged running. */
export async function play(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
}

export async function pause(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
}

export async function eventCount(page: Page): Promise<number> {
  return Number((await page.getByLabel('Event count').textContent())!.replace(/,/g, ''));
}

export interface CliRun {
  time: number;
  eventCount: number;
  traceHash: string;
  lastEvent: { time: number; description: string } | null;
}

/** The headless CLI on the same engine (built by npm install's prepare step and by scripts/run-e2e.mjs). */
export function cli(args: string[]): CliRun {
  return JSON.parse(execFileSync('node', ['dist-cli/cli.js', ...args, '--json'], { encoding: 'utf8' })) as CliRun;
}
