/**
 * Content-Security-Policy (issue 11 item 18): the built page carries a strict policy (index.html <meta>, inline theme
 * script allowed by its build-time hash), and the app, a WASM lab run and a WebGPU lab run cause no violation. The
 * worker scripts run under the policy too: `vite preview` sends it as a header, and on a plain static host the service
 * worker adds it to the worker scripts it serves.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startStaticServer, type StaticServer } from '../scripts/static-server.mjs';
import { ExplorerPage } from './pages/explorer';

const manifest = JSON.parse(readFileSync('public/models/manifest.json', 'utf8')) as { models: { id: string }[] };
const model = manifest.models[0]!;

/** Records CSP violations of the page (securitypolicyviolation events) and every console error, page and workers. */
async function watch(page: Page): Promise<{ violations: () => Promise<string[]>; errors: string[] }> {
  const errors: string[] = [];
  page.on('console', (m) => {
    if ((m.type() === 'error' && !ORT_LOG.test(m.text())) || /Content Security Policy|Refused to/i.test(m.text()))
      errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return { violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), errors };
}

/**
 * For each of the app's workers (engine, inference; not onnxruntime's own thread workers, which block in Atomics.wait):
 * does it run under a policy? A fetch to another origin must be refused by connect-src, which fires
 * securitypolicyviolation in the worker before anything leaves the machine. (eval is no probe: Playwright's
 * evaluate is exempt from CSP.)
 */
async function workersUnderPolicy(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const w of page.workers()) {
    const m = /\/(engine|inference)\.worker[^/]*$/.exec(new URL(w.url()).pathname);
    if (!m) continue;
    out[m[1]!] = await w.evaluate(
      () =>
        new Promise<string>((done) => {
          self.addEventListener('securitypolicyviolation', (e) => done(e.violatedDirective));
          fetch('http://127.0.0.2:9/csp-probe').catch(() => undefined);
          setTimeout(() => done('no policy'), 3000);
        }),
    );
  }
  return out;
}

/** ORT's own log lines (warnings it prints with console.error), not faults of the page. */
const ORT_LOG = /^\S+ \S+ \[[WI]:onnxruntime:/;

async function runLab(page: Page, backend: 'wasm' | 'webgpu'): Promise<void> {
  await new ExplorerPage(page).openLab();
  await expect(page.getByTestId('lab.model')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('lab.model').selectOption(model.id);
  await page.getByTestId('lab.backendChoice').selectOption(backend);
  await page.getByTestId('lab.problems').fill('2');
  await page.getByTestId('lab.samples').selectOption('2');
  await page.getByTestId('lab.k').selectOption('2');
  await page.getByTestId('lab.run').click();
  await expect(page.getByTestId('lab.done')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('lab.backend')).toHaveText(backend === 'wasm' ? 'WASM' : 'WebGPU');
}

test('the built page carries a strict policy whose script hash is that of its inline script', async () => {
  const html = readFileSync('dist/index.html', 'utf8');
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  expect(inline.length).toBeGreaterThan(0);
  const scriptSrc = policy
    .split('; ')
    .find((d) => d.startsWith('script-src '))!
    .split(' ');
  for (const text of inline)
    expect(scriptSrc).toContain(`'sha256-${createHash('sha256').update(text).digest('base64')}'`);
  expect(scriptSrc.filter((s) => s.startsWith("'sha256-"))).toHaveLength(inline.length);
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'self'");
  expect(policy).toContain("connect-src 'self'");
  expect(policy).toContain("worker-src 'self'");
  // The policy comes before every script of the page.
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
});

test('the app runs with no CSP violation or console error (views, exports, presets, theme)', async ({ page }) => {
  const w = await watch(page);
  const app = new ExplorerPage(page);
  await app.open('?preset=gpt3');
  await page.getByRole('button', { name: 'Presets' }).click();
  await page.getByTestId('preset.llama3-8b').click();
  await app.waitForResults();
  await page.getByRole('button', { name: 'Show table' }).first().click();
  await page.getByTestId('export.toggle').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export.png').click()]);
  expect(await download.failure()).toBeNull();
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await app.drag('Parameters (N)', 40);
  await app.waitForResults();
  expect(await w.violations()).toEqual([]);
  expect(w.errors).toEqual([]);
  // The theme script ran (it is allowed by its hash): the page has a theme before the app sets one.
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toMatch(/^(light|dark)$/);
});

for (const backend of ['wasm', 'webgpu'] as const) {
  test(`a ${backend === 'wasm' ? 'WASM' : 'WebGPU'} lab run causes no CSP violation, and the workers run under the policy`, async ({
    page,
  }) => {
    test.setTimeout(150_000);
    const w = await watch(page);
    const app = new ExplorerPage(page);
    await app.open();
    await runLab(page, backend);
    expect(await w.violations()).toEqual([]);
    expect(w.errors).toEqual([]);
    expect(await workersUnderPolicy(page)).toEqual({ engine: 'connect-src', inference: 'connect-src' });
  });
}

test.describe('on a plain static server (no headers)', () => {
  let plain: StaticServer;
  test.beforeAll(async () => {
    plain = await startStaticServer({ dir: 'dist', port: 0 });
  });
  test.afterAll(async () => {
    await plain?.close();
  });

  test('once the service worker controls the page, the worker scripts it serves carry the policy', async ({ page }) => {
    test.setTimeout(150_000);
    const w = await watch(page);
    const app = new ExplorerPage(page);
    await page.goto(plain.url);
    await app.waitForResults();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.reload();
    await app.waitForResults();
    await runLab(page, 'wasm');
    expect(await w.violations()).toEqual([]);
    expect(w.errors).toEqual([]);
    expect(await workersUnderPolicy(page)).toEqual({ engine: 'connect-src', inference: 'connect-src' });
  });
});
