import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/explorer';

test('opens on a public fitted set with its provenance; the fitted region is shaded on charts 1 and 2', async ({
  page,
}) => {
  const app = new ExplorerPage(page);
  await app.open();
  const set = await page.getByTestId('controls.constants').inputValue();
  expect(set).toMatch(/^t2-public-/);
  const r = await app.readouts();
  expect(r['readout.quality']).toContain(`[constants: ${set}]`);
  await expect(page.locator('.readout-provenance')).toContainText('fitted on public data');
  await expect(page.getByTestId('chart.frontier.fitted')).toHaveCount(1);
  await expect(page.getByTestId('chart.tokens-per-param.fitted')).toHaveCount(1);
  await expect(page.getByTestId('chart.frontier')).toContainText('Fitted region');
  expect(r['readout.paper-setting']).toMatch(
    /At the T² paper's setting \(C_train = 2\.56e19 FLOPs, C_inf = 2e9 FLOPs\/token\)/,
  );
  expect(r['readout.paper-setting']).toMatch(/Table 1/);
});

test('an answer outside the fitted data is marked: hollow optimum on both charts, the readout names dimension and factor', async ({
  page,
}) => {
  const app = new ExplorerPage(page);
  // 1e25 training FLOPs, C_inf 1.4e11 (one forward pass of a 70B model): far beyond every public set's runs.
  await app.open('?v=1&n=7e10&d=2.38e13&k=1&ct=1e25&ci=1.4e11');
  await expect(page.getByTestId('chart.frontier.optimum')).toHaveAttribute('data-extrapolated', 'true');
  await expect(page.getByTestId('chart.tokens-per-param.current')).toHaveAttribute('data-extrapolated', 'true');
  await expect(page.getByTestId('chart.frontier')).toContainText('Hollow, dashed mark: extrapolated');
  const ex = page.getByTestId('readout.extrapolation');
  await expect(ex).toContainText('The optimum at these budgets is extrapolated beyond the data of this set');
  await expect(ex).toContainText(/(N|D|D\/N|C) [\d.e]+× above the fitted range/);
  await expect(page.getByTestId('readout.quality')).toContainText('[extrapolated]');
  await expect(page.getByTestId('readout.range-warning')).toContainText('N = 70B lies outside the range');
});

test('old links naming the illustrative set still open it, labelled illustrative', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open('?v=1&m=t2-2&c=t2-illustrative');
  await expect(page.getByTestId('controls.constants')).toHaveValue('t2-illustrative');
  await expect(page.locator('.readout-provenance')).toContainText('illustrative, not fitted');
  await expect(page.getByTestId('notice.url')).toHaveCount(0);
});
