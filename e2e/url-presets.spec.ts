/**
 * Issue 11, item 9, in a real browser: loading a preset keeps the model lab's measured runs on the charts and in the
 * link (key `lab`), for every kind of preset, the testbed one included; a lesson step too.
 */
import { expect, test, type Page } from '@playwright/test';
import { ExplorerPage } from './pages/explorer';

/** Three measured runs of zoo-sized models, as the lab writes them (N_D_k_pass@k_NLL). */
const LAB = '8192_274000_4_0.375_1.5*28672_1e6_16_0.5_-*139264_5e6_1_0.25_2.25';

async function pickPreset(page: Page, id: string): Promise<void> {
  const button = page.getByTestId(`preset.${id}`);
  if (!(await button.isVisible())) await page.getByRole('button', { name: 'Presets' }).click();
  await button.click();
}

test('presets keep the lab runs from a lab= link on the frontier map and in the URL', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open(`?v=1&m=t2-2&lab=${LAB}`);
  const dots = page.getByTestId('chart.frontier.measured').locator('circle');
  await expect(dots).toHaveCount(3);
  for (const id of ['testbed', 'chinchilla', 't2-table1', 'sardana', 'testbed']) {
    await pickPreset(page, id);
    await app.waitForResults();
    await expect.poll(() => app.query().get('preset')).toBe(id);
    expect(app.query().get('lab'), id).toBe(LAB);
    await expect(dots, id).toHaveCount(3);
    await expect(page.getByTestId('preset.card')).toBeVisible();
  }
  // Back through the history: each entry still has the runs.
  await page.goBack();
  await app.waitForResults();
  expect(app.query().get('lab')).toBe(LAB);
  await expect(dots).toHaveCount(3);
});

test('a preset link carrying lab runs loads the preset with the runs', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open(`?preset=testbed&lab=${LAB}`);
  await expect(page.getByTestId('preset.card')).toBeVisible();
  await expect(page.getByTestId('chart.frontier.measured').locator('circle')).toHaveCount(3);
  expect(app.query().get('lab')).toBe(LAB);
  expect(app.query().get('preset')).toBe('testbed');
});
