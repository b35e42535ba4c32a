import { expect, test } from '@playwright/test';
import { eventCount, openApp, play } from './helpers';

const cpuRow = (page: import('@playwright/test').Page, cpu: number) =>
  page.getByRole('table', { name: 'CPUs and what they run' }).locator('tbody tr').nth(cpu);

test.describe('configuration panel', () => {
  test('changing the partition text re-partitions the CPU grid and restarts the run', async ({ page }) => {
    await openApp(page);
    const panel = page.getByRole('region', { name: 'Configuration' });
    await expect(cpuRow(page, 40).locator('td').nth(1)).toHaveText('LWK');
    const field = panel.getByRole('textbox', { name: 'Partition' });
    await field.fill('lwkcpus=0.1-13:14.15-27 lwkmem=0:16G,1:16G');
    await expect(panel.getByText('mOS boot line:')).toBeVisible();
    await expect(panel.getByText(/maxcpus=|cannot express/)).toBeVisible();
    await panel.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('status', { name: 'Notice' })).toContainText('restarted');
    await expect(cpuRow(page, 40).locator('td').nth(1)).toHaveText('Linux');
    await expect(cpuRow(page, 14).locator('td').nth(1)).toHaveText('syscall CPU');
    await expect(cpuRow(page, 20).locator('td').nth(1)).toHaveText('LWK');
    await expect(page.getByRole('region', { name: 'Core partitions' })).toContainText('lwkcpus=0.1-13:14.15-27');
  });

  test('an invalid partition shows its error next to the field while the run continues', async ({ page }) => {
    await openApp(page);
    await play(page);
    const panel = page.getByRole('region', { name: 'Configuration' });
    const field = panel.getByRole('textbox', { name: 'Partition' });
    await field.fill('lwkcpus=0.1-99 lwkmem=0:16G');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(panel.getByRole('alert').first()).toContainText('99');
    await expect(panel.getByRole('button', { name: 'Apply' })).toBeDisabled();
    const n = await eventCount(page);
    await expect.poll(() => eventCount(page)).toBeGreaterThan(n);
    await field.fill('lwkcpus=0.1-7,33 lwkmem=0:8G');
    await expect(panel.getByText(/warning: .*sibling/i).first()).toBeVisible();
  });

  test('a design brings its own settings; parameters apply, persist across reloads, and Revert discards a draft', async ({ page }) => {
    await openApp(page);
    const panel = page.getByRole('region', { name: 'Configuration' });
    await panel.getByRole('combobox', { name: 'Design' }).selectOption('mckernel');
    // McKernel-style: an IPI per message and a spinning caller, shown as soon as it is chosen.
    await expect(panel.getByRole('combobox', { name: 'IPIs' })).toHaveValue('every');
    await expect(panel.getByRole('combobox', { name: 'Waiting for a reply' })).toHaveValue('spin');
    await panel.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('status', { name: 'Notice' })).toContainText('restarted');
    await page.reload();
    await expect(panel.getByRole('combobox', { name: 'Design' })).toHaveValue('mckernel');
    await expect(panel.getByRole('combobox', { name: 'IPIs' })).toHaveValue('every');
    // Linux alone has no channels or proxies: their settings are not offered.
    await panel.getByRole('combobox', { name: 'Design' }).selectOption('native');
    await expect(panel.getByRole('spinbutton', { name: 'Proxy threads per process' })).toHaveCount(0);
    await panel.getByRole('button', { name: 'Revert' }).click();
    await panel.getByRole('checkbox', { name: 'nohz_full' }).check();
    await panel.getByRole('button', { name: 'Revert' }).click();
    await expect(panel.getByRole('checkbox', { name: 'nohz_full' })).not.toBeChecked();
  });

  test("Design options: the design's own syntax, a bad text named and placed, a good one sets its fields, applies and persists", async ({ page }) => {
    await openApp(page);
    const panel = page.getByRole('region', { name: 'Configuration' });
    const field = panel.getByRole('textbox', { name: 'Design options' });
    const apply = panel.getByRole('button', { name: 'Apply' });
    // The default design (the paper's function shipping) reads mOS's lwkctl and yod options.
    await expect(panel.getByText('lwkctl and yod options (Intel mOS), e.g.')).toBeVisible();

    await field.fill('yod -o lwksched-enable-r=10 ./app');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    const alert = panel.getByRole('alert').filter({ hasText: 'lwksched-enable-r' });
    await expect(alert).toContainText("unknown mOS option 'lwksched-enable-r': did you mean lwksched-enable-rr?");
    await expect(alert).toContainText('(at “lwksched-enable-r”, characters 8–24)');
    await expect(apply).toBeDisabled();

    const good = "lwkctl -c 'lwkcpus=0.1-13,33-45:14.15-27,47-59 lwkmem=0:16G,1:16G' ; yod -R 1/2 -o lwksched-enable-rr=10 --dry-run ./app";
    await field.fill(good);
    await expect(field).toHaveAttribute('aria-invalid', 'false');
    await expect(panel.getByText('warning: yod --dry-run is accepted, has no effect in the model')).toBeVisible();
    // The fields the options set follow them.
    await expect(panel.getByRole('spinbutton', { name: 'LWK round-robin quantum (ms, 0 = off)' })).toHaveValue('10');
    await expect(panel.getByRole('textbox', { name: 'Partition' })).toHaveValue('lwkcpus=0.1-13,33-45:14.15-27,47-59 lwkmem=0:16G,1:16G');
    await panel.screenshot({ path: 'test-results/screenshots/config-design-options.png' });
    await apply.click();
    await expect(page.getByRole('status', { name: 'Notice' })).toContainText('restarted');
    await expect(cpuRow(page, 14).locator('td').nth(1)).toHaveText('syscall CPU');
    await expect(cpuRow(page, 29).locator('td').nth(1)).toHaveText('Linux');
    await expect(cpuRow(page, 40).locator('td').nth(1)).toHaveText('LWK');

    await page.reload();
    await expect(field).toHaveValue(good);
    await expect(apply).toBeDisabled();
    // McKernel reads mcreboot.sh and mcexec instead; the mOS text does not carry over.
    await panel.getByRole('combobox', { name: 'Design' }).selectOption('mckernel');
    await expect(field).toHaveValue('');
    await field.fill('mcreboot.sh -c 2-15 -m 1G@0 -r 2-15:3 ; mcexec -n 2 ./app');
    await expect(panel.getByRole('alert').filter({ hasText: 'IKC target' })).toContainText('IKC target CPU 3 is a McKernel CPU (in -c): IKC messages go to a Linux CPU');
  });

  test('Advanced costs: a bad value is named beside its field, a good one applies, persists and takes effect', async ({ page }) => {
    await openApp(page);
    const panel = page.getByRole('region', { name: 'Configuration' });
    const field = panel.getByRole('spinbutton', { name: 'IPI latency (one way)' });
    const apply = panel.getByRole('button', { name: 'Apply' });
    // Collapsed by default; the summary opens it from the keyboard.
    await expect(field).toBeHidden();
    await panel.locator('summary', { hasText: 'Advanced costs' }).focus();
    await page.keyboard.press('Enter');
    await expect(field).toBeVisible();
    await expect(field).toHaveValue('1000');

    await field.fill('-5');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(/IPI latency \(one way\) must be 0 to 3,600,000,000,000 ns/);
    const row = field.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " field ")][1]');
    await expect(row.getByRole('alert')).toHaveText('IPI latency (one way) must be 0 to 3,600,000,000,000 ns');
    await expect(panel.locator('summary')).toContainText('1 to fix');
    await expect(apply).toBeDisabled();
    await panel.screenshot({ path: 'test-results/screenshots/config-advanced-costs.png' });

    await field.fill('50000');
    await expect(field).toHaveAttribute('aria-invalid', 'false');
    await expect(row.getByRole('alert')).toHaveCount(0);
    await apply.click();
    await expect(page.getByRole('status', { name: 'Notice' })).toContainText('restarted');
    await play(page);
    // The forwarded calls now wait about 50 µs for their IPI (1 µs before; some calls need none).
    await expect
      .poll(async () => ((await page.evaluate(() => window.mosExplorer!.metrics())) as { syscalls: { routes: { linux: { stagesMeanNs: Record<string, number> } } } } | null)?.syscalls.routes.linux.stagesMeanNs.IPI ?? 0, { timeout: 15_000 })
      .toBeGreaterThan(10_000);

    await page.reload();
    await panel.locator('summary', { hasText: 'Advanced costs' }).click();
    await expect(field).toHaveValue('50000');
  });
});

