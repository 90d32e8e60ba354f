/**
 * Issue 6 in a real browser: presets in one click and in the URL, a lesson walked through by keyboard, presenter
 * links, every export downloaded and parsed, offline reload through the service worker, an axe scan, and keyboard
 * reachability with visible focus.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseBibtex } from '../src/export/bibtex-parse';
import { TIDY_HEADER, parseCsv } from '../src/export/csv-logic';
import { pngSize } from '../src/export/png-logic';
import { ExplorerPage } from './pages/explorer';

/** The lessons as shipped (read as data: Playwright's loader does not take JSON module imports). */
const LESSONS = (
  JSON.parse(readFileSync(new URL('../src/teaching/lessons.json', import.meta.url), 'utf8')) as {
    lessons: { id: string; steps: { highlight: string }[] }[];
  }
).lessons;

async function text(download: Download): Promise<string> {
  return readFile(await download.path(), 'utf8');
}

async function exportFile(page: Page, testId: string): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return download;
}

test.describe('presets', () => {
  test('load in one click, live in the URL, cite their source and say when the law extrapolates', async ({ page }) => {
    const app = new ExplorerPage(page);
    await app.open();
    await page.getByRole('button', { name: 'Presets' }).click();
    await page.getByTestId('preset.llama3-8b').click();
    await app.waitForResults();
    const q = app.query();
    expect(q.get('preset')).toBe('llama3-8b');
    expect(Number(q.get('n'))).toBe(8e9);
    expect(Number(q.get('d'))).toBe(1.5e13);
    await expect(app.field('Parameters (N)')).toHaveValue('8B');
    await expect(app.field('Training tokens (D)')).toHaveValue('15T');
    await expect(page.getByTestId('preset.source')).toContainText('arXiv:2407.21783');
    await expect(page.getByTestId('preset.range-note')).toContainText('D = 15T is above 500B');

    // The link alone reproduces it in a fresh page.
    const other = new ExplorerPage(await page.context().newPage());
    await other.page.goto(page.url());
    await other.waitForResults();
    await expect(other.page.getByTestId('preset.card')).toContainText('Llama 3 8 B / 15 T');
    expect(await other.readouts()).toEqual(await app.readouts());

    // Moving a control leaves the preset: the card and the key go.
    await app.field('Parameters (N)').fill('3B');
    await app.field('Parameters (N)').press('Enter');
    await expect(page.getByTestId('preset.card')).toHaveCount(0);
    expect(app.query().has('preset')).toBe(false);
  });

  test('a hand-written preset link loads that preset', async ({ page }) => {
    const app = new ExplorerPage(page);
    await app.open('?preset=sardana');
    await expect(app.field('Parameters (N)')).toHaveValue('70B');
    await expect(app.field('Tokens served')).toHaveValue('2T');
    await expect(page.getByTestId('controls.model')).toHaveValue('lifetime');
    await expect(page.getByTestId('preset.card')).toContainText('95.22 %');
  });
});

test('a lesson walked through by keyboard: each step its own URL and highlight', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  const lessons = page.getByRole('button', { name: 'Lessons' });
  await lessons.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('lesson.start.overtrain').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lesson.progress')).toHaveText('Step 1 of 5');
  await expect.poll(() => app.query().get('step')).toBe('1');
  await expect(page.locator('[data-lesson-highlight="readout.tokens-per-param"]')).toHaveCount(1);
  await expect(app.field('Parameters (N)')).toHaveValue('70B');

  await page.locator('body').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('lesson.progress')).toHaveText('Step 2 of 5');
  expect(app.query().get('lesson')).toBe('overtrain');
  expect(app.query().get('step')).toBe('2');
  await expect(app.field('Training tokens (D)')).toHaveValue('15T');
  await expect(page.locator('[data-lesson-highlight]')).toHaveAttribute('data-lesson-highlight', 'controls.tokens');

  await page.keyboard.press('n');
  await expect(page.getByTestId('lesson.progress')).toHaveText('Step 3 of 5');
  await expect(page.locator('[data-lesson-highlight]')).toHaveAttribute(
    'data-lesson-highlight',
    'controls.tokens-served',
  );
  await page.keyboard.press('p');
  await expect(page.getByTestId('lesson.progress')).toHaveText('Step 2 of 5');

  // Keys typed into a field belong to the field.
  await app.field('Parameters (N)').focus();
  await page.keyboard.press('n');
  await expect(page.getByTestId('lesson.progress')).toHaveText('Step 2 of 5');
  await app.field('Parameters (N)').press('Escape');

  // Each step is its own history entry and link.
  // Each move is its own history entry: 1 → 2 → 3 → 2 (p); back returns to step 3, then to step 2.
  await page.goBack();
  await expect(page.getByTestId('lesson.progress')).toHaveText('Step 3 of 5');
  await page.goBack();
  await expect(page.getByTestId('lesson.progress')).toHaveText('Step 2 of 5');
  await expect(app.field('Training tokens (D)')).toHaveValue('15T');
  const fresh = new ExplorerPage(await page.context().newPage());
  await fresh.open('?lesson=overtrain&step=3');
  await expect(fresh.page.getByTestId('lesson.progress')).toHaveText('Step 3 of 5');
  await expect(fresh.field('Tokens served')).toHaveValue('2T');
});

