import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/explorer';

test('the page fits a 390 px wide screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = new ExplorerPage(page);
  await app.open();
  await expect(page.getByTestId('chart.frontier')).toBeVisible();
  await expect(app.slider('Tokens served')).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the dark theme switches the CSS custom properties', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim());
  const light = await bg();
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await bg()).not.toBe(light);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