test('every design has an "About this design" with its account and its source', async ({ page }) => {
  await page.goto('/');
  const panel = page.getByRole('region', { name: 'Configuration' });
  // The panel loads just after the first frame (views/index.ts: deferred).
  await expect(panel.getByRole('combobox', { name: 'Design' })).toBeVisible();
  const designs = await panel.getByRole('combobox', { name: 'Design' }).locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(designs.length).toBeGreaterThanOrEqual(11);
  for (const id of designs) {
    await panel.getByRole('combobox', { name: 'Design' }).selectOption(id);
    const about = panel.getByRole('region', { name: 'About this design' });
    await expect(about).toContainText('About this design');
    await expect(about).toContainText('Source:');
  }
});

test.describe('configuration form words (issue 15)', () => {
  test('a bad number is named beside its field in the field\'s words, with the checker\'s limits; native Linux hides what does not apply; the partition syntax has a key', async ({ page }) => {
    await openApp(page);
    const panel = page.getByRole('region', { name: 'Configuration' });
    const hz = panel.getByRole('spinbutton', { name: 'Linux tick (HZ)' });
    await hz.fill('0');
    await expect(hz).toHaveAttribute('aria-invalid', 'true');
    const hzRow = hz.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " field ")][1]');
    await expect(hzRow.getByRole('alert')).toHaveText('0 is out of range: Linux tick must be 1 to 10,000 Hz');
    // No internal key anywhere in the panel's messages.
    await expect(panel.getByRole('alert').filter({ hasText: 'linux.hz' })).toHaveCount(0);
    await expect(panel.getByRole('button', { name: 'Apply' })).toBeDisabled();
    await hz.fill('250');
    await expect(hzRow.getByRole('alert')).toHaveCount(0);

    // The field's limits are the checker's: k = 5 is refused beside the field, and max says 0.1.
    const k = panel.getByRole('spinbutton', { name: 'Cache interference per busy CPU (assumption)' });
    await expect(k).toHaveAttribute('max', '0.1');
    await k.fill('5');
    await expect(k).toHaveAttribute('aria-invalid', 'true');
    await expect(k.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " field ")][1]').getByRole('alert')).toContainText('must be 0 to 0.1');
    await panel.getByRole('button', { name: 'Revert' }).click();

    await expect(panel).toContainText('Key: lwkcpus=S.L:S.L');
    // Native Linux: no channels, proxies or LWK quantum to set.
    await panel.getByRole('combobox', { name: 'Design' }).selectOption('native');
    for (const name of ['Channel slots', 'Proxy threads per process', 'LWK round-robin quantum (ms, 0 = off)']) await expect(panel.getByRole('spinbutton', { name })).toHaveCount(0);
    await expect(panel.getByRole('combobox', { name: 'IPIs' })).toHaveCount(0);
  });

  test('the ACPI sentence is said once', async ({ page }) => {
    await openApp(page);
    const panel = page.getByRole('region', { name: 'Configuration' });
    await panel.getByRole('textbox', { name: 'Partition' }).fill('lwkcpus=0.1-13:14.15-27 lwkmem=0:16G,1:16G');
    const line = panel.getByText(/cannot express it/);
    await expect(line).toBeVisible();
    expect(((await line.textContent()) ?? '').match(/ACPI/g)).toHaveLength(1);
  });
});
