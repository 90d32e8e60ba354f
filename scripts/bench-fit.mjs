#!/usr/bin/env node
/**
 * Fit benchmark (a measurement, not a test). Two jobs of "bring your own data" (src/engine/fit-job.ts):
 *  1. Chinchilla Approach 3 on 250 synthetic runs (Besiroglu et al. 2024 constants, 1 % noise) from Hoffmann's
 *     4,500-start grid: every start screened, L-BFGS from the best 256 (the default), and from all 4,500;
 *  2. T² Approach 1 on 500 synthetic points (125 checkpoints × k ∈ {1, 4, 16, 64}, illustrative constants, 0.5 % noise)
 *     with 100 random starts (L-BFGS from the best 64, the default, and from all 100);
 *  plus each job with its 200-resample bootstrap.
 * Each runs IN THE ENGINE WORKER IN HEADLESS CHROMIUM (playwright-core, /usr/bin/chromium or CHROMIUM_PATH) against
 * `vite preview` of the production build, driven through the worker's Comlink wire protocol, and under Node (tsx)
 * for comparison. One untimed warm-up, then the median of 3 runs (wall time from request to reply; the worker's own
 * fit time is reported too). Usage: npm run bench:fit [-- --no-build] ; writes .reports/bench-fit.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { tsImport } from 'tsx/esm/api';
import { waitForServer } from './lib/wait-for-server.mjs';

const port = Number(process.env.BENCH_PORT ?? 4176);
const base = `http://127.0.0.1:${port}/`;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REPEATS = 3;

const synthetic = await tsImport('../src/domain/fit/synthetic.ts', import.meta.url);
const { runFitJob } = await tsImport('../src/engine/fit-job.ts', import.meta.url);
const t2Sets = JSON.parse(readFileSync('src/domain/data/t2-illustrative.json', 'utf8'));
const besiroglu = { E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 };
const withLines = (pts) => pts.map((p, i) => ({ line: i + 2, ...p }));
const chinchillaRuns = withLines(synthetic.syntheticChinchillaPoints(besiroglu, 250, 11, 0.01));
const t2Runs = withLines(
  synthetic.syntheticT2Approach1Points(t2Sets.find((s) => s.approach === 1).constants, 125, [1, 4, 16, 64], 21),
);
if (t2Runs.length !== 500) throw new Error(`expected 500 T² points, got ${t2Runs.length}`);

const none = { kind: 'none' };
const CASES = [
  {
    name: 'Chinchilla A3, 250 runs, 4,500-start grid, L-BFGS from best 256',
    request: {
      kind: 'chinchilla',
      runs: chinchillaRuns,
      holdout: none,
      resamples: 200,
      grid: 'hoffmann',
      skipBootstrap: true,
    },
  },
  {
    name: 'Chinchilla A3, 250 runs, 4,500-start grid, L-BFGS from all 4,500',
    request: {
      kind: 'chinchilla',
      runs: chinchillaRuns,
      holdout: none,
      resamples: 200,
      grid: 'hoffmann',
      refine: 'all',
      skipBootstrap: true,
    },
    repeats: 1,
  },
  {
    name: 'T² A1, 500 points, 100 starts, L-BFGS from best 64',
    request: { kind: 't2-1', runs: t2Runs, holdout: none, resamples: 200, starts: 100, skipBootstrap: true },
  },
  {
    name: 'T² A1, 500 points, 100 starts, L-BFGS from all 100',
    request: {
      kind: 't2-1',
      runs: t2Runs,
      holdout: none,
      resamples: 200,
      starts: 100,
      refine: 'all',
      skipBootstrap: true,
    },
  },
  {
    name: 'Chinchilla A3 + 200-resample bootstrap (whole job)',
    request: { kind: 'chinchilla', runs: chinchillaRuns, holdout: none, resamples: 200, grid: 'hoffmann' },
    repeats: 1,
  },
  {
    name: 'T² A1 + 200-resample bootstrap (whole job)',
    request: { kind: 't2-1', runs: t2Runs, holdout: none, resamples: 200, starts: 100 },
    repeats: 1,
  },
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => Math.round(x);

function nodeRuns() {
  return CASES.map((c) => {
    runFitJob(c.request); // warm-up
    const wall = [];
    for (let i = 0; i < (c.repeats ?? REPEATS); i++) {
      const t0 = performance.now();
      const r = runFitJob(c.request);
      wall.push(performance.now() - t0);
      if (i === 0) c.check = { alpha: r.constants.alpha, beta: r.constants.beta, gamma: r.constants.gamma };
    }
    return { name: c.name, medianMs: round(median(wall)), runs: wall.map(round) };
  });
}

if (!process.argv.includes('--no-build') || !existsSync('dist/index.html')) {
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const workerFile = readdirSync('dist/assets').find((f) => /^engine\.worker-.*\.js$/.test(f));
if (!workerFile) throw new Error('no engine worker in dist/assets');

const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
  stdio: 'ignore',
  detached: true,
});
const stopServer = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};

let browser;
const out = {
  date: new Date().toISOString(),
  machine: `${(await import('node:os')).cpus().length} cores`,
  chromium: [],
  node: [],
};
try {
  await waitForServer(base);
  browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const page = await browser.newPage();
  await page.goto(base);
  out.crossOriginIsolated = await page.evaluate(() => crossOriginIsolated);
  for (const c of CASES) {
    const result = await page.evaluate(
      async ({ url, request, repeats }) => {
        const worker = new Worker(url, { type: 'module' });
        let id = 0;
        // Comlink's wire protocol: APPLY the exposed `fit` with a RAW argument; the reply carries the same id.
        const call = (req) =>
          new Promise((resolve, reject) => {
            const my = String(++id);
            const onMessage = (e) => {
              if (e.data?.id !== my) return;
              worker.removeEventListener('message', onMessage);
              if (e.data.type === 'HANDLER') reject(new Error(JSON.stringify(e.data.value)));
              else resolve(e.data.value);
            };
            worker.addEventListener('message', onMessage);
            worker.postMessage({ id: my, type: 'APPLY', path: ['fit'], argumentList: [{ type: 'RAW', value: req }] });
          });
        await call(request); // warm-up (module load, JIT tier-up)
        const wall = [];
        const inside = [];
        for (let i = 0; i < repeats; i++) {
          const t0 = performance.now();
          const o = await call(request);
          wall.push(performance.now() - t0);
          if (o.status !== 'done') throw new Error(`fit ended ${o.status}: ${o.message ?? ''}`);
          inside.push(o.report.fitMs + o.report.bootstrapMs);
        }
        worker.terminate();
        return { wall, inside };
      },
      { url: `${base}assets/${workerFile}`, request: c.request, repeats: c.repeats ?? REPEATS },
    );
    out.chromium.push({
      name: c.name,
      medianMs: round(median(result.wall)),
      workerMs: round(median(result.inside)),
      runs: result.wall.map(round),
    });
    console.log(`chromium worker  ${String(round(median(result.wall))).padStart(6)} ms  ${c.name}`);
  }
} finally {
  await browser?.close();
  stopServer();
}
out.node = nodeRuns();
for (const r of out.node) console.log(`node (tsx)       ${String(r.medianMs).padStart(6)} ms  ${r.name}`);
mkdirSync('.reports', { recursive: true });
writeFileSync('.reports/bench-fit.json', `${JSON.stringify(out, null, 2)}\n`);
console.log(`crossOriginIsolated: ${out.crossOriginIsolated}; written .reports/bench-fit.json`);
