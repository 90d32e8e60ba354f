/**
 * Issue 15 in a real browser: the test-time strategy switch changes every chart and the optimum (and lives in the URL
 * as `ts`), its assumed parameters are controls that say so, the seed-papers section (Wu et al., Plan Early) works, and
 * both new lessons walk through with their highlights.
 */
import { expect, test, type Page } from '@playwright/test';
import { ExplorerPage } from './pages/explorer';

const CHARTS = ['chart.frontier', 'chart.tokens-per-param', 'chart.isoflop', 'chart.passk'] as const;

async function snapshot(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const id of CHARTS) out[id] = await page.getByTestId(id).locator('svg').first().innerHTML();
  out['readout.quality'] = await page.getByTestId('readout.quality').innerText();
  out['readout.tokens-per-param'] = await page.getByTestId('readout.tokens-per-param').innerText();
  return out;
}

test('the strategy switch changes every chart and the optimum, and its parameters are assumptions in the URL', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new ExplorerPage(page);
  await app.open('?v=1&m=t2-2');
  const oracle = await snapshot(page);
  expect(oracle['readout.quality']).toContain('pass@k accuracy');

  await page.getByTestId('controls.strategy').selectOption('vote');
  await app.waitForResults();
  expect(app.query().get('ts')).toBe('vote_0.3');
  const voting = await snapshot(page);
  for (const id of Object.keys(oracle)) expect(voting[id], id).not.toBe(oracle[id]);
  expect(voting['readout.quality']).toContain('majority-vote accuracy');
  await expect(page.getByTestId('chart.passk')).toContainText('pass@k (oracle verifier)');
  await expect(page.getByTestId('chart.passk')).toContainText('limit as k → ∞');
  await expect(page.getByTestId('controls.strategy-group')).toContainText('(assumption)');
  await expect(page.getByTestId('controls.strategy.assumptions')).toContainText('Ours:');

  await page.getByTestId('controls.strategy').selectOption('verifier');
  await app.waitForResults();
  expect(app.query().get('ts')).toBe('bok_0.9_0.1');
  const verifier = await snapshot(page);
  expect(verifier['chart.frontier']).not.toBe(voting['chart.frontier']);
  expect(verifier['readout.quality']).toContain('best-of-k accuracy');

  // a verifier parameter is a control: moving it rewrites the link and the numbers
  await page.getByTestId('controls.strategy.falsePositive').fill('0.01');
  await app.waitForResults();
  expect(app.query().get('ts')).toBe('bok_0.9_0.01');
  await expect(page.getByTestId('controls.strategy.falsePositive.value')).toHaveText('0.01');
  expect((await snapshot(page))['readout.quality']).not.toBe(verifier['readout.quality']);

  // the link restores the strategy; back to the oracle restores the T² numbers and drops the key
  const fresh = new ExplorerPage(await page.context().newPage());
  await fresh.open('?v=1&m=t2-2&ts=bok_0.9_0.01');
  await expect(fresh.page.getByTestId('controls.strategy')).toHaveValue('verifier');
  await page.getByTestId('controls.strategy').selectOption('oracle');
  await app.waitForResults();
  expect(app.query().get('ts')).toBeNull();
  expect((await snapshot(page))['readout.quality']).toBe(oracle['readout.quality']);
});

test('a bad ts value is named in a notice and the oracle is used', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open('?v=1&m=t2-2&ts=magic');
  await expect(app.notice('url')).toContainText('Test-time strategy');
  await expect(page.getByTestId('controls.strategy')).toHaveValue('oracle');
});

test('the seed-papers section: Wu et al. and the Plan Early view', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  await page.getByTestId('papers.toggle').click();
  await expect(page.getByTestId('papers.wu.fitted')).toBeVisible();
  await expect(page.getByTestId('papers.wu.comparison')).toContainText('46.8 %');
  await expect(page.getByTestId('papers.wu.comparison')).toContainText('8.2× the compute');
  const result = page.getByTestId('papers.plan-early.result');
  await expect(result).toContainText('A100-hours');
  await expect(result).toContainText('The large model is cheaper');
  await expect(result).toContainText('the small models win above 14.8 B inference tokens per domain at n = 100');
  const before = await result.innerText();
  await page.getByTestId('papers.plan-early.inference').fill('20');
  await expect(result).toContainText('The small specialised models are cheaper');
  await page.getByTestId('papers.plan-early.domains').fill('5');
  await expect(result).toContainText('at any inference volume for this n');
  expect(await result.innerText()).not.toBe(before);
  await page.getByTestId('papers.plan-early.domains').fill('2.5');
  await expect(page.getByTestId('papers.plan-early')).toContainText('Enter a whole number ≥ 1');
  await expect(page.getByTestId('papers.plan-early.perplexity')).toContainText('28.1');
});

