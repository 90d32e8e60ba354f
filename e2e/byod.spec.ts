import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ByodPanel } from './pages/byod';
import { ExplorerPage } from './pages/explorer';

/** 40 runs from a known Chinchilla law with small deterministic noise, written 7e8 / 300M style, plus 4 bad rows. */
function runsCsv(): string {
  const c = { E: 1.8, A: 480, B: 2000, alpha: 0.35, beta: 0.36 };
  const lines = ['Model size,Training tokens,final_loss,notes'];
  let i = 0;
  for (const n of [1e7, 2e7, 5e7, 1e8, 2e8, 5e8, 1e9, 2e9]) {
    for (const ratio of [5, 10, 20, 40, 80]) {
      const d = n * ratio;
      const loss = (c.E + c.A / n ** c.alpha + c.B / d ** c.beta) * (1 + 0.003 * Math.sin(7 * i++));
      lines.push(`${n >= 1e9 ? `${n / 1e9}B` : `${n / 1e6}M`},${d.toExponential(3)},${loss.toFixed(5)},run ${i}`);
    }
  }
  lines.splice(3, 0, '1e8,2e9,,missing loss'); // line 4
  lines.splice(6, 0, '-5e7,1e9,3.1,negative'); // line 7
  lines.splice(9, 0, '5e7,abc,3.0,text'); // line 10
  lines.push(lines[2]!); // duplicate of line 3
  return `${lines.join('\n')}\n`;
}

test('imports a CSV file with bad rows, fits in the worker, selects the fit on the charts and in the URL, and restores it on reload', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 't2-byod-'));
  const file = join(dir, 'runs.csv');
  writeFileSync(file, runsCsv());
  const app = new ExplorerPage(page);
  const byod = new ByodPanel(page);
  await app.open();
  await byod.open();
  await byod.fileInput.setInputFiles(file);

  await expect(byod.goodRows).toHaveText('40 good rows');
  await expect(byod.rowErrors).toContainText('4 rows skipped');
  await expect(byod.rowErrors).toContainText('Row 4 (loss): missing value');
  await expect(byod.rowErrors).toContainText('Row 7 (params): must be positive');
  await expect(byod.rowErrors).toContainText('Row 10 (tokens): not a number');
  await expect(byod.rowErrors).toContainText('duplicates row 3');
  await expect(page.getByTestId('byod.map.params')).toHaveValue('model size');

  // All runs by default; the hold-out check is an explicit choice.
  await expect(page.getByTestId('byod.holdout.all')).toBeChecked();
  await page.getByTestId('byod.holdout.tpp').check();
  await byod.fit();
  await expect(page.getByTestId('byod.gate')).toHaveCount(0);
  await expect(page.getByTestId('byod.goodness')).toContainText('R² = 0.99');
  await expect(page.getByTestId('byod.holdout')).toContainText('held-out rows');
  await expect(page.getByTestId('byod.residuals').locator('circle')).toHaveCount(40);
  await expect(page.getByTestId('byod.compare').locator('tbody tr')).toHaveCount(4);

  await expect(byod.constantSetSelect).toHaveValue(/^user-/);
  await expect(page.getByTestId('controls.model')).toHaveValue('chinchilla');
  const setId = await byod.constantSetSelect.inputValue();
  await expect(page).toHaveURL(new RegExp(`c=${setId}`));
  await expect(page).toHaveURL(/[?&]u=c_/);
  await app.waitForResults();
  await expect(page.getByTestId('chart.frontier.runs')).toHaveAttribute('data-runs', /^[1-9]\d*$/);
  await expect(page.getByTestId('chart.isoflop.band')).toHaveCount(1);
  await expect(page.getByTestId('chart.isoflop')).toContainText('Your fit');

  await page.reload();
  await app.waitForResults();
  await expect(byod.constantSetSelect).toHaveValue(setId);
  await expect(page.getByTestId('byod.constants')).toBeVisible();
  await expect(page.getByTestId('chart.isoflop.band')).toHaveCount(1);
  await expect(page.getByTestId('chart.frontier.runs')).toHaveAttribute('data-runs', /^[1-9]\d*$/);
});

