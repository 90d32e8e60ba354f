import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/explorer';

test('the automatic lab backend does not pick a software WebGPU adapter: WASM, with the adapter named', async ({
  page,
}) => {
  const app = new ExplorerPage(page);
  await app.open();
  // Headless Chromium with --enable-unsafe-webgpu offers only SwiftShader, a software fallback adapter.
  const fallback = await page.evaluate(async () => {
    const gpu = (
      navigator as unknown as {
        gpu?: {
          requestAdapter(): Promise<{ info?: { isFallbackAdapter?: boolean }; isFallbackAdapter?: boolean } | null>;
        };
      }
    ).gpu;
    const a = await gpu?.requestAdapter();
    return a ? (a.info?.isFallbackAdapter ?? a.isFallbackAdapter ?? null) : null;
  });
  test.skip(fallback !== true, 'this browser offers no software fallback adapter');
  await new ExplorerPage(page).openLab();
  await expect(page.getByTestId('lab.model')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('lab.backendChoice')).toHaveValue('auto');
  await expect(page.getByTestId('lab.device')).toHaveAttribute('data-backend', 'wasm', { timeout: 20_000 });
  await expect(page.getByTestId('lab.backend')).toHaveText('WASM');
  await expect(page.getByTestId('lab.fallback')).toContainText('software fallback (software adapter');
  await expect(page.getByTestId('lab.fallback')).toContainText('ran on WASM');
  // Forcing WebGPU still uses the software adapter (the WebGPU path stays testable).
  await page.getByTestId('lab.backendChoice').selectOption('webgpu');
  await expect(page.getByTestId('lab.device')).toHaveAttribute('data-backend', 'webgpu', { timeout: 20_000 });
  await expect(page.getByTestId('lab.adapter')).toContainText('software adapter');
});