test('the Plan Early inputs travel in the link (key pe), back restores them, and a bad value is named', async ({
  page,
}) => {
  const app = new ExplorerPage(page);
  await app.open('?v=1&pe=5_20_100_1_0_20');
  await page.getByTestId('papers.toggle').click();
  const result = page.getByTestId('papers.plan-early.result');
  await expect(page.getByTestId('papers.plan-early.domains')).toHaveValue('5');
  await expect(result).toContainText('The small specialised models are cheaper');
  await page.getByTestId('papers.plan-early.domains').fill('50');
  await expect.poll(() => app.query().get('pe')).toBe('50_20_100_1_0_20');
  await page.goBack();
  await expect.poll(() => app.query().get('pe')).toBe('5_20_100_1_0_20');
  await expect(page.getByTestId('papers.plan-early.domains')).toHaveValue('5');
  await page.reload();
  await page.getByTestId('papers.toggle').click();
  await expect(page.getByTestId('papers.plan-early.domains')).toHaveValue('5');

  const locked = new ExplorerPage(await page.context().newPage());
  await locked.open('?v=1&pe=5_20_100_1_0_20&lock=pe');
  await locked.page.getByTestId('papers.toggle').click();
  await expect(locked.page.getByTestId('papers.plan-early.locked')).toBeVisible();
  await expect(locked.page.getByTestId('papers.plan-early.domains')).toBeDisabled();

  const bad = new ExplorerPage(await page.context().newPage());
  await bad.open('?v=1&pe=lots');
  await expect(bad.notice('url')).toContainText('Plan Early inputs');
  expect(bad.query().get('pe')).toBeNull();
});

test('the T² lifetime readout follows the strategy, and the Epoch chart says why it cannot', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new ExplorerPage(page);
  await app.open('?v=1&m=lifetime&ts=vote');
  await expect(page.getByTestId('readout.t2-lifetime')).toContainText('Under Majority voting (vote_0.3; Approach 2');
  await expect(page.getByTestId('controls.strategy.scope')).toContainText('The T² lifetime readout follows it');
  await app.open('?v=1&m=t2-2&ts=bok');
  await expect(page.getByTestId('chart.epoch.strategy')).toContainText('do not follow the chosen test-time strategy');
});

for (const [id, steps] of [
  ['verifier', 6],
  ['plan-early', 3],
] as const) {
  test(`lesson ${id} walks through with its highlights`, async ({ page }) => {
    test.setTimeout(120_000);
    const app = new ExplorerPage(page);
    await app.open(`?lesson=${id}&step=1`);
    for (let i = 0; i < steps; i++) {
      await expect(page.getByTestId('lesson.progress')).toHaveText(`Step ${i + 1} of ${steps}`);
      await app.waitForResults();
      await expect(page.locator('[data-lesson-highlight]').first()).toBeVisible();
      if (i < steps - 1) await page.getByTestId('lesson.next').click();
    }
    if (id === 'verifier') {
      await expect(page.getByTestId('papers.wu.math500')).toBeVisible();
      // the last step opens the "7B with search against 34B sampling" comparison: both points on one chart
      await expect(page.getByTestId('papers.wu.point.Llemma-7B')).toBeVisible();
      await expect(page.getByTestId('papers.wu.point.Llemma-34B')).toBeVisible();
      await expect(page.getByTestId('papers.wu.math500')).toContainText('same accuracy, 8.2× the FLOPs');
    } else {
      await expect(page.locator('[data-lesson-highlight="papers.plan-early.perplexity"]')).toHaveCount(1);
    }
  });
}
