import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { t2Accuracy } from '../src/domain/t2-approach2';
import { ExplorerPage } from './pages/explorer';

/** The zoo as shipped: the test reads N and D of the first model from the manifest, never from a hard-coded id. */
const manifest = JSON.parse(readFileSync('public/models/manifest.json', 'utf8')) as {
  models: { id: string; file: string; params: number; tokens: number; bytes: number }[];
};
const model = manifest.models[0]!;

async function openLab(page: Page): Promise<void> {
  const app = new ExplorerPage(page);
  await app.open();
  await app.openLab();
  await expect(page.getByTestId('lab.model')).toBeVisible({ timeout: 45_000 });
}

/** A small run: the default tasks (all three since the lab defaults of issue 16), 2 problems, n = k = 2 samples. */
async function runSmall(page: Page, backend: 'wasm' | 'webgpu'): Promise<void> {
  await page.getByTestId('lab.model').selectOption(model.id);
  await page.getByTestId('lab.backendChoice').selectOption(backend);
  await page.getByTestId('lab.problems').fill('2');
  await page.getByTestId('lab.samples').selectOption('2');
  await page.getByTestId('lab.k').selectOption('2');
  await page.getByTestId('lab.run').click();
}

async function expectPointOnFrontier(page: Page, k: number): Promise<void> {
  const dot = page.getByTestId('chart.frontier.measured').locator('circle').last();
  await expect(dot).toBeVisible({ timeout: 20_000 });
  expect(Number(await dot.getAttribute('data-x'))).toBe(6 * model.params * model.tokens);
  expect(Number(await dot.getAttribute('data-y'))).toBe(2 * model.params * k);
  // Drawn inside the plot: its pixel position lies within the chart's SVG.
  const box = (await dot.boundingBox())!;
  const svg = (await page.getByTestId('chart.frontier').locator('svg').first().boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(svg.x);
  expect(box.x + box.width).toBeLessThanOrEqual(svg.x + svg.width);
  expect(box.y).toBeGreaterThanOrEqual(svg.y);
  expect(box.y + box.height).toBeLessThanOrEqual(svg.y + svg.height);
}

test('runs a zoo model on WASM, puts the point on the frontier at (6ND, 2Nk), keeps it across a reload and in the link', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const fetched: string[] = [];
  // Requests of the page and its workers; the service worker's offline precache (src/sw) fetches files it never runs.
  page.context().on('request', (r) => {
    if (!r.serviceWorker()) fetched.push(r.url());
  });
  const app = new ExplorerPage(page);
  await app.open();
  // onnxruntime-web (its wasm and the lab's worker module) loads only when the panel opens.
  expect(fetched.filter((u) => /ort-wasm|lab-api|inference\.worker/.test(u))).toEqual([]);
  await new ExplorerPage(page).openLab();
  await expect(page.getByTestId('lab.model')).toBeVisible({ timeout: 20_000 });
  await runSmall(page, 'wasm');
  await expect(page.getByTestId('lab.done')).toContainText('WASM', { timeout: 60_000 });
  await expect(page.getByTestId('lab.backend')).toHaveText('WASM');
  const row = page.getByTestId('lab.runrow').filter({ hasText: model.id });
  await expect(row).toHaveCount(1);
  const pass = Number(await row.getByTestId('lab.run.pass').textContent());
  expect(pass).toBeGreaterThanOrEqual(0);
  expect(pass).toBeLessThanOrEqual(1);
  expect(fetched.some((u) => /ort-wasm.*\.wasm/.test(u))).toBe(true);
  await expectPointOnFrontier(page, 2);
  await expect(page).toHaveURL(new RegExp(`lab=${model.params}_${model.tokens}_2_`));

  await page.reload();
  await expectPointOnFrontier(page, 2);
  await new ExplorerPage(page).openLab();
  await expect(page.getByTestId('lab.runrow').filter({ hasText: model.id })).toHaveCount(1);
  // A second run reads the model from Cache Storage (checked again before use).
  await runSmall(page, 'wasm');
  await expect(page.getByTestId('lab.done')).toContainText('model from cache', { timeout: 60_000 });
  await expect(page.getByTestId('lab.runrow').filter({ hasText: model.id })).toHaveCount(2);
});

test('runs on WebGPU (a software adapter in headless Chromium)', async ({ page }) => {
  test.setTimeout(120_000);
  await openLab(page);
  await page.getByTestId('lab.backendChoice').selectOption('webgpu');
  await expect(page.getByTestId('lab.device')).toHaveAttribute('data-backend', 'webgpu', { timeout: 20_000 });
  await expect(page.getByTestId('lab.adapter')).toContainText(/\S/);
  await runSmall(page, 'webgpu');
  await expect(page.getByTestId('lab.done')).toBeVisible({ timeout: 90_000 });
  // It ran on WebGPU (the row names the backend), with no fallback.
  await expect(page.getByTestId('lab.backend')).toHaveText('WebGPU');
  await expect(page.getByTestId('lab.fallback')).toHaveCount(0);
  await expect(page.getByTestId('lab.runrow').last()).toContainText('WebGPU');
  await expectPointOnFrontier(page, 2);
});

