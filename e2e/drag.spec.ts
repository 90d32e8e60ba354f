import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/explorer';

test('dragging the N slider redraws the charts and updates the URL', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  await expect(page.getByTestId('chart.frontier')).toBeVisible();
  const before = await app.readouts();
  const frontierBefore = await page.getByTestId('chart.frontier').innerHTML();
  expect(app.query().get('n')).toBeNull(); // defaults are omitted

  await app.drag('Parameters (N)', 60);
  await app.waitForResults();

  await expect.poll(() => app.query().get('n')).not.toBeNull();
  const n = Number(app.query().get('n'));
  expect(n).toBeGreaterThan(1e8);
  // Linked mode: D and k followed N along the budgets.
  expect(Number(app.query().get('d'))).toBeLessThan(2.56e19 / 6e8);
  expect(Number(app.query().get('k'))).toBeLessThan(10);
  await expect(app.field('Parameters (N)')).not.toHaveValue('100M');
  expect(await app.readouts()).not.toEqual(before);
  expect(await page.getByTestId('chart.frontier').innerHTML()).not.toEqual(frontierBefore);
});

test('back and forward restore scenarios', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  await page.getByTestId('controls.model').selectOption('chinchilla');
  await app.waitForResults();
  await expect.poll(() => app.query().get('m')).toBe('chinchilla');
  await app.field('Training budget (FLOPs)').fill('1e21');
  await app.field('Training budget (FLOPs)').press('Enter');
  await expect.poll(() => app.query().get('ct')).toBe('1e21');

  await page.goBack();
  await expect.poll(() => app.query().get('ct')).toBeNull();
  await expect(app.field('Training budget (FLOPs)')).toHaveValue('2.56e19');
  await expect(page.getByTestId('controls.model')).toHaveValue('chinchilla');
  await page.goBack();
  await expect(page.getByTestId('controls.model')).toHaveValue('t2-1');
  await page.goForward();
  await expect(page.getByTestId('controls.model')).toHaveValue('chinchilla');
  await app.waitForResults();
});
