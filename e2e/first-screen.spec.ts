/**
 * The first screen (issue 13, "the answer at a glance"); one spec for what branches h/first2 (first-screen.spec.ts)
 * and h/first (glance.spec.ts) each tested. At 1280×800, 1280×720 and 390×844, light and dark: the headline answer is
 * the first text of the main region, in plain numbers (no NaN, no raw 5-digit ratio); the detailed readouts fold
 * beneath it (open, after the map); the frontier map's box lies inside the first viewport on desktop (within two screens on a phone); its
 * colour scale has numeric labels; no two contour labels, colour stops or legend entries overlap; the optimum is a ring;
 * an axe scan finds no violations. Then: the lesson card stays inside the viewport on every step of every lesson;
 * big mode's tick labels measure at least 1.5× normal; the skip link; hold=0 in a copied link; "7 B"; Escape.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ExplorerPage } from './pages/explorer';

/** Lesson ids and step counts, read from the lessons file (Node's loader refuses the JSON import of lessons.ts). */
const LESSONS: { id: string; steps: unknown[] }[] = JSON.parse(
  readFileSync(new URL('../src/teaching/lessons.json', import.meta.url), 'utf8'),
).lessons;

const VIEWPORTS = [
  { width: 1280, height: 800, desktop: true },
  { width: 1280, height: 720, desktop: true },
  { width: 390, height: 844, desktop: false },
] as const;

type Box = { x: number; y: number; width: number; height: number; text: string };

/** Boxes of the map's contour labels, its colour stops, and of every legend's entries on the page, group by group. */
async function labelBoxes(page: Page): Promise<Box[][]> {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height, text: el.textContent ?? '' };
    };
    const visible = (b: { width: number; height: number }) => b.width > 0 && b.height > 0;
    const groups = [
      Array.from(document.querySelectorAll('.frontier-contour-label')).map(box).filter(visible),
      Array.from(document.querySelectorAll('.colour-scale__bands li')).map(box).filter(visible),
    ];
    for (const legend of Array.from(document.querySelectorAll('.chart-legend')))
      groups.push(Array.from(legend.children).map(box).filter(visible));
    return groups;
  });
}

function overlapping(boxes: Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const ox = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const oy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (ox > 0.5 && oy > 0.5) out.push(`${a.text} × ${b.text}`);
    }
  return out;
}

/** The first visible, non-blank text node under <main>, and whether it lies in the headline. */
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

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
}

/** Opens the app under the system colour scheme `theme`, which the app follows (prefers-color-scheme). */
async function openIn(page: Page, theme: 'light' | 'dark', query = ''): Promise<ExplorerPage> {
  await page.emulateMedia({ colorScheme: theme });
  const app = new ExplorerPage(page);
  await app.open(query);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  return app;
}