test('every lesson step loads and highlights an element that is on the page', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new ExplorerPage(page);
  for (const lesson of LESSONS) {
    await app.open(`?lesson=${lesson.id}&step=1`);
    for (let i = 0; i < lesson.steps.length; i++) {
      await expect(page.getByTestId('lesson.progress')).toHaveText(`Step ${i + 1} of ${lesson.steps.length}`);
      await app.waitForResults();
      await expect(
        page.locator(`[data-lesson-highlight="${lesson.steps[i]!.highlight}"]`),
        `${lesson.id} step ${i + 1}`,
      ).toHaveCount(1);
      await expect(page.getByTestId('results.error')).toHaveCount(0);
      if (i < lesson.steps.length - 1) await page.getByTestId('lesson.next').click();
    }
    await expect(page.getByTestId('lesson.next')).toBeDisabled();
  }
});

test('a presenter link hides and locks controls and enlarges text; the builder writes such links', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open('?v=1&n=7e9');
  const normalSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  await page.getByRole('button', { name: 'Presenter link' }).click();
  await page.getByTestId('presenter.hide.tokens').check();
  await page.getByTestId('presenter.hide.samples').check();
  await page.getByTestId('presenter.lock.n').check();
  await page.getByTestId('presenter.big').check();
  const link = await page.getByTestId('presenter.link').inputValue();
  const url = new URL(link);
  expect(url.searchParams.get('hide')).toBe('tokens,samples');
  expect(url.searchParams.get('lock')).toBe('n');
  expect(url.searchParams.get('big')).toBe('1');
  expect(url.searchParams.get('n')).toBe('7e9');

  const audience = new ExplorerPage(await page.context().newPage());
  await audience.page.goto(link);
  await audience.waitForResults();
  await expect(audience.slider('Training tokens (D)')).toHaveCount(0);
  await expect(audience.slider('Samples per question (k)')).toHaveCount(0);
  await expect(audience.slider('Parameters (N)')).toBeDisabled();
  await expect(audience.field('Parameters (N)')).toBeDisabled();
  await expect(audience.field('Parameters (N)')).toHaveValue('7B');
  await expect(audience.slider('Training budget (FLOPs)')).toBeEnabled();
  const bigSize = await audience.page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(bigSize).toBeGreaterThan(normalSize * 1.2);
  await expect(audience.notice('url')).toHaveCount(0);
});

test('a preset clicked under a presenter link keeps the locked value and names it in a notice', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open('?v=1&n=7e9&lock=n');
  await expect(app.field('Parameters (N)')).toBeDisabled();
  await page.getByRole('button', { name: 'Presets' }).click();
  await page.getByTestId('preset.chinchilla').click();
  await app.waitForResults();
  // The preset's other values load (model, D); the locked N stays 7B in the field and the URL.
  await expect(page.getByTestId('controls.model')).toHaveValue('chinchilla');
  await expect(app.field('Training tokens (D)')).toHaveValue('1.4T');
  await expect(app.field('Parameters (N)')).toHaveValue('7B');
  expect(app.query().get('n')).toBe('7e9');
  expect(app.query().get('lock')).toBe('n');
  await expect(page.getByTestId('notice.presenter')).toBeVisible();
  await expect(page.getByTestId('notice.presenter')).toContainText('Parameters (N) = 7B');
});

