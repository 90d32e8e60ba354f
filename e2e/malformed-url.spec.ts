import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/explorer';

test('a malformed link gives a notice naming each problem and sane values, never a blank page', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new ExplorerPage(page);
  await app.open('?v=9&n=banana&k=-5&ct=1e99&m=gpt&c=nope&zz=1');

  const notice = app.notice('url');
  await expect(notice).toBeVisible();
  for (const text of [
    'v=9',
    'Parameters (N)',
    'Samples per question (k)',
    'Training budget (FLOPs)',
    'Quality model',
    'Constant set',
    '"zz"',
  ]) {
    await expect(notice).toContainText(text);
  }
  await expect(app.field('Parameters (N)')).toHaveValue('100M');
  await expect(app.field('Samples per question (k)')).toHaveValue('1');
  await expect(app.field('Training budget (FLOPs)')).toHaveValue('1e28');
  await expect(page.getByTestId('chart.frontier')).toBeVisible();
  await expect(page.getByTestId('readout.quality')).not.toBeEmpty();
  // The URL is rewritten in canonical form: the bad keys are gone.
  expect(app.query().get('zz')).toBeNull();
  expect(app.query().get('n')).toBeNull();
  expect(errors).toEqual([]);
});

test('a garbled query string still opens the default scenario', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open('?%E0%A4%A&&==&n=%FF');
  await expect(page.getByRole('heading', { name: 'T² Explorer' })).toBeVisible();
  await expect(page.getByTestId('chart.frontier')).toBeVisible();
  await expect(app.field('Parameters (N)')).toHaveValue('100M');
});
