/**
 * Issue 13, "the answer at a glance": at 1280×800, 1280×720 and 390×844, light and dark — the headline is the first
 * text of the main region; the frontier map's box lies inside the first viewport on desktop (within two screens on a
 * phone); no two contour labels or legend entries overlap; an axe scan. Then: the lesson card stays inside the
 * viewport on every step of every lesson; big mode's tick labels measure at least 1.5× normal; the skip link; hold=0.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ExplorerPage } from './pages/explorer';

/** Lesson ids and step counts, read from the lessons file (Node's loader refuses the JSON import of lessons.ts). */
const LESSONS: { id: string; steps: unknown[] }[] = JSON.parse(readFileSync(new URL('../src/teaching/lessons.json', import.meta.url), 'utf8')).lessons;

const VIEWPORTS = [
  { width: 1280, height: 800, desktop: true },
  { width: 1280, height: 720, desktop: true },
  { width: 390, height: 844, desktop: false },
] as const;

type Box = { x: number; y: number; width: number; height: number; text: string };

/** Boxes of the map's contour labels and of every legend entry on the page, by their text. */
async function labelBoxes(page: Page): Promise<Box[][]> {
  return page.evaluate(() => {
    const boxes = (sel: string) => Array.from(document.querySelectorAll(sel)).map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height, text: el.textContent ?? '' };
    }).filter((b) => b.width > 0 && b.height > 0);
    const groups = [boxes('.frontier-contour-label'), boxes('.colour-scale__bands li')];
    for (const legend of Array.from(document.querySelectorAll('.chart-legend'))) {
      groups.push(Array.from(legend.children).map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height, text: el.textContent ?? '' };
      }));
    }
    return groups;
  });
}

function overlapping(boxes: Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i]!; const b = boxes[j]!;
    const ox = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
    const oy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
    if (ox > 0.5 && oy > 0.5) out.push(`${a.text} × ${b.text}`);
  }
  return out;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

for (const vp of VIEWPORTS) {
  for (const theme of ['light', 'dark'] as const) {
    test(`${vp.width}×${vp.height} ${theme}: headline first, frontier map in view, no overlapping labels, axe clean`, async ({ page }) => {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      await page.emulateMedia({ colorScheme: theme });
      const app = new ExplorerPage(page);
      await app.open();
      if ((await page.locator('html').getAttribute('data-theme')) !== theme) {
        await page.getByRole('button', { name: theme === 'dark' ? 'Dark theme' : 'Light theme' }).click();
      }
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const headline = page.getByTestId('app.headline');
      await expect(headline).toContainText(/At these budgets, train N = \S+ parameters on D = \S+ tokens \(D\/N = \S+\)/);
      await expect(headline).not.toContainText(/NaN|\d{5,}×/);
      // The first text of the main region is the headline's.
      const first = await page.evaluate(() => {
        const main = document.querySelector('main')!;
        const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.textContent ?? '').trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP });
        const node = walker.nextNode();
        return node?.parentElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null;
      });
      expect(first).toBe('app.headline');
      const map = page.getByTestId('chart.frontier');
      await expect(map.locator('.frontier-contour').first()).toBeAttached();
      await expect(page.getByTestId('chart.frontier.colour-scale')).toBeVisible();
      const box = (await map.boundingBox())!;
      if (vp.desktop) {
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(vp.height);
      } else {
        expect(box.y).toBeLessThan(2 * vp.height);
      }
      for (const group of await labelBoxes(page)) expect(overlapping(group)).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
}

test('the lesson card stays inside the viewport on every step of every lesson (1280×720 and 390×844)', async ({ page }) => {
  test.setTimeout(180_000);
  for (const vp of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(vp);
    for (const lesson of LESSONS) {
      for (let step = 1; step <= lesson.steps.length; step++) {
        await page.goto(`./?lesson=${lesson.id}&step=${step}`);
        const card = page.getByTestId('lesson.card');
        await expect(card).toBeVisible();
        await expect(page.getByTestId('lesson')).toHaveAttribute('data-step', String(step));
        await page.waitForTimeout(400); // the highlight's smooth scroll
        const b = (await card.boundingBox())!;
        expect(b.y, `${lesson.id} step ${step} at ${vp.width}`).toBeGreaterThanOrEqual(-1);
        expect(b.y + b.height, `${lesson.id} step ${step} at ${vp.width}`).toBeLessThanOrEqual(vp.height + 1);
      }
    }
  }
});

async function tickSize(page: Page): Promise<number> {
  return page.getByTestId('chart.frontier').locator('[data-axis="x"] text').first().evaluate((el) => el.getBoundingClientRect().height);
}

test('presenter big mode scales the charts: tick labels at least 1.5× normal at 1280×720, nothing clipped sideways', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new ExplorerPage(page);
  await app.open();
  const normal = await tickSize(page);
  await app.open('?big=1');
  await expect(page.locator('html')).toHaveAttribute('data-big', '1');
  await expect.poll(() => tickSize(page)).toBeGreaterThanOrEqual(1.5 * normal - 0.5);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the skip link is the first Tab stop and moves focus to the charts', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  await page.keyboard.press('Tab');
  const link = page.getByTestId('app.skip-link');
  await expect(link).toBeFocused();
  await expect(link).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('#charts')).toBeFocused();
});

test('Hold the budgets travels in the URL: hold=0 unticks it, ticking it again drops the key', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open('?hold=0');
  const box = page.getByTestId('controls.linked');
  await expect(box).not.toBeChecked();
  await box.check();
  await expect.poll(() => new URL(page.url()).searchParams.get('hold')).toBeNull();
  await box.uncheck();
  await expect.poll(() => new URL(page.url()).searchParams.get('hold')).toBe('0');
  await page.reload();
  await expect(page.getByTestId('controls.linked')).not.toBeChecked();
});

test('"7 B" typed with a space is read as 7e9', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  const field = app.field('Parameters (N)');
  await field.fill('7 B');
  await field.press('Enter');
  await expect(field).toHaveValue('7B');
});

test('Escape closes the Lessons menu and returns focus to its button', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  const button = page.getByTestId('teaching.lessons');
  await button.click();
  await page.getByTestId('lessons').locator('button').first().focus();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('lessons')).toHaveCount(0);
  await expect(button).toBeFocused();
});
