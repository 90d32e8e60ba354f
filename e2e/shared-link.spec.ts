import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/explorer';

test('a copied link opened in a fresh browser shows the same readouts to the digit', async ({ page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new ExplorerPage(page);
  await app.open();
  await page.getByTestId('controls.model').selectOption('t2-2');
  await app.field('Parameters (N)').fill('3.7e7');
  await app.field('Parameters (N)').press('Enter');
  await app.field('Tokens served').fill('1.4T');
  await app.field('Tokens served').press('Enter');
  const original = await app.readouts();
  expect(Object.keys(original).length).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(app.notice('link')).toBeVisible();
  const link = (await app.notice('link').locator('li').first().innerText()).trim();
  expect(link).toContain('v=1');
  expect(link).toContain('m=t2-2');
  expect(link).toContain('n=3.7e7');
  expect(link).toContain('t=1.4e12');

  const fresh = await browser.newContext();
  const other = new ExplorerPage(await fresh.newPage());
  await other.page.goto(link);
  await other.waitForResults();
  expect(await other.readouts()).toEqual(original);
  await expect(other.field('Parameters (N)')).toHaveValue('37M');
  await expect(other.notice('url')).toHaveCount(0);
  await fresh.close();
});

test('a typed target quality draws its frontier and readout, goes into the URL and survives a reload', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  // The design's own quality is always reachable: its frontier crosses the map.
  const quality = await page.getByTestId('readout.quality').innerText();
  const nats = /current design: ([\d.]+) nats/.exec(quality)?.[1];
  expect(nats).toBeDefined();
  const field = page.getByRole('textbox', { name: 'Target quality', exact: true });
  await field.fill('not a number');
  await field.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Target quality' })).toBeVisible();
  await expect(page).not.toHaveURL(/[?&]q=/);

  await field.fill(nats!);
  await field.press('Enter');
  await app.waitForResults();
  await expect(page.getByTestId('chart.frontier.target')).toBeVisible();
  await expect(page.getByTestId('readout.target')).toContainText('Cheapest budgets reaching the target');
  await expect(page).toHaveURL(new RegExp(`[?&]q=${nats!.replace('.', '\\.')}`));

  await page.reload();
  await app.waitForResults();
  await expect(field).toHaveValue(nats!);
  await expect(page.getByTestId('chart.frontier.target')).toBeVisible();
  await expect(page.getByTestId('readout.target')).toContainText('Cheapest budgets reaching the target');

  await page.getByTestId('controls.target-quality.clear').click();
  await app.waitForResults();
  await expect(page.getByTestId('chart.frontier.target')).toHaveCount(0);
  await expect(page).not.toHaveURL(/[?&]q=/);
});
