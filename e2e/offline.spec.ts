/**
 * Offline support as a user meets it (issue 11 items 1 and 12): ONE online visit, wait until the service worker is
 * active, go offline, reload. Run against the production build as `vite preview` serves it (which answers with
 * `Vary: Origin`) and as a plain static server (scripts/static-server.mjs) serves it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { startStaticServer, type StaticServer } from '../scripts/static-server.mjs';
import { ExplorerPage } from './pages/explorer';

const manifest = JSON.parse(readFileSync('public/models/manifest.json', 'utf8')) as {
  models: { id: string; file: string; params: number; tokens: number; bytes: number }[];
};
const model = manifest.models[0]!;

let plain: StaticServer;
test.beforeAll(async () => {
  plain = await startStaticServer({ dir: 'dist', port: 0 }); // dist/ is the build the Playwright web server made
});
test.afterAll(async () => {
  await plain?.close();
});

/** Waits until this page's service worker is activated (what "the worker is active" means to a user). */
async function waitForActiveWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    const sw = reg.active!;
    if (sw.state !== 'activated')
      await new Promise((ok) => sw.addEventListener('statechange', () => sw.state === 'activated' && ok(undefined)));
  });
}

/**
 * Every request of the page and its workers that failed (an offline miss shows as net::ERR_FAILED). The service
 * worker's own network-first tries (pages, the zoo manifest) fail offline by design before it answers from its cache.
 */