test('a truncated model file is reported and earlier runs stay', async ({ page }) => {
  test.setTimeout(120_000);
  // An earlier run, imported from an export.
  const earlier = {
    id: 'earlier-1',
    createdAt: '2026-11-22T10:00:00.000Z',
    modelId: model.id,
    params: model.params,
    tokens: model.tokens,
    tasks: ['t'],
    problems: 2,
    samples: 2,
    k: 2,
    temperature: 1,
    seed: 1,
    passAtK: 0.5,
    passAtKAll: { 1: 0.25, 2: 0.5 },
    nll: 2,
    prefillTokensPerSecond: 1,
    decodeTokensPerSecond: 1,
    wallMs: 1,
    flops: 1,
    usedKvCache: true,
    perTask: [],
    device: {
      backend: 'wasm',
      adapter: null,
      threads: 1,
      browser: 'x',
      crossOriginIsolated: true,
      fallbackReason: null,
    },
  };
  const file = join(mkdtempSync(join(tmpdir(), 't2-lab-')), 'runs.json');
  writeFileSync(file, JSON.stringify({ runs: [earlier] }));
  // The model is fetched by the inference worker: route at the context, which sees worker requests too.
  await page.context().route(`**/models/${model.file}`, async (route) => {
    const res = await route.fetch();
    const body = await res.body();
    await route.fulfill({ response: res, body: body.subarray(0, Math.floor(body.length / 2)) });
  });
  await openLab(page);
  await page.getByTestId('lab.import').setInputFiles(file);
  await expect(page.getByTestId('lab.import.note')).toContainText('Imported 1 run');
  await runSmall(page, 'wasm');
  await expect(page.getByTestId('lab.error')).toContainText(`${model.file}: expected ${model.bytes} bytes`, {
    timeout: 30_000,
  });
  await expect(page.getByTestId('lab.error')).toContainText('truncated');
  await expect(page.getByTestId('lab.runrow').filter({ hasText: model.id })).toHaveCount(1);
});

/** A lab export of 6 checkpoints whose NLL and pass@k follow a known T² Approach 2 law. */
function syntheticExport(): string {
  const law = {
    E: 2,
    A: 300,
    B: 900,
    alpha: 0.4,
    beta: 0.45,
    theta0: 3.5,
    theta1: 3,
    theta2: 0.95,
    theta3: 1,
    theta4: 0.1,
  };
  const pts: [number, number][] = [
    [3e4, 1e6],
    [6e4, 3e6],
    [1.2e5, 1e7],
    [2.4e5, 3e6],
    [4.8e5, 3e7],
    [9e5, 8e7],
  ];
  const runs = pts.map(([n, d], i) => {
    const all = Object.fromEntries([1, 2, 4, 8].map((k) => [String(k), t2Accuracy(law, n, d, k)]));
    return {
      id: `synthetic-${i}`,
      createdAt: `2026-11-22T10:0${i}:00.000Z`,
      modelId: `synthetic-${i}`,
      params: n,
      tokens: d,
      tasks: ['t'],
      problems: 8,
      samples: 8,
      k: 8,
      temperature: 1,
      seed: 1,
      passAtK: all['8'],
      passAtKAll: all,
      nll: law.E + law.A / n ** law.alpha + law.B / d ** law.beta,
      prefillTokensPerSecond: 1,
      decodeTokensPerSecond: 1,
      wallMs: 1,
      flops: 1,
      usedKvCache: true,
      perTask: [],
      device: {
        backend: 'wasm',
        adapter: null,
        threads: 1,
        browser: 'x',
        crossOriginIsolated: true,
        fallbackReason: null,
      },
    };
  });
  return JSON.stringify({ runs });
}

test('refit fits the T² constants to the measured runs in the engine worker and the charts switch to them', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const file = join(mkdtempSync(join(tmpdir(), 't2-lab-')), 'runs.json');
  writeFileSync(file, syntheticExport());
  await openLab(page);
  await page.getByTestId('lab.import').setInputFiles(file);
  await expect(page.getByTestId('lab.import.note')).toContainText('Imported 6 run');
  await expect(page.getByTestId('chart.frontier.measured').locator('circle')).toHaveCount(6);
  await page.getByTestId('lab.refit').click();
  await expect(page.getByTestId('lab.refit.gate').or(page.getByTestId('lab.refit.error'))).toBeVisible({
    timeout: 90_000,
  });
  // 6 models for stage 1's 5 constants: the fit-quality gate holds the refit back until the user chooses.
  await expect(page.getByTestId('lab.refit.gate')).toContainText(
    '6 checkpoints (N, D) in stage 1 for 5 free constants',
  );
  await expect(page.getByTestId('chart.frontier')).not.toContainText('Your fit (T² Approach 2');
  await page.getByTestId('lab.refit.use-anyway').click();
  await expect(page.getByTestId('lab.refit.done')).toContainText('Refit on 24 points from 6 models');
  await expect(page.getByTestId('chart.frontier')).toContainText('Your fit (T² Approach 2');
  await expect(page).toHaveURL(/[?&]u=2_/);
  await expect(page).toHaveURL(/[?&]m=t2-2/);
});

