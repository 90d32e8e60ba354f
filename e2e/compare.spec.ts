/**
 * Issue 13, item 5 in a real browser: pin the current scenario as A, move to B, and see both on the charts and in a
 * difference table; the link carries both (`cmp`); a swap, an unpin, back/forward, a bad `cmp` value; and the lesson
 * step that opens Wu et al.'s Llemma-34B sampling against Llemma-7B as a comparison.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/explorer';

test('pin A, move to B: every design chart marks A, the table differs, the link carries both', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new ExplorerPage(page);
  await app.open('?v=1&m=t2-2');
  await expect(page.getByTestId('compare.table')).toHaveCount(0);
  await page.getByTestId('compare.pin').click();
  await app.waitForResults();
  await expect(page.getByTestId('compare.table')).toBeVisible();
  await expect(page.getByTestId('compare.summary')).toContainText('quality same; lifetime compute same');
  expect(app.query().get('cmp')).toMatch(/^v_1\*m_t2-2/);

  // B: a 4× larger model on the same budgets (hold the budgets: D and k follow)
  await app.field('Parameters (N)').fill('400M');
  await app.field('Parameters (N)').press('Enter');
  await app.waitForResults();
  const table = page.getByTestId('compare.table');
  await expect(table.locator('tr[data-row="params"] td').nth(0)).toHaveText('100M');
  await expect(table.locator('tr[data-row="params"] td').nth(1)).toHaveText('400M');
  await expect(table.locator('tr[data-row="params"] td').nth(2)).toHaveText('4.0× larger');
  await expect(table.locator('tr[data-row="quality"] td').nth(2)).toContainText(/points, (better|worse)|same/);
  await expect(table.locator('tr[data-row="totalCost"] td').nth(0)).toContainText('$');
  await expect(table).not.toContainText('NaN');
  // what A and B share is said once above the table, not as rows
  await expect(page.getByTestId('compare.shared')).toContainText('T² Approach 2');
  await expect(table.locator('tr[data-row="model"]')).toHaveCount(0);

  for (const id of [
    'chart.frontier.pinned',
    'chart.tokens-per-param.pinned',
    'chart.isoflop.pinned',
    'chart.passk.pinned',
  ])
    await expect(page.getByTestId(id), id).toHaveCount(1);
  await expect(page.getByTestId('chart.frontier.legend')).toContainText('A: the pinned scenario');
  // Both designs spend both budgets, so A and B share a point on the map: they are drawn apart, never on top
  const a = (await page.getByTestId('chart.frontier.pinned').locator('path').first().boundingBox())!;
  const b = (await page.getByTestId('chart.frontier.design').locator('path').first().boundingBox())!;
  const apart = Math.hypot(a.x + a.width / 2 - (b.x + b.width / 2), a.y + a.height / 2 - (b.y + b.height / 2));
  // A is moved out (a leader line to its true point), clear of B's dot
  await expect(page.getByTestId('chart.frontier.pinned')).toHaveAttribute('data-moved', 'true');
  expect(apart).toBeGreaterThanOrEqual(0.75 * ((a.width + b.width) / 2));

  // the link opens both in a fresh page
  const link = page.url();
  const fresh = new ExplorerPage(await page.context().newPage());
  await fresh.page.goto(link);
  await fresh.waitForResults();
  await expect(fresh.page.getByTestId('compare.table').locator('tr[data-row="params"] td').nth(2)).toHaveText(
    '4.0× larger',
  );
  await fresh.page.close();

  // swap: B becomes A and A the current scenario; back undoes the swap
  await page.getByTestId('compare.swap').click();
  await app.waitForResults();
  await expect(app.field('Parameters (N)')).toHaveValue('100M');
  await expect(table.locator('tr[data-row="params"] td').nth(2)).toHaveText('4.0× smaller');
  await page.goBack();
  await app.waitForResults();
  await expect(app.field('Parameters (N)')).toHaveValue('400M');
  await expect(table.locator('tr[data-row="params"] td').nth(2)).toHaveText('4.0× larger');

  // unpin: the marks and the key go
  await page.getByTestId('compare.unpin').click();
  await app.waitForResults();
  await expect(page.getByTestId('compare.table')).toHaveCount(0);
  await expect(page.getByTestId('chart.frontier.pinned')).toHaveCount(0);
  expect(app.query().get('cmp')).toBeNull();
});

test('A under another quality measure: the table says not comparable, the quality charts say why A is absent', async ({
  page,
}) => {
  const app = new ExplorerPage(page);
  await app.open('?v=1&m=t2-2&cmp=v_1*m_chinchilla*n_1e9');
  await expect(page.getByTestId('compare.table').locator('tr[data-row="quality"] td').nth(2)).toContainText(
    'not comparable',
  );
  await expect(page.getByTestId('compare.table').locator('tr[data-row="model"] td').nth(2)).toHaveText('differs');
  await expect(page.getByTestId('chart.frontier.pinned')).toHaveCount(1);
  await expect(page.getByTestId('chart.isoflop.pinned')).toHaveCount(0);
  await expect(page.getByTestId('chart.isoflop')).toContainText('A is not drawn here');
});

test('a bad cmp value is named in the notice and the rest of the link loads', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open('?v=1&n=7e8&cmp=v_1*n_abc*k_4');
  await expect(app.notice('url')).toContainText('cmp (scenario A)');
  await expect(app.field('Parameters (N)')).toHaveValue('700M');
  await expect(page.getByTestId('compare.table').locator('tr[data-row="samples"] td').nth(0)).toHaveText('4');

  const broken = new ExplorerPage(await page.context().newPage());
  await broken.open('?v=1&n=7e8&cmp=nonsense');
  await expect(broken.notice('url')).toContainText('nothing is pinned');
  await expect(broken.page.getByTestId('compare.table')).toHaveCount(0);
  await expect(broken.field('Parameters (N)')).toHaveValue('700M');
});

test("the lesson step opens Wu et al.'s comparison: Llemma-34B sampling as A, the 7B model as B", async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open('?lesson=sampling&step=5');
  await expect(page.getByTestId('lesson.card')).toContainText('This step opens the comparison');
  await expect(page.getByTestId('compare.summary')).toContainText('A: Llemma-34B with sampling, 64 samples');
  const row = (id: string) => page.getByTestId('compare.table').locator(`tr[data-row="${id}"] td`);
  await expect(row('params').nth(0)).toHaveText('34B');
  await expect(row('params').nth(1)).toHaveText('7B');
  await expect(row('samples').nth(0)).toHaveText('64');
  await expect(row('samples').nth(1)).toHaveText('32');
  // 2Nk: 34e9·64 against 7e9·32 is 9.7× less inference compute for B
  await expect(row('inferenceFlops').nth(2)).toHaveText('9.7× less');
  expect(app.query().get('cmp')).toContain('n_3.4e10');
});

test('the comparison passes an axe scan in light and dark, and its controls work from the keyboard', async ({
  page,
}) => {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    const app = new ExplorerPage(page);
    await app.open('?v=1&m=t2-2&n=4e8&cmp=v_1*m_t2-2');
    await expect(page.getByTestId('compare.table')).toBeVisible();
    const result = await new AxeBuilder({ page })
      .include('[data-testid="compare"]')
      .include('[data-testid="chart.frontier"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  }
  // Unpin with the keyboard: focus the button, press Enter; the table goes, focus stays on the panel's first button.
  await page.getByTestId('compare.unpin').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('compare.table')).toHaveCount(0);
  await expect(page.getByTestId('compare.pin')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('compare.table')).toBeVisible();
});