for (const vp of VIEWPORTS) {
  for (const theme of ['light', 'dark'] as const) {
    test(`${vp.width}×${vp.height} ${theme}: headline first, frontier map in view and keyed, no overlapping labels, axe clean`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      await openIn(page, theme);
      const headline = page.getByTestId('app.headline');
      await expect(headline).toBeVisible();
      await expect(headline).toContainText(
        /With these budgets, train N = \S+ parameters on D = \S+ tokens \(D\/N = [\d.,]+[kMBT]?\)/,
      );
      const text = await headline.innerText();
      expect(text).not.toMatch(/NaN|Infinity|undefined/);
      expect(text).not.toMatch(/\d{5,}×/);
      const first = await firstTextOfMain(page);
      expect(first.inHeadline, `first text of main: ${first.text}`).toBe(true);
      // The detailed readouts fold beneath the headline (after the frontier map, so the map makes the first screen).
      const fold = page.getByTestId('results.details');
      await expect(fold).toHaveAttribute('open', '');
      const headBox = (await headline.boundingBox())!;
      expect((await fold.getByTestId('readout.quality').boundingBox())!.y).toBeGreaterThan(
        headBox.y + headBox.height - 1,
      );

      const map = page.getByTestId('chart.frontier');
      await expect(map.locator('.frontier-contour').first()).toBeAttached();
      const scale = page.getByTestId('chart.frontier.colour-scale');
      await expect(scale).toBeVisible();
      const stops = scale.locator('li');
      expect(await stops.count()).toBeGreaterThan(2);
      for (const t of await stops.allTextContents()) expect(t).toMatch(/^[<>≤≥] \d+(\.\d+)? (nats|%)$/);
      await expect(page.getByTestId('chart.frontier.caption')).toContainText('What this shows');
      expect(await map.locator('.chart-legend li').count()).toBeGreaterThan(4);
      // The optimum is a ring, so it stays distinguishable from the design's dot.
      await expect(page.getByTestId('chart.frontier.optimum').locator('path.chart-mark-ring')).toHaveCount(1);

      const box = (await map.boundingBox())!;
      if (vp.desktop) {
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(vp.height);
      } else {
        expect(box.y).toBeLessThan(2 * vp.height);
      }
      for (const group of await labelBoxes(page)) expect(overlapping(group)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}

test('the lesson card stays inside the viewport on every step of every lesson (1280×720 and 390×844)', async ({
  page,
}) => {
  test.setTimeout(240_000);
  for (const vp of [
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ]) {
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
  return page
    .getByTestId('chart.frontier')
    .locator('[data-axis="x"] text')
    .first()
    .evaluate((el) => el.getBoundingClientRect().height);
}

test('presenter big mode scales the charts: tick labels at least 1.5× normal at 1280×720, nothing clipped sideways', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new ExplorerPage(page);
  await app.open();
  const normal = await tickSize(page);
  await app.open('?big=1');
  await expect(page.locator('html')).toHaveAttribute('data-big', '1');
  await expect.poll(() => tickSize(page)).toBeGreaterThanOrEqual(1.5 * normal - 0.5);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  // No text runs out of the controls column (a long source string once did, clipped at the column's edge).
  const sticking = await page.evaluate(() => {
    const column = document.getElementById('controls')!.getBoundingClientRect();
    return [...document.querySelectorAll('#controls p, #controls label, #controls li')]
      .filter((el) => el.getBoundingClientRect().width > 0 && el.scrollWidth > el.clientWidth + 1)
      .concat(
        [...document.querySelectorAll('#controls p')].filter(
          (el) => el.getBoundingClientRect().right > column.right + 1,
        ),
      )
      .map((el) => (el.textContent ?? '').slice(0, 60));
  });
  expect(sticking).toEqual([]);
});

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`the skip link is the first Tab stop and moves focus to the charts, URL unchanged (${viewport.width}×${viewport.height})`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    const app = new ExplorerPage(page);
    await app.open();
    await page.keyboard.press('Tab');
    const link = page.getByTestId('app.skip-link');
    await expect(link).toBeFocused();
    await expect(link).toBeVisible();
    const before = page.url();
    await page.keyboard.press('Enter');
    // Focus lands on the charts (on a phone, whose layout dissolves the charts' box, on their first chart).
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('#charts') !== null)).toBe(true);
    expect(page.url()).toBe(before);
    const box = (await page.locator(':focus').boundingBox())!;
    expect(box.y).toBeLessThan(viewport.height);
    expect(box.y + 40).toBeGreaterThan(0);
  });
}

/** The link the last "Copy link" put in its notice. */
async function copiedLink(app: ExplorerPage): Promise<URL> {
  return new URL((await app.notice('link').locator('li').first().innerText()).trim());
}

test('Hold the budgets travels in a copied link: hold=0 opens it unticked, the address bar drops the key, a held link has none', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new ExplorerPage(page);
  await app.open('?hold=0');
  const box = page.getByTestId('controls.linked');
  await expect(box).not.toBeChecked();
  await expect.poll(() => new URL(page.url()).searchParams.get('hold')).toBeNull();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(app.notice('link')).toBeVisible();
  expect((await copiedLink(app)).searchParams.get('hold')).toBe('0');
  await box.check();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect.poll(async () => (await copiedLink(app)).searchParams.has('hold')).toBe(false);
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

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`the page does not jump when the first answer lands: layout shift below 0.1 (${viewport.width}×${viewport.height})`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.addInitScript(() => {
      const w = window as unknown as { __cls: number };
      w.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
          if (!e.hadRecentInput) w.__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const app = new ExplorerPage(page);
    await app.open();
    await page.waitForTimeout(500); // the charts' measured widths settle after the first result
    // Before the answer kept its room the first result moved the whole page (cumulative layout shift ≈ 0.6).
    expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBeLessThan(0.1);
  });
}