function failures(context: BrowserContext): string[] {
  const failed: string[] = [];
  context.on('requestfailed', (r) => {
    if (!r.serviceWorker()) failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  return failed;
}

const servers = [
  { name: 'vite preview', base: () => '' },
  { name: 'a plain static server', base: () => plain.url },
];

for (const server of servers) {
  test(`after ONE online visit the app reloads offline and computes its charts (${server.name})`, async ({
    page,
    context,
  }) => {
    const app = new ExplorerPage(page);
    await page.goto(`${server.base() || './'}?preset=gpt3`);
    await app.waitForResults();
    await waitForActiveWorker(page);
    const expected = await app.readouts();

    const failed = failures(context);
    await context.setOffline(true);
    await page.reload();
    await app.waitForResults();
    expect(await app.readouts()).toEqual(expected);
    await expect(page.getByTestId('chart.frontier').locator('svg').first()).toBeVisible();
    await expect(page.getByTestId('chart.frontier').locator('path').first()).toBeAttached();
    // A scenario link never visited online opens offline as well, and computes.
    await page.goto(`${server.base() || './'}?v=1&n=7e9&d=2e12`);
    await app.waitForResults();
    await expect(app.field('Parameters (N)')).toHaveValue('7B');
    expect(failed).toEqual([]);
    await context.setOffline(false);
  });
}

test('the service worker takes control on the first visit (clients.claim) and precaches every lazily loaded chunk', async ({
  page,
}) => {
  const app = new ExplorerPage(page);
  await app.open();
  await waitForActiveWorker(page);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  // Every emitted JS/CSS file of the build (dist/, made by the web server) is in Cache Storage before any of the
  // lazily imported ones (lab panel, fit client, export) ran, so they load offline.
  const emitted = readdirSync('dist/assets')
    .filter((f) => /\.(js|mjs|css)$/.test(f))
    .map((f) => `/assets/${f}`);
  expect(emitted.length).toBeGreaterThan(3);
  const cached = await page.evaluate(async () => {
    const keys: string[] = [];
    for (const name of await caches.keys())
      for (const req of await (await caches.open(name)).keys()) keys.push(new URL(req.url).pathname);
    return keys;
  });
  expect(emitted.filter((f) => !cached.includes(f))).toEqual([]);
});

test('after one visit where the lab ran, the lab runs again offline', async ({ page, context }) => {
  test.setTimeout(150_000);
  const app = new ExplorerPage(page);
  await app.open();
  await waitForActiveWorker(page);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await new ExplorerPage(page).openLab();
  await runSmall(page);
  await expect(page.getByTestId('lab.done')).toContainText('WASM', { timeout: 60_000 });

  const failed = failures(context);
  await context.setOffline(true);
  await page.reload();
  await app.waitForResults();
  await new ExplorerPage(page).openLab();
  await runSmall(page);
  await expect(page.getByTestId('lab.done')).toContainText('WASM', { timeout: 60_000 });
  await expect(page.getByTestId('lab.runrow').filter({ hasText: model.id })).toHaveCount(2);
  expect(failed).toEqual([]);
  await context.setOffline(false);
});

test('the lab used before the service worker took control still runs offline after that one visit', async ({
  page,
  context,
}) => {
  test.setTimeout(150_000);
  // Hold the worker's registration until the lab has run: the lab's files then come from the network, not the worker.
  await page.addInitScript(() => {
    const sw = navigator.serviceWorker;
    const register = sw.register.bind(sw);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((ok) => {
      release = ok;
    });
    (window as unknown as { releaseSw: () => void }).releaseSw = release;
    sw.register = ((...args: Parameters<typeof register>) => gate.then(() => register(...args))) as typeof sw.register;
  });
  const app = new ExplorerPage(page);
  await app.open();
  await new ExplorerPage(page).openLab();
  await runSmall(page);
  await expect(page.getByTestId('lab.done')).toContainText('WASM', { timeout: 60_000 });
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  await page.evaluate(() => (window as unknown as { releaseSw: () => void }).releaseSw());
  await waitForActiveWorker(page);

  // On activate the worker cached what the lab loaded before it took control (the .wasm and the zoo index).
  const cached = await page.evaluate(async () => {
    const out: string[] = [];
    for (const name of ['t2-explorer-lazy-v1', 't2-explorer-zoo-index-v1'])
      for (const r of await (await caches.open(name)).keys()) out.push(new URL(r.url).pathname);
    return out.sort();
  });
  expect(cached.filter((p) => p.endsWith('.wasm'))).toHaveLength(1);
  expect(cached.filter((p) => !p.endsWith('.wasm'))).toEqual(['/models/manifest.json', '/models/tasks.json']);
  await context.setOffline(true);
  await page.reload();
  await app.waitForResults();
  await new ExplorerPage(page).openLab();
  await runSmall(page);
  await expect(page.getByTestId('lab.done')).toContainText('WASM', { timeout: 60_000 });
  await context.setOffline(false);
});

test('one truncated model download is not kept: the next run, with the network healthy, succeeds', async ({
  page,
  context,
}) => {
  test.setTimeout(150_000);
  const app = new ExplorerPage(page);
  await app.open();
  await waitForActiveWorker(page);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  // Truncate the model once, for the page, its workers and the service worker alike.
  let truncated = 0;
  await context.route(`**/models/${model.file}`, async (route) => {
    const res = await route.fetch();
    const body = await res.body();
    truncated += 1;
    await route.fulfill({ response: res, body: body.subarray(0, Math.floor(body.length / 2)) });
  });
  await new ExplorerPage(page).openLab();
  await runSmall(page);
  await expect(page.getByTestId('lab.error')).toContainText('truncated', { timeout: 30_000 });
  expect(truncated).toBeGreaterThan(0);
  await context.unrouteAll();

  await page.reload();
  await app.waitForResults();
  await new ExplorerPage(page).openLab();
  await runSmall(page);
  await expect(page.getByTestId('lab.done')).toContainText('WASM', { timeout: 60_000 });
  await expect(page.getByTestId('lab.error')).toHaveCount(0);
});

/** A small WASM run of the first zoo model: 2 problems, n = k = 2. */
async function runSmall(page: Page): Promise<void> {
  await expect(page.getByTestId('lab.model')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('lab.model').selectOption(model.id);
  await page.getByTestId('lab.backendChoice').selectOption('wasm');
  await page.getByTestId('lab.problems').fill('2');
  await page.getByTestId('lab.samples').selectOption('2');
  await page.getByTestId('lab.k').selectOption('2');
  await page.getByTestId('lab.run').click();
}