test.describe('exports', () => {
  test.beforeEach(async ({ page }) => {
    const app = new ExplorerPage(page);
    await app.open('?preset=chinchilla');
    await page.getByTestId('export.toggle').click();
  });

  test('chart SVG: well-formed, themed, captioned with scenario, constants and source', async ({ page }) => {
    await page.getByTestId('export.chart').selectOption('chart.isoflop');
    const download = await exportFile(page, 'export.svg');
    expect(download.suggestedFilename()).toBe('t2-explorer-isoflop.svg');
    const svg = await text(download);
    const live = await page.evaluate(() => {
      const path = document.querySelector('[data-testid="chart.isoflop"] .chart-plot > svg path');
      return {
        bg: getComputedStyle(document.documentElement).getPropertyValue('--bg').trim(),
        stroke: path ? getComputedStyle(path).stroke : null,
      };
    });
    const parsed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      const error = doc.querySelector('parsererror');
      const caption = Array.from(doc.querySelectorAll('g.caption text'))
        .map((t) => t.textContent)
        .join(' ');
      return {
        error: error?.textContent ?? null,
        root: doc.documentElement.localName,
        caption,
        style: doc.querySelector('style')?.textContent ?? '',
        strokes: Array.from(doc.querySelectorAll('g.chart [style*="stroke:"]')).map((e) =>
          /stroke:\s*([^;]+)/.exec(e.getAttribute('style') ?? '')?.[1]?.trim(),
        ),
        paths: doc.querySelectorAll('g.chart path').length,
      };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.paths).toBeGreaterThan(0);
    expect(parsed.caption).toContain('Chinchilla loss only');
    expect(parsed.caption).toContain('N = 70B');
    expect(parsed.caption).toContain('Hoffmann et al. (unrounded)');
    expect(parsed.caption).toContain('arXiv:2203.15556');
    expect(parsed.style).toContain(`--bg:${live.bg}`);
    if (live.stroke) expect(parsed.strokes).toContain(live.stroke);
  });

  test('chart SVG in the dark theme carries the dark background', async ({ page }) => {
    await page.getByTestId('export.toggle').click();
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.getByTestId('export.toggle').click();
    const svg = await text(await exportFile(page, 'export.svg'));
    const fill = await page.evaluate(
      (source) => new DOMParser().parseFromString(source, 'image/svg+xml').querySelector('rect')?.getAttribute('fill'),
      svg,
    );
    const darkBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(fill).toBe(darkBg);
    expect(fill).not.toBe('rgb(255, 255, 255)');
  });

  test('chart PNG: a real PNG at twice the chart size', async ({ page }) => {
    await page.getByTestId('export.chart').selectOption('chart.frontier');
    const download = await exportFile(page, 'export.png');
    expect(download.suggestedFilename()).toBe('t2-explorer-frontier.png');
    const size = pngSize(new Uint8Array(await readFile(await download.path())));
    const box = await page.evaluate(
      () =>
        (document.querySelector('[data-testid="chart.frontier"] .chart-plot > svg') as SVGSVGElement).viewBox.baseVal
          .width,
    );
    expect(size.width).toBe(Math.round(box * 2));
    expect(size.height).toBeGreaterThan(100);
  });

  test('chart table CSV equals the chart’s data table', async ({ page }) => {
    await page.getByTestId('export.chart').selectOption('chart.isoflop');
    const rows = parseCsv(await text(await exportFile(page, 'export.chart-csv')));
    await page.getByTestId('export.toggle').click();
    await page.getByTestId('chart.isoflop').getByRole('button', { name: 'Show table' }).click();
    const table = await page.evaluate(() => {
      const t = document.querySelector('[data-testid="chart.isoflop"] .chart-table-wrap table') as HTMLTableElement;
      return Array.from(t.querySelectorAll('tr')).map((r) =>
        Array.from(r.querySelectorAll('th, td')).map((c) => c.textContent?.trim() ?? ''),
      );
    });
    expect(rows).toEqual(table);
    expect(rows.length).toBeGreaterThan(1);
  });

  test('scenario + data CSV and JSON hold the exact scenario and every chart', async ({ page }) => {
    const csv = parseCsv(await text(await exportFile(page, 'export.csv')));
    expect(csv[0]).toEqual([...TIDY_HEADER]);
    const value = (label: string) => csv.find((r) => r[0] === 'scenario' && r[1] === label && r[2] === 'value')?.[3];
    expect(Number(value('Parameters (N)'))).toBe(7e10);
    expect(Number(value('Training tokens (D)'))).toBe(1.4e12);
    expect(csv.find((r) => r[0] === 'constants' && r[2] === 'source')?.[3]).toContain('arXiv:2203.15556');
    const chartIds = new Set(csv.filter((r) => r[0]!.startsWith('chart.')).map((r) => r[0]));
    // Chinchilla-only scenario: pass@k has no curve, every other chart has data.
    expect([...chartIds].sort()).toEqual(['chart.epoch', 'chart.frontier', 'chart.isoflop', 'chart.tokens-per-param']);

    const json = JSON.parse(await text(await exportFile(page, 'export.json')));
    expect(json.format).toBe('t2-explorer-export');
    expect(json.scenario.params).toBe(7e10);
    expect(json.scenario.qualityModel).toBe('chinchilla');
    expect(json.preset.id).toBe('chinchilla');
    expect(json.rangeNote).toContain('Outside the fitted range');
    expect(json.charts.map((c: { id: string }) => c.id).sort()).toEqual([
      'chart.epoch',
      'chart.frontier',
      'chart.isoflop',
      'chart.passk',
      'chart.tokens-per-param',
    ]);
    for (const c of json.charts) expect(c.columns.length).toBeGreaterThan(0);
    expect(json.charts.find((c: { id: string }) => c.id === 'chart.isoflop').rows.length).toBeGreaterThan(3);
    expect(json.papers).toContain('hoffmann2022');
  });

  test('BibTeX lists the papers behind the view', async ({ page }) => {
    const entries = parseBibtex(await text(await exportFile(page, 'export.bibtex')));
    const keys = entries.map((e) => e.key);
    expect(keys).toContain('hoffmann2022');
    expect(keys).toContain('villalobos2023'); // the Epoch chart is on screen
    expect(keys).not.toContain('wu2024');
    const hoffmann = entries.find((e) => e.key === 'hoffmann2022')!;
    expect(hoffmann.fields.eprint).toBe('2203.15556');
    expect(hoffmann.fields.title).toContain('Training Compute-Optimal Large Language Models');
  });
});

