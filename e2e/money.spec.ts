import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/explorer';

test('budgets in money: type "$2M" and "5,000 H100-hours", read dollars beside them, switch the axes to dollars, share it', async ({
  page,
}) => {
  const app = new ExplorerPage(page);
  await app.open();
  await page.getByTestId('controls.linked').uncheck();
  // The training budget reads in money under its slider.
  await expect(page.getByText(/≈ \$\S+ · \S+ H100-hours/)).toBeVisible();
  await app.field('Training budget (FLOPs)').fill('$2M');
  await app.field('Training budget (FLOPs)').press('Enter');
  await app.waitForResults();
  // $2M at $2/GPU-hour = 1e6 H100-hours at 37.5 % MFU = 1e6 · 3600 · 9.89e14 · 0.375 = 1.34e24 FLOPs.
  await expect(app.field('Training budget (FLOPs)')).toHaveValue('1.34e24');
  await expect(page.getByText(/\$2\.00e\+6 at the chosen training GPU|\$2\.00e6|\$2M/).first()).toBeVisible();
  await expect(page.getByTestId('readout.cost')).toContainText('the training budget is $2M');
  await app.field('Training budget (FLOPs)').fill('5,000 H100-hours');
  await app.field('Training budget (FLOPs)').press('Enter');
  await app.waitForResults();
  await expect(app.field('Training budget (FLOPs)')).toHaveValue('6.68e21');
  // A bad money value is explained and not applied.
  await app.field('Training budget (FLOPs)').fill('$lots');
  await app.field('Training budget (FLOPs)').press('Enter');
  await expect(page.getByRole('alert')).toContainText('dollars');
  await app.field('Training budget (FLOPs)').press('Escape');

  await page.getByTestId('cost.controls').locator('summary').click();
  await page.getByTestId('cost.train-gpu').selectOption('a100-80');
  await page.getByTestId('cost.train-price').fill('1.40');
  await page.getByTestId('cost.train-price').press('Enter');
  await page.getByTestId('cost.units').check();
  await app.waitForResults();
  const xTicks = page.getByTestId('chart.frontier').locator('[data-axis="x"] text');
  await expect(xTicks.first()).toHaveText(/^\$/);
  await expect(page.getByTestId('readout.cost')).toContainText('NVIDIA A100 80 GB (SXM) at $1.40/GPU-hour');
  await expect.poll(() => app.query().get('gt')).toBe('a100-80');
  expect(app.query().get('pt')).toBe('1.4');
  expect(app.query().get('cu')).toBe('usd');
  // The link restores it.
  await page.reload();
  await app.waitForResults();
  await expect(page.getByTestId('readout.cost')).toContainText('$1.40/GPU-hour');
  await expect(page.getByTestId('chart.frontier').locator('[data-axis="x"] text').first()).toHaveText(/^\$/);
  expect(await page.locator('body').innerText()).not.toMatch(/NaN|Infinity/);
});