test('the default run means something: a mid-size model, every task, 20 problems, n = k = 8, its 95 % interval beside the prediction', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const all = (
    JSON.parse(readFileSync('public/models/manifest.json', 'utf8')) as {
      models: { id: string; params: number; suite: string }[];
    }
  ).models;
  const sizes = [...new Set(all.map((m) => m.params))].sort((a, b) => a - b);
  await openLab(page);
  const chosenId = await page.getByTestId('lab.model').inputValue();
  const chosen = all.find((m) => m.id === chosenId)!;
  expect(chosen.params).toBe(sizes[Math.floor((sizes.length - 1) / 2)]);
  expect(chosen.suite).toBe('isoflop');
  await expect(page.getByTestId('lab.problems')).toHaveValue('20');
  await expect(page.getByTestId('lab.samples')).toHaveValue('8');
  await expect(page.getByTestId('lab.k')).toHaveValue('8');
  for (const box of await page.locator('[data-testid^="lab.task."]').all()) await expect(box).toBeChecked();
  await page.getByTestId('lab.backendChoice').selectOption('wasm');
  await page.getByTestId('lab.run').click();
  await expect(page.getByTestId('lab.done')).toContainText('WASM', { timeout: 90_000 });
  const row = page.getByTestId('lab.runrow').filter({ hasText: chosen.id });
  const pass = Number(await row.getByTestId('lab.run.pass').textContent());
  const ci = (await row.getByTestId('lab.run.ci').textContent())!.match(/^\[([\d.e-]+), ([\d.e-]+)\]$/)!;
  expect(Number(ci[1])).toBeLessThanOrEqual(pass);
  expect(Number(ci[2])).toBeGreaterThanOrEqual(pass);
  expect(Number(ci[2]) - Number(ci[1])).toBeLessThan(0.4); // 40 problems: a few tenths, not the whole [0, 1]
  // the shipped macro set predicts a run on every task, and says whether it falls inside the interval
  await expect(row.getByTestId('lab.run.predicted')).toHaveText(/^[\d.]+ \((inside|outside)\)$/);
});

test('a long run keeps the page responsive and Cancel stops it without recording a run', async ({ page }) => {
  test.setTimeout(90_000);
  await openLab(page);
  await page.getByTestId('lab.backendChoice').selectOption('wasm');
  await page.getByTestId('lab.problems').fill('200');
  await page.getByTestId('lab.samples').selectOption('16');
  await page.getByTestId('lab.run').click();
  await expect(page.getByTestId('lab.progress')).toBeVisible({ timeout: 30_000 });
  // The main thread answers within a frame or two while the worker samples.
  for (let i = 0; i < 3; i++) {
    const t0 = Date.now();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(0))));
    expect(Date.now() - t0).toBeLessThan(1000);
  }
  await page.getByTestId('lab.cancel').click();
  await expect(page.getByTestId('lab.cancelled')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('lab.runrow')).toHaveCount(0);
  await expect(page.getByTestId('lab.run')).toBeEnabled();
});

test('a measured run of the charted model is a focusable point on the pass@k chart, listed in its table; others are counted', async ({
  page,
}) => {
  // Two runs in the link: one of the first zoo model (charted: n and d are its N and D), one of a model 10× larger.
  const mine = `${model.params}_${model.tokens}_4_0.375_-`;
  const bigger = `${model.params * 10}_${model.tokens}_8_0.5_-`;
  const app = new ExplorerPage(page);
  await app.open(`?v=1&m=t2-2&n=${model.params}&d=${model.tokens}&lab=${mine}*${bigger}`);
  const chart = page.getByTestId('chart.passk');
  const point = page.getByTestId('chart.passk.lab-0');
  await expect(point).toHaveCount(1);
  await expect(page.getByTestId('chart.passk.lab-1')).toHaveCount(0);
  await expect(point).toHaveAttribute('aria-label', /k = 4 samples; measured pass@k = 37\.5 %/);
  // Drawn inside the plot, and to the right of k = 1 on the log axis.
  const box = (await point.boundingBox())!;
  const svg = (await chart.locator('svg').first().boundingBox())!;
  expect(box.x).toBeGreaterThan(svg.x);
  expect(box.x + box.width).toBeLessThanOrEqual(svg.x + svg.width);
  await point.focus();
  await expect(chart.locator('.chart-tooltip')).toContainText('measured pass@k = 37.5 %');
  await expect(chart.locator('.chart-note')).toContainText('1 lab run not drawn');
  await chart.getByRole('button', { name: 'Show table' }).click();
  await expect(chart.locator('table tr').filter({ hasText: 'measured in the lab' })).toHaveCount(1);
  await expect(chart.locator('table tr').filter({ hasText: 'measured in the lab' })).toContainText('37.5 %');
});
