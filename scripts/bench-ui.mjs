#!/usr/bin/env node
/**
 * UI benchmark (a measurement, not a test): in headless Chromium (playwright-core, Debian's /usr/bin/chromium or
 * CHROMIUM_PATH), against the production build served by `vite preview`:
 *  1. slider → repaint: 100 moves of the "Parameters (N)" slider; each time from the input event until the frame
 *     that shows the result for that scenario (data-result-revision catches up) has been painted, p50/p95/max; also
 *     the time to the DOM commit itself (engine round trip + React render, not quantised to frames);
 *  2. initial JavaScript: gzipped size of the scripts index.html loads (entry + modulepreloads);
 *  3. time to first chart: navigation start → the 't2:first-chart' performance mark, median of 5 fresh loads.
 * Slider runs are repeated (--runs, default 3, each a fresh page) and reported one by one and pooled, with the
 * machine's load average before and after (the machine is shared: a loaded machine gives slower, noisier figures).
 * Two clocks: 'vsync' is Chromium as it ships (frames on the ~16.7 ms clock, so a figure includes the wait for the
 * next frame); 'unthrottled' runs Chromium with --disable-frame-rate-limit --disable-gpu-vsync, so the next frame
 * starts as soon as there is something to draw and the figure is the work itself (engine, render, style, layout,
 * paint). --trace adds a main-thread breakdown (ms per move by trace event: script, style, layout, paint…).
 * Usage: npm run bench:ui [-- --no-build] [--runs N] [--trace] ; writes .reports/bench-ui.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const port = Number(process.env.BENCH_PORT ?? 4175);
const base = `http://127.0.0.1:${port}/`;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const moves = 100;
const argv = process.argv.slice(2);
const runs = Math.max(1, Number(argv[argv.indexOf('--runs') + 1]) || 3);
const wantTrace = argv.includes('--trace');
const launchArgs = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const unthrottledArgs = ['--disable-frame-rate-limit', '--disable-gpu-vsync'];

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

/** In the page: `count` moves of the N slider; per move, input → DOM commit and input → end of the painted frame. */
async function moveLoop(count) {
  const slider = document.querySelector('[data-testid="controls.params"]');
  const results = document.querySelector('[data-testid="results"]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const min = Number(slider.min);
  const max = Number(slider.max);
  const caughtUp = () => results.dataset.resultRevision === results.dataset.scenarioRevision;
  const nextFrameEnd = () => new Promise((resolve) =>
    // The next frame's rAF callback runs before its style, layout and paint; a message posted from it is handled
    // after them, so the time includes the paint of the new charts.
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve();
      ch.port2.postMessage(null);
    }));
  const out = [];
  // Settle: two frames after load, so the first move does not pay for the page's first paints.
  await nextFrameEnd();
  await nextFrameEnd();
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
    await nextFrameEnd();
    out.push({ committed, frame: performance.now() - t0 });
  }
  return out;
}

/** Main-thread time per move (ms) by trace event, from a Chromium trace of the moves. */
function traceBreakdown(events, count) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const names = ['RunTask', 'FunctionCall', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'HitTest'];
  const sums = Object.fromEntries(names.map((n) => [n, 0]));
  for (const e of events) {
    if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !(e.name in sums)) continue;
    sums[e.name] += (e.dur ?? 0) / 1000;
  }
  // Raster runs off the main thread (tile workers) but on the same cores: summed over the renderer's threads.
  let raster = 0;
  for (const e of events) if (main && e.pid === main.pid && e.ph === 'X' && e.name === 'RasterTask') raster += (e.dur ?? 0) / 1000;
  return {
    ...Object.fromEntries(names.filter((n) => sums[n] > 0).map((n) => [n, round(sums[n] / count)])),
    RasterTaskAllThreads: round(raster / count),
  };
}

async function readStream(cdp, handle) {
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  return text;
}

