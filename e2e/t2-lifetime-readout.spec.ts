import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/explorer';

test('the lifetime view shows the T² lifetime optimum beside Sardana’s, and no other view does', async ({ page }) => {
  const app = new ExplorerPage(page);
  await app.open();
  await app.waitForResults();
  await expect(page.getByTestId('readout.t2-lifetime')).toHaveCount(0);
  await page.getByTestId('controls.model').selectOption('lifetime');
  const line = page.getByTestId('readout.t2-lifetime');
  await expect(line).toBeVisible();
  await expect(line).toContainText('T² lifetime optimum (Approach 1');
  await expect(line).toContainText(/N = [\d.]+[KMBT]?, D = /);
  await expect(line).toContainText(/task NLL \d+\.\d{3} nats/);
  await expect(line).not.toContainText(/NaN|Infinity|undefined/);
});
