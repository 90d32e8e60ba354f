#!/usr/bin/env node
/**
 * UI benchmark (a measurement, not a test): in headless Chromium (playwright-core, Debian's /usr/bin/chromium or
 * CHROMIUM_PATH), against the production build served by `vite preview`:
 *  1. slider → repaint: 100 moves of the "Parameters (N)" slider; each time from the input event until the frame
 *     that shows the result for that scenario (data-result-revision catches up) has been painted, p50/p95/max; also
 *     the time to the DOM commit itself (engine round trip + React render, not quantised to frames), and the 'work'
 *     (commit time plus the painting frame's own style/layout/paint, leaving out the wait for the vsync tick);
 *  2. initial JavaScript: gzipped size of the scripts index.html loads (entry + modulepreloads);
 *  3. time to first chart: navigation start → the 't2:first-chart' performance mark, median of 5 fresh loads.
 * Slider runs are repeated (--runs, default 3, each a fresh page) and reported one by one and pooled, with the
 * machine's load average before and after (the machine is shared: a loaded machine gives slower, noisier figures).
 * Two clocks: 'vsync' (default) is Chromium as it ships (frames on the ~16.7 ms clock, so a figure includes the wait for the
 * next tick: a move that starts just after a frame and is painted in the next one reads ≈ 16.7 ms); 'unthrottled'
 * (--unthrottled) runs Chromium with --disable-frame-rate-limit --disable-gpu-vsync --run-all-compositor-stages-before-draw, so a
 * frame starts as soon as the previous one is drawn and the figures are the work itself: 'frame' = input → main
 * thread done with the new charts (engine, React, style, layout, paint), 'drawn' = input → that frame rasterised and
 * drawn (the next frame's start). --trace adds a breakdown (ms per move by trace event: script, style, layout, paint,
 * compositor commit, raster on all renderer threads) and mainThreadCpu, the main thread's CPU time per move (thread time of its
 * top-level tasks: the least load-sensitive figure on a shared machine).
 * A third set of runs uses a window tall enough (1280×2800) to have all five charts on screen, so all are repainted.
 * Usage: npm run bench:ui [-- --no-build] [--runs N] [--trace] [--unthrottled] [--tall-only] ; writes .reports/bench-ui.json.
 * --tall-only: only the all-charts-on-screen runs (no first-chart loads, no 1280×900 runs), for before/after pairs.
 * BENCH_DIST=<folder>: serve that build instead of building (e.g. a build of another commit, for before/after);
 * BENCH_REPORT=<file>: write the report there instead of .reports/bench-ui.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { waitForServer } from './lib/wait-for-server.mjs';

const port = Number(process.env.BENCH_PORT ?? 4175);
const base = `http://127.0.0.1:${port}/`;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const moves = 100;
const argv = process.argv.slice(2);
const runs = Math.max(1, Number(argv[argv.indexOf('--runs') + 1]) || 3);
const wantTrace = argv.includes('--trace');
const wantUnthrottled = argv.includes('--unthrottled');
const tallOnly = argv.includes('--tall-only');
const reportPath = process.env.BENCH_REPORT ?? '.reports/bench-ui.json';
const launchArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
/** The usual window (only the frontier map on screen) and one tall enough to show all five charts. */
const LAPTOP = { width: 1280, height: 900 };
const TALL = { width: 1280, height: 2800 };
const unthrottledArgs = [
  '--disable-frame-rate-limit',
  '--disable-gpu-vsync',
  '--run-all-compositor-stages-before-draw',
];