async function sliderRun(browser, trace) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(base);
    await page.waitForFunction(() => performance.getEntriesByName('t2:first-chart').length > 0, null, { timeout: 30_000 });
    let cdp = null;
    if (trace) {
      cdp = await context.newCDPSession(page);
      await cdp.send('Tracing.start', {
        categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8,cc,disabled-by-default-devtools.timeline.frame', transferMode: 'ReturnAsStream',
      });
    }
    const samples = await page.evaluate(moveLoop, moves);
    let breakdown;
    if (cdp) {
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      const { stream } = await done;
      const parsed = JSON.parse(await readStream(cdp, stream));
      breakdown = traceBreakdown(parsed.traceEvents ?? parsed, moves);
    }
    return { samples, breakdown };
  } finally {
    await context.close();
  }
}

/** `runs` fresh pages of 100 moves each in a browser launched with `extraArgs`. */
async function sliderRuns(extraArgs) {
  const browser = await chromium.launch({ executablePath, args: [...launchArgs, ...extraArgs] });
  try {
    const each = [];
    for (let r = 0; r < runs; r += 1) each.push((await sliderRun(browser, false)).samples);
    const all = each.flat();
    return {
      perRun: each.map((s) => ({ frame: summary(s.map((x) => x.frame)), commit: summary(s.map((x) => x.committed)) })),
      pooled: { frame: summary(all.map((x) => x.frame)), commit: summary(all.map((x) => x.committed)) },
      breakdown: wantTrace ? (await sliderRun(browser, true)).breakdown : undefined,
      version: browser.version(),
    };
  } finally {
    await browser.close();
  }
}

try {
  await waitForServer();
  const loadBefore = loadavg().map(round);
  const browser = await chromium.launch({ executablePath, args: launchArgs });
  const firstChart = [];
  try {
    for (let i = 0; i < 5; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(base);
      await page.waitForFunction(() => performance.getEntriesByName('t2:first-chart').length > 0, null, { timeout: 30_000 });
      firstChart.push(await page.evaluate(() => performance.getEntriesByName('t2:first-chart')[0].startTime));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const vsync = await sliderRuns([]);
  const unthrottled = await sliderRuns(unthrottledArgs);
  const loadAfter = loadavg().map(round);

  const js = initialJs();
  const report = {
    // frame: input event → the end of the frame that paints the new charts (what a person sees). committed: input
    // event → new charts in the DOM (engine round trip + React render, unquantised). Pooled over all runs.
    sliderToRepaintMs: vsync.pooled.frame,
    sliderToCommitMs: vsync.pooled.commit,
    // The same with frames not tied to the 60 Hz clock: the work from input to painted charts, without the vsync wait.
    sliderToRepaintUnthrottledMs: unthrottled.pooled.frame,
    sliderToCommitUnthrottledMs: unthrottled.pooled.commit,
    runs: { vsync: vsync.perRun, unthrottled: unthrottled.perRun },
    ...(wantTrace ? { mainThreadMsPerMove: { vsync: vsync.breakdown, unthrottled: unthrottled.breakdown } } : {}),
    initialJs: { gzipKB: round(js.gzipBytes / 1024), rawKB: round(js.rawBytes / 1024), files: js.files },
    firstChartMs: { median: round(quantile(firstChart, 0.5)), runs: firstChart.map(round) },
    goals: { p95Ms: 16, p95CeilingMs: 33, initialJsGzipKB: 200, firstChartMs: 1500 },
    machine: { loadAverage1_5_15: { before: loadBefore, after: loadAfter } },
    chromium: vsync.version,
  };
  mkdirSync('.reports', { recursive: true });
  writeFileSync('.reports/bench-ui.json', `${JSON.stringify(report, null, 2)}\n`);
  const { files: _files, ...jsShort } = report.initialJs;
  console.log(JSON.stringify({ ...report, initialJs: jsShort }, null, 2));
} finally {
  stopServer();
}
