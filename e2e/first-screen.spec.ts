/**
 * The first screen (issue 13) at 1280×800 and 390×844: the headline answer is the first text of the main region and
 * has no NaN; the frontier map's colour legend carries numeric labels; the skip link is the first Tab stop and moves
 * focus to the charts; the map's legend entries and colour stops do not overlap; an axe scan finds no violations.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ExplorerPage } from './pages/explorer';

/** The first visible, non-blank text node under <main>, and the test id of its closest [data-testid] ancestor chain. */
async function firstTextOfMain(page: Page): Promise<{ text: string; inHeadline: boolean }> {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    if (!main) return { text: '', inHeadline: false };
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const el = n.parentElement;
      if (!text || !el || el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      return { text, inHeadline: el.closest('[data-testid="app.headline"]') !== null };
    }
    return { text: '', inHeadline: false };
  });
}

type Box = { x: number; y: number; width: number; height: number };
function overlaps(a: Box, b: Box): boolean {
  const e = 0.5; // sub-pixel rounding
  return a.x + a.width > b.x + e && b.x + b.width > a.x + e && a.y + a.height > b.y + e && b.y + b.height > a.y + e;
}

for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test.describe(`first screen at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('the headline answer is the first text of main and reads in plain numbers', async ({ page }) => {
      const app = new ExplorerPage(page);
      await app.open();
      const headline = page.getByTestId('app.headline');
      await expect(headline).toBeVisible();
      await expect(headline).toContainText('With these budgets, train N = ');
      const first = await firstTextOfMain(page);
      expect(first.inHeadline, `first text of main: ${first.text}`).toBe(true);
      const text = await headline.innerText();
      expect(text).not.toMatch(/NaN|Infinity|undefined/);
      expect(text).not.toMatch(/\d{5,}×/);
      expect(text).toMatch(/D\/N = [\d.,]+/);
      // The readouts fold beneath it, still there.
      await expect(page.getByTestId('results.details')).toHaveAttribute('open', '');
      const hBox = (await headline.boundingBox())!;
      const rBox = (await page.getByTestId('readout.quality').boundingBox())!;
      expect(rBox.y).toBeGreaterThan(hBox.y + hBox.height - 1);
    });

    test('the frontier map has a colour scale with numeric labels, and its legend entries do not overlap', async ({ page }) => {
      const app = new ExplorerPage(page);
      await app.open();
      const scale = page.getByTestId('chart.frontier.colour-scale');
      await expect(scale).toBeVisible();
      // The charts are content-visibility: auto (charts.css): bring the map into view so its layout is real.
      await page.getByTestId('chart.frontier').scrollIntoViewIfNeeded();
      const stops = scale.locator('li');
      expect(await stops.count()).toBeGreaterThan(2);
      for (const t of await stops.allTextContents()) expect(t).toMatch(/^[<>≤≥] \d+(\.\d+)? (nats|%)$/);
      await expect(page.getByTestId('chart.frontier.caption')).toContainText('What this shows');
      const legend = page.getByTestId('chart.frontier').locator('.chart-legend li, .chart-colour-scale li');
      const boxes = (await Promise.all((await legend.all()).map((l) => l.boundingBox()))).filter((b): b is Box => b !== null);
      expect(boxes.length).toBeGreaterThan(5);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!), `legend entries ${i} and ${j} overlap`).toBe(false);
      }
      // The optimum is a ring around the design's dot: both stay visible when they coincide.
      await expect(page.getByTestId('chart.frontier.optimum').locator('path.chart-mark-ring')).toHaveCount(1);
    });

    test('the skip link is the first Tab stop and moves focus to the charts', async ({ page }) => {
      const app = new ExplorerPage(page);
      await app.open();
      await page.keyboard.press('Tab');
      await expect(page.getByTestId('app.skip-link')).toBeFocused();
      await expect(page.getByTestId('app.skip-link')).toBeVisible();
      const before = page.url();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('charts');
      expect(page.url()).toBe(before);
      const box = (await page.locator('#charts').boundingBox())!;
      expect(box.y).toBeLessThan(viewport.height);
      expect(box.y + 40).toBeGreaterThan(0);
    });

    test('axe finds no violations on the first screen', async ({ page }) => {
      const app = new ExplorerPage(page);
      await app.open();
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
    });
  });
}