// Its own build folder: rebuilding dist/ would pull files from under another process's `vite preview` (e2e runs).
const outDir = process.env.BENCH_DIST ?? '.reports/bench-ui-dist';
if (process.env.BENCH_DIST) {
  if (!existsSync(join(outDir, 'index.html'))) {
    console.error(`BENCH_DIST=${outDir} has no index.html`);
    process.exit(1);
  }
} else if (!process.argv.includes('--no-build') || !existsSync(join(outDir, 'index.html'))) {
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function initialJs() {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map(
    (m) => m[1],
  );
  const files = [...new Set(refs)].map((ref) => {
    const bytes = readFileSync(join(outDir, ref.replace(/^\.?\//, '')));
    return { file: ref, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { files, gzipBytes: files.reduce((s, f) => s + f.gzip, 0), rawBytes: files.reduce((s, f) => s + f.bytes, 0) };
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
const round = (x) => Math.round(x * 100) / 100;
const summary = (xs) => ({
  moves: xs.length,
  p50: round(quantile(xs, 0.5)),
  p95: round(quantile(xs, 0.95)),
  max: round(Math.max(...xs)),
});
/** Share of moves whose charts were painted in the first frame after the input (1 = never a frame late). */
const inNextFrame = (samples) => round(samples.filter((x) => x.nextFrame).length / samples.length);

const server = spawn(
  'npx',
  ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
  { stdio: 'ignore', detached: true },
);
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
  const nextFrameEnd = () =>
    new Promise((resolve) =>
      // The next frame's rAF callback runs before its style, layout and paint; a message posted from it is handled
      // after them, so the time includes the paint of the new charts.
      requestAnimationFrame(() => {
        const rafAt = performance.now();
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(rafAt);
        ch.port2.postMessage(null);
      }),
    );
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
    // The first frame after the input: its rAF callback runs before its style, layout and paint, so if the new
    // charts are in the DOM by then, that frame shows them (the result made the next frame).
    let nextFrame = null;
    requestAnimationFrame(() => {
      nextFrame = caughtUp();
    });
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
    const rafAt = await nextFrameEnd();
    const end = performance.now();
    const frame = end - t0;
    // The work without the wait for the vsync tick: input → DOM commit, plus that frame's own rendering (from its
    // rAF to the end of its paint).
    const work = committed + (end - rafAt);
    // The frame after: under the unthrottled clock (stages run in order) it starts once the painted frame has been
    // rasterised and drawn, so this is input → pixels; under vsync it only adds the wait for the next tick. The next
    // move then starts inside this frame's rAF phase, as Chromium delivers a drag's pointer input (rAF-aligned): the
    // slider's own update is painted in that frame, the charts at the earliest in the next one.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    out.push({ committed, frame, work, drawn: performance.now() - t0, nextFrame: nextFrame === true });
  }
  return out;
}

/** Main-thread time per move (ms) by trace event, from a Chromium trace of the moves. */
function traceBreakdown(events, count) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const names = [
    'RunTask',
    'FunctionCall',
    'RunMicrotasks',
    'UpdateLayoutTree',
    'Layout',
    'PrePaint',
    'Paint',
    'Layerize',
    'Commit',
    'MajorGC',
    'MinorGC',
    'V8.GC_SCAVENGER',
    'HitTest',
  ];
  const sums = Object.fromEntries(names.map((n) => [n, 0]));
  for (const e of events) {
    if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !(e.name in sums)) continue;
    sums[e.name] += (e.dur ?? 0) / 1000;
  }
  // Raster runs off the main thread (tile workers) but on the same cores: summed over the renderer's threads.
  let raster = 0;
  for (const e of events)
    if (main && e.pid === main.pid && e.ph === 'X' && e.name === 'RasterTask') raster += (e.dur ?? 0) / 1000;
  // CPU time (thread time, not wall time) of the main thread's top-level tasks: what the page itself costs per move,
  // much less sensitive to the machine's load than the wall-clock figures (a descheduled thread accrues no CPU time).
  let mainCpu = 0;
  let end = -Infinity;
  const tasks = events
    .filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'RunTask')
    .sort((a, b) => a.ts - b.ts);
  for (const e of tasks) {
    if (e.ts < end) continue;
    mainCpu += (e.tdur ?? e.dur ?? 0) / 1000;
    end = e.ts + (e.dur ?? 0);
  }
  return {
    ...Object.fromEntries(names.filter((n) => sums[n] > 0).map((n) => [n, round(sums[n] / count)])),
    RasterTaskAllThreads: round(raster / count),
    mainThreadCpu: round(mainCpu / count),
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

async function sliderRun(browser, trace, viewport) {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    await page.goto(base);
    await page.waitForFunction(() => performance.getEntriesByName('t2:first-chart').length > 0, null, {
      timeout: 30_000,
    });
    let cdp = null;
    if (trace) {
      cdp = await context.newCDPSession(page);
      await cdp.send('Tracing.start', {
        categories:
          'devtools.timeline,disabled-by-default-devtools.timeline,v8,cc,disabled-by-default-devtools.timeline.frame',
        transferMode: 'ReturnAsStream',
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
async function sliderRuns(extraArgs, viewport = LAPTOP) {
  const browser = await chromium.launch({ executablePath, args: [...launchArgs, ...extraArgs] });
  try {
    const each = [];
    for (let r = 0; r < runs; r += 1) each.push((await sliderRun(browser, false, viewport)).samples);
    const all = each.flat();
    return {
      perRun: each.map((s) => ({
        frame: summary(s.map((x) => x.frame)),
        commit: summary(s.map((x) => x.committed)),
        drawn: summary(s.map((x) => x.drawn)),
        work: summary(s.map((x) => x.work)),
        inNextFrame: inNextFrame(s),
      })),
      pooled: {
        frame: summary(all.map((x) => x.frame)),
        commit: summary(all.map((x) => x.committed)),
        drawn: summary(all.map((x) => x.drawn)),
        work: summary(all.map((x) => x.work)),
        inNextFrame: inNextFrame(all),
      },
      breakdown: wantTrace ? (await sliderRun(browser, true, viewport)).breakdown : undefined,
      version: browser.version(),
    };
  } finally {
    await browser.close();
  }
}

try {
  await waitForServer(base);
  const loadBefore = loadavg().map(round);
  const browser = await chromium.launch({ executablePath, args: launchArgs });
  const firstChart = [];
  try {
    for (let i = 0; i < (tallOnly ? 0 : 5); i += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(base);
      await page.waitForFunction(() => performance.getEntriesByName('t2:first-chart').length > 0, null, {
        timeout: 30_000,
      });
      firstChart.push(await page.evaluate(() => performance.getEntriesByName('t2:first-chart')[0].startTime));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const vsync = tallOnly ? null : await sliderRuns([]);
  const unthrottled = wantUnthrottled ? await sliderRuns(unthrottledArgs) : null;
  const tall = await sliderRuns([], TALL);
  const loadAfter = loadavg().map(round);

  const js = initialJs();
  const report = {
    // frame: input event → the end of the frame that paints the new charts (what a person sees). committed: input
    // event → new charts in the DOM (engine round trip + React render, unquantised). Pooled over all runs.
    sliderToRepaintMs: vsync?.pooled.frame,
    sliderToCommitMs: vsync?.pooled.commit,
    // input → DOM commit + the painting frame's own rendering (rAF → end of paint): the wait for the tick left out.
    sliderToPaintWorkMs: vsync?.pooled.work,
    // Share of moves painted in the first frame after the input (vsync clock): the "within one frame" reading.
    resultInNextFrame: vsync?.pooled.inNextFrame,
    resultInNextFrameAllChartsOnScreen: tall.pooled.inNextFrame,
    // With --unthrottled, frames not tied to the 60 Hz clock: the work from input to painted charts, without the
    // vsync wait (noisy on a loaded machine: the renderer then competes for the cores at full rate).
    ...(unthrottled
      ? {
          sliderToRepaintUnthrottledMs: unthrottled.pooled.frame,
          sliderToCommitUnthrottledMs: unthrottled.pooled.commit,
          sliderToDrawnUnthrottledMs: unthrottled.pooled.drawn,
        }
      : {}),
    // vsync clock, window 1280×2800: every chart on screen, so every chart is rasterised again after a move.
    sliderToRepaintAllChartsOnScreenMs: tall.pooled.frame,
    sliderToCommitAllChartsOnScreenMs: tall.pooled.commit,
    sliderToPaintWorkAllChartsOnScreenMs: tall.pooled.work,
    runs: {
      vsync: vsync?.perRun.map(({ drawn: _drawn, ...r }) => r),
      ...(unthrottled ? { unthrottled: unthrottled.perRun } : {}),
      allChartsOnScreen: tall.perRun.map(({ drawn: _drawn, ...r }) => r),
    },
    ...(wantTrace
      ? {
          msPerMoveByTraceEvent: {
            vsync: vsync?.breakdown,
            unthrottled: unthrottled?.breakdown,
            allChartsOnScreen: tall.breakdown,
          },
        }
      : {}),
    initialJs: { gzipKB: round(js.gzipBytes / 1024), rawKB: round(js.rawBytes / 1024), files: js.files },
    firstChartMs: firstChart.length ? { median: round(quantile(firstChart, 0.5)), runs: firstChart.map(round) } : null,
    goals: { p95Ms: 16, p95CeilingMs: 33, initialJsGzipKB: 200, firstChartMs: 1500 },
    machine: { loadAverage1_5_15: { before: loadBefore, after: loadAfter } },
    chromium: (vsync ?? tall).version,
  };
  mkdirSync(dirname(reportPath), { recursive: true });
  writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  const { files: _files, ...jsShort } = report.initialJs;
  console.log(JSON.stringify({ ...report, initialJs: jsShort }, null, 2));
} finally {
  stopServer();
}