test('offline: after one visit the app and a fetched model reload with the network off', async ({ page, context }) => {
  const app = new ExplorerPage(page);
  await app.open('?preset=gpt3');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // No second online load: the worker claims the page it was installed from (see e2e/offline.spec.ts).
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const modelBytes = await page.evaluate(async () => {
    const manifest = await (await fetch('models/manifest.json')).json();
    const file = (manifest.models?.[0]?.file ?? manifest.models?.[0]?.path ?? 'n29k-d139k-s0.onnx') as string;
    const res = await fetch(`models/${file.replace(/^models\//, '')}`);
    return { file, size: (await res.arrayBuffer()).byteLength };
  });
  expect(modelBytes.size).toBeGreaterThan(0);
  const expected = await app.readouts();

  await context.setOffline(true);
  await page.reload();
  await app.waitForResults();
  expect(await app.readouts()).toEqual(expected);
  await expect(page.getByTestId('chart.frontier')).toBeVisible();
  const offlineModel = await page.evaluate(
    async (file) => (await (await fetch(`models/${file.replace(/^models\//, '')}`)).arrayBuffer()).byteLength,
    modelBytes.file,
  );
  expect(offlineModel).toBe(modelBytes.size);
  await context.setOffline(false);
});

test.describe('accessibility', () => {
  async function seriousViolations(page: Page) {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ')}`,
      );
  }

  test('axe finds no serious or critical violations in the main views', async ({ page }) => {
    const app = new ExplorerPage(page);
    await app.open();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Show table' }).first().click();
    await page.getByTestId('export.toggle').click();
    expect(await seriousViolations(page)).toEqual([]);
    await app.open('?lesson=frontier&step=2&preset=chinchilla');
    await page.getByRole('button', { name: 'Presets' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.getByRole('button', { name: 'Presenter link' }).click();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('everything is reachable by Tab with a visible focus indicator', async ({ page }) => {
    const app = new ExplorerPage(page);
    await app.open();
    const reached = new Set<string>();
    const invisible: string[] = [];
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const cs = getComputedStyle(el);
        // Chart marks show focus by a thicker stroke in the text colour (src/charts/charts.css), not an outline.
        const markPath = el.classList.contains('chart-mark') ? el.querySelector('path') : null;
        const markFocus = markPath !== null && getComputedStyle(markPath).strokeWidth === '2.5px';
        const visible =
          (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none' || markFocus;
        const name =
          el.getAttribute('data-testid') ??
          el.getAttribute('aria-label') ??
          el.textContent?.trim().slice(0, 40) ??
          el.tagName;
        return { name, visible, focusVisible: el.matches(':focus-visible') };
      });
      if (!info) continue;
      reached.add(info.name);
      if (!info.visible || !info.focusVisible) invisible.push(info.name);
    }
    for (const id of [
      'teaching.presets',
      'teaching.lessons',
      'export.toggle',
      'controls.model',
      'controls.params',
      'controls.params.value',
      'controls.tokens-served',
    ]) {
      expect([...reached], id).toContain(id);
    }
    expect([...reached].some((n) => n === 'Show table')).toBe(true);
    expect(invisible).toEqual([]);
  });
});
