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
