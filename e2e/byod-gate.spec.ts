import { expect, test } from '@playwright/test';
import { ByodPanel } from './pages/byod';
import { ExplorerPage } from './pages/explorer';

/** 8 runs of a known Chinchilla law with 2 % deterministic noise: fewer than 2 runs per free constant. */
function fewRunsCsv(): string {
  const c = { E: 1.8, A: 480, B: 2000, alpha: 0.35, beta: 0.36 };
  const rows = [
    [1e7, 20],
    [3e7, 5],
    [1e8, 40],
    [3e8, 10],
    [1e9, 20],
    [3e9, 80],
    [2e7, 60],
    [5e8, 3],
  ].map(([n, r], i) => {
    const d = n! * r!;
    return `${n},${d},${((c.E + c.A / n! ** c.alpha + c.B / d ** c.beta) * (1 + 0.02 * Math.sin(5 * i + 1))).toFixed(5)}`;
  });
  return ['params,tokens,loss', ...rows].join('\n');
}

test('a poorly determined fit is shown with its warnings and does not take over the charts until the user chooses', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new ExplorerPage(page);
  const byod = new ByodPanel(page);
  await app.open();
  await app.waitForResults();
  const before = await byod.constantSetSelect.inputValue();
  await byod.open();
  await byod.paste(fewRunsCsv());
  await expect(byod.goodRows).toHaveText('8 good rows');
  await expect(page.getByTestId('byod.holdout.all')).toBeChecked();
  await byod.fit();

  const gate = page.getByTestId('byod.gate');
  await expect(gate).toContainText('This fit does not drive the charts');
  await expect(gate.locator('li[data-code="few-rows"]')).toContainText('8 runs for 5 free constants');
  await expect(page.getByTestId('byod.use')).toHaveCount(0);
  await expect(page.getByTestId('byod.share')).toContainText('only once you use it');
  // The charts keep the set they had: no user set in the select, the URL or the charts' legend.
  await app.waitForResults();
  await expect(byod.constantSetSelect).toHaveValue(before);
  await expect(byod.constantSetSelect.locator('option[value^="user-"]')).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('u')).toBeNull();
  await expect(page.getByTestId('chart.isoflop')).not.toContainText('Your fit');

  await page.getByTestId('byod.use-anyway').click();
  await expect(byod.constantSetSelect).toHaveValue(/^user-/);
  await expect(page).toHaveURL(/[?&]u=c_/);
  await app.waitForResults();
  await expect(page.getByTestId('chart.isoflop')).toContainText('Your fit');
  await expect(gate).toContainText('You chose to use this fit');
  await expect(page.getByTestId('byod.use-anyway')).toHaveCount(0);
  await expect(page.getByTestId('byod.use')).toHaveAttribute('aria-pressed', 'true');

  // The choice and the warnings survive a reload.
  await page.reload();
  await app.waitForResults();
  await expect(byod.constantSetSelect).toHaveValue(/^user-/);
  await expect(page.getByTestId('byod.gate')).toContainText('You chose to use this fit');
});
