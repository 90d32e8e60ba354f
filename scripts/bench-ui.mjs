#!/usr/bin/env node
/**
 * UI benchmark (a measurement, not a test): in headless Chromium (playwright-core, Debian's /usr/bin/chromium or
 * CHROMIUM_PATH), against the production build served by `vite preview`:
 *  1. slider → repaint: 100 moves of the "Parameters (N)" slider; each time from the input event until the frame
 *     that shows the result for that scenario (data-result-revision catches up) has been painted, p50/p95/max; also
 *     the time to the DOM commit itself (engine round trip + React render, not quantised to frames);
 *  2. initial JavaScript: gzipped size of the scripts index.html loads (entry + modulepreloads);
 *  3. time to first chart: navigation start → the 't2:first-chart' performance mark, median of 5 fresh loads.
 * Usage: npm run bench:ui [-- --no-build] ; writes .reports/bench-ui.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const port = Number(process.env.BENCH_PORT ?? 4175);
const base = `http://127.0.0.1:${port}/`;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const moves = 100;

if (!process.argv.includes('--no-build') || !existsSync('dist/index.html')) {
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function initialJs() {
  const html = readFileSync('dist/index.html', 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]);
  const files = [...new Set(refs)].map((ref) => {
    const bytes = readFileSync(join('dist', ref.replace(/^\.?\//, '')));
    return { file: ref, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { files, gzipBytes: files.reduce((s, f) => s + f.gzip, 0), rawBytes: files.reduce((s, f) => s + f.bytes, 0) };
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
const round = (x) => Math.round(x * 100) / 100;
const summary = (xs) => ({ moves: xs.length, p50: round(quantile(xs, 0.5)), p95: round(quantile(xs, 0.95)), max: round(Math.max(...xs)) });

async function waitForServer() {
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer on ${base}`);
}

const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore', detached: true });
const stopServer = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};

let browser;
try {
  await waitForServer();
  browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });

  const firstChart = [];
  for (let i = 0; i < 5; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(base);
    await page.waitForFunction(() => performance.getEntriesByName('t2:first-chart').length > 0, null, { timeout: 30_000 });
    firstChart.push(await page.evaluate(() => performance.getEntriesByName('t2:first-chart')[0].startTime));
    await context.close();
  }

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(base);
  await page.waitForFunction(() => performance.getEntriesByName('t2:first-chart').length > 0, null, { timeout: 30_000 });
  const samples = await page.evaluate(async (count) => {
    const slider = document.querySelector('[data-testid="controls.params"]');
    const results = document.querySelector('[data-testid="results"]');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const min = Number(slider.min);
    const max = Number(slider.max);
    const caughtUp = () => results.dataset.resultRevision === results.dataset.scenarioRevision;
    const out = [];
    for (let i = 0; i < count; i += 1) {
      // Sweep N between 10^7 and 10^10 and back, as a drag would.
      const phase = (i % 50) / 50;
      const pos = 7 + 3 * (i % 100 < 50 ? phase : 1 - phase) + 0.013;
      const t0 = performance.now();
      setValue.call(slider, String(Math.min(max, Math.max(min, pos))));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => {
        if (caughtUp()) return resolve();
        const mo = new MutationObserver(() => {
          if (caughtUp()) {
            mo.disconnect();
            resolve();
          }
        });
        mo.observe(results, { attributes: true });
      });
      const committed = performance.now() - t0;
      // The next frame's rAF callback runs before its style, layout and paint; a message posted from it is handled
      // after them, so this time includes the paint of the new charts.
      await new Promise((resolve) =>
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => resolve();
          ch.port2.postMessage(null);
        }),
      );
      out.push({ committed, frame: performance.now() - t0 });
    }
    return out;
  }, moves);
  await context.close();

  const js = initialJs();
  const report = {
    // frame: input event → the end of the frame that paints the new charts (what a person sees; quantised to the
    // ~16.7 ms frame clock). committed: input event → new charts in the DOM (engine + React render, unquantised).
    sliderToRepaintMs: summary(samples.map((s) => s.frame)),
    sliderToCommitMs: summary(samples.map((s) => s.committed)),
    initialJs: { gzipKB: round(js.gzipBytes / 1024), rawKB: round(js.rawBytes / 1024), files: js.files },
    firstChartMs: { median: round(quantile(firstChart, 0.5)), runs: firstChart.map(round) },
    goals: { p95Ms: 16, p95CeilingMs: 33, initialJsGzipKB: 200, firstChartMs: 1500 },
    chromium: browser.version(),
  };
  mkdirSync('.reports', { recursive: true });
  writeFileSync('.reports/bench-ui.json', `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report, null, 2));
} finally {
  await browser?.close();
  stopServer();
}
