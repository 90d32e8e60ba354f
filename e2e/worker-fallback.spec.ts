import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/explorer';

const QUERY = '?v=1&n=3e8&ct=1e21';

test('when the worker cannot start, the engine runs on the main thread, says so, and gives the same numbers', async ({
  page,
  browser,
}) => {
  const normal = new ExplorerPage(page);
  await normal.open(QUERY);
  await expect(normal.results).toHaveAttribute('data-engine-mode', 'worker');
  await expect(normal.notice('engine')).toHaveCount(0);
  const expected = await normal.readouts();
  expect(Object.keys(expected).length).toBeGreaterThanOrEqual(4);

  const context = await browser.newContext();
  await context.addInitScript(() => {
    // Simulates a browser where workers are blocked (CSP, extension, old engine).
    (window as unknown as { Worker: unknown }).Worker = function BlockedWorker() {
      throw new Error('Workers are blocked');
    };
  });
  const fallback = new ExplorerPage(await context.newPage());
  await fallback.open(QUERY);
  await expect(fallback.notice('engine')).toContainText('main thread');
  await expect(fallback.results).toHaveAttribute('data-engine-mode', 'main-thread');
  expect(await fallback.readouts()).toEqual(expected);

  // Still interactive on the main thread.
  await fallback.field('Parameters (N)').fill('1B');
  await fallback.field('Parameters (N)').press('Enter');
  await fallback.waitForResults();
  expect(await fallback.readouts()).not.toEqual(expected);
  await context.close();
});

test('when the worker dies mid-session, the request is answered on the main thread and the page says so', async ({
  browser,
}) => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    // A worker that crashes on its third message (after the start ping and the first computation).
    const native = Worker.prototype.postMessage as (...args: unknown[]) => void;
    let sent = 0;
    Worker.prototype.postMessage = function postMessage(this: Worker, ...args: unknown[]) {
      sent += 1;
      if (sent === 3) {
        this.terminate();
        this.dispatchEvent(new ErrorEvent('error', { message: 'simulated crash' }));
        return;
      }
      native.apply(this, args);
    };
  });
  const app = new ExplorerPage(await context.newPage());
  await app.open();
  await expect(app.results).toHaveAttribute('data-engine-mode', 'worker');
  await app.field('Parameters (N)').fill('1B');
  await app.field('Parameters (N)').press('Enter');
  await expect(app.notice('engine')).toContainText('main thread');
  await expect(app.notice('engine')).toContainText('simulated crash');
  await app.waitForResults();
  await expect(app.results).toHaveAttribute('data-engine-mode', 'main-thread');
  await expect(app.page.getByTestId('readout.quality')).not.toBeEmpty();
  await context.close();
});

test('when the worker hangs after start-up (an endless loop), the request is answered on the main thread and the page says so', async ({
  browser,
}) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  // The real engine worker script, with code put before it that wraps the message listener Comlink registers: from
  // the third message on (after the start ping and the first computation) the worker enters an endless loop. It
  // fires no error event: only a request timeout sees it.
  await context.route(/engine\.worker[^/]*\.(js|ts)(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    const hang =
      'const hangAdd = self.addEventListener.bind(self); let hangCount = 0;' +
      " self.addEventListener = (type, fn, opts) => hangAdd(type, type === 'message' ? (e) => { hangCount += 1; if (hangCount >= 3) { for (;;) { /* hang */ } } fn(e); } : fn, opts);\n";
    await route.fulfill({ response, body: hang + (await response.text()) });
  });
  const page = await context.newPage();
  const app = new ExplorerPage(page);
  await app.open();
  await expect(app.results).toHaveAttribute('data-engine-mode', 'worker');
  const before = await app.page.getByTestId('readout.quality').innerText();
  await app.field('Parameters (N)').fill('1B');
  await app.field('Parameters (N)').press('Enter');
  // The default request timeout (REQUEST_TIMEOUT_MS, 10 s) is what catches the hang.
  await expect(app.notice('engine')).toContainText('main thread', { timeout: 25_000 });
  await expect(app.notice('engine')).toContainText('did not answer within 10 s');
  await app.waitForResults();
  await expect(app.results).toHaveAttribute('data-engine-mode', 'main-thread');
  await expect(app.page.getByTestId('readout.quality')).not.toHaveText(before);
  await context.close();
});
