import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/explorer';

test('hold the budgets: typing N = 7B keeps k at 1 and says so beside k and in the readouts, with a readable ratio', async ({
  page,
}) => {
  const app = new ExplorerPage(page);
  await app.open();
  await expect(page.getByTestId('controls.linked')).toBeChecked();
  await expect(page.getByTestId('controls.linked-status')).toHaveCount(0);
  await app.field('Parameters (N)').fill('7B');
  await app.field('Parameters (N)').press('Enter');
  await app.waitForResults();
  await expect(app.field('Samples per question (k)')).toHaveValue('1');
  const warning = page.getByTestId('controls.samples.warning');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('k stays at its minimum 1');
  await expect(warning).toContainText('7.0× the inference budget');
  await expect(page.getByTestId('controls.linked-status')).toBeVisible();
  const overshoot = page.getByTestId('readout.budget-overshoot');
  await expect(overshoot).toContainText(
    'inference needs 1.4e10 FLOPs per token (2Nk), 7.0× the inference budget of 2e9',
  );
  // Back inside the budgets: the warnings go.
  await app.field('Parameters (N)').fill('100M');
  await app.field('Parameters (N)').press('Enter');
  await app.waitForResults();
  await expect(warning).toHaveCount(0);
  await expect(overshoot).toHaveCount(0);
});

test('hold the budgets: D at 769T stops N at its minimum; the training overshoot is shown, never a raw ratio', async ({
  page,
}) => {
  const app = new ExplorerPage(page);
  await app.open();
  await app.field('Training tokens (D)').fill('769T');
  await app.field('Training tokens (D)').press('Enter');
  await app.waitForResults();
  await expect(app.field('Parameters (N)')).toHaveValue('10k');
  await expect(page.getByTestId('controls.params.warning')).toContainText('N stops at its minimum 10k');
  await expect(page.getByTestId('readout.budget-overshoot')).toContainText('the training budget of 2.56e19');
  const body = await page.locator('body').innerText();
  expect(body).not.toMatch(/\d{5,}×/);
});