test('pasted runs show their row errors; text that is not CSV or JSON gets a clear message; Cancel stops a fit', async ({
  page,
}) => {
  const app = new ExplorerPage(page);
  const byod = new ByodPanel(page);
  await app.open();
  await byod.open();
  await byod.paste('this is not a table of runs');
  await expect(byod.importError).toContainText('neither CSV');

  await byod.paste('params,tokens,loss\n1e8,2e9,3.1\n2e8,4e9,x\n4e8,8e9,2.9\n');
  await expect(byod.goodRows).toHaveText('2 good rows');
  await expect(byod.rowErrors).toContainText('Row 3 (loss): not a number');
  await expect(page.getByTestId('byod.problem')).toContainText('Too few good rows to fit: 2');
  await expect(page.getByTestId('byod.fit')).toBeDisabled();

  // 300 runs: the fit (4,500-start grid, then 200 bootstrap resamples) takes seconds, long enough to cancel.
  const many = [
    'params,tokens,loss',
    ...Array.from({ length: 300 }, (_, i) => {
      const n = 1e7 * 10 ** ((2.5 * (i % 30)) / 30);
      const d = n * (4 + (i % 10) * 9);
      return `${n},${d},${(1.8 + 480 / n ** 0.35 + 2000 / d ** 0.36) * (1 + 0.003 * Math.sin(i))}`;
    }),
  ].join('\n');
  await byod.paste(many);
  await expect(byod.goodRows).toHaveText('300 good rows');
  await page.getByTestId('byod.fit').click();
  await page.getByTestId('byod.cancel').click();
  await expect(page.getByTestId('byod.cancelled')).toBeVisible();
  await expect(page.getByTestId('byod.constants')).toHaveCount(0);
});

test('a JSON file dropped on the panel fits, and the copied link carries the fit and its few runs to a fresh browser', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const c = { E: 1.7, A: 400, B: 1500, alpha: 0.33, beta: 0.33 };
  const runs = [1e7, 3e7, 1e8, 3e8, 1e9].flatMap((n, i) =>
    [5, 20, 80].map((r, j) => ({
      params: n,
      tokens: n * r,
      loss: (c.E + c.A / n ** c.alpha + c.B / (n * r) ** c.beta) * (1 + 0.002 * Math.cos(3 * i + j)),
    })),
  );
  const app = new ExplorerPage(page);
  const byod = new ByodPanel(page);
  await app.open();
  await byod.open();
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'runs.json', { type: 'application/json' }));
    return dt;
  }, JSON.stringify(runs));
  await page.getByTestId('byod.drop').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('byod.source')).toHaveText('Data: runs.json');
  await expect(byod.goodRows).toHaveText('15 good rows');
  // The first Fit of a data set uses all its runs (15 here; 5 of them over 20 tokens per parameter).
  await expect(page.getByTestId('byod.holdout.all')).toBeChecked();
  await byod.fit();
  await expect(page.getByTestId('byod.holdout')).toContainText('No rows held out');
  await expect(page.getByTestId('byod.share')).toContainText('carries your fitted constants and your runs');
  const setId = await byod.constantSetSelect.inputValue();
  expect(setId).toMatch(/^user-/);
  await app.waitForResults();
  const link = page.url();
  const drawn = await page.getByTestId('chart.frontier.runs').getAttribute('data-runs');
  expect(Number(drawn)).toBeGreaterThan(0);
  const readout = await page.getByTestId('readout.quality').innerText();
  // The band from the fit's own resamples here; the link carries its summary (u's band section).
  await expect(page.getByTestId('chart.isoflop.band')).toHaveCount(1);
  await expect(page.getByTestId('chart.isoflop')).not.toContainText("redrawn from the link's summary");
  expect(new URL(link).searchParams.get('u')).toMatch(/~b\d+_/);
  await expect(page.getByTestId('byod.share')).toContainText('summary of the bootstrap resamples');

  const fresh = await browser.newContext();
  const other = new ExplorerPage(await fresh.newPage());
  await other.page.goto(link);
  await other.waitForResults();
  await expect(other.page.getByTestId('controls.constants')).toHaveValue(setId);
  await expect(other.page.getByTestId('chart.frontier.runs')).toHaveAttribute('data-runs', drawn!);
  expect(await other.page.getByTestId('readout.quality').innerText()).toBe(readout);
  await expect(other.notice('url')).toHaveCount(0);
  await expect(other.page.getByTestId('chart.isoflop.band')).toHaveCount(1);
  await expect(other.page.getByTestId('chart.isoflop')).toContainText("redrawn from the link's summary");
  await fresh.close();
});
