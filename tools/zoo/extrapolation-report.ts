/**
 * The extrapolation report of issue 16 (items 3 and 4; pure code in ./fit/report.ts) from the shipped results:
 *   npm run zoo:report            point fits on the isoFLOP checkpoints (no bootstrap, ~15 s), writes manifest.json
 *                                 `fits.extrapolationReport` and prints the README table
 *   npm run zoo:report -- --dry   prints only
 * `npm run zoo:fit` writes the same block (fitsBlock); this command refreshes only that key (the rest of `fits`
 * stays as shipped), so the report can be redone without the ~2 min bootstrap.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MANIFEST_FILE, readFitInputs, replaceFitsBlock, runFits, scopesOf, type ScopeResult } from './fit';
import { reportBlock, type ApproachReport, type ScopeReport } from './fit/report';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : `${(100 * v).toFixed(1)} %`);
const num = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : (100 * v).toFixed(1));

function cell(a: ApproachReport): string {
  if (a.law.counted === 0) return `n/a (0 of ${a.law.of} points count)`;
  const b = a.bootstrap;
  return `${pct(a.law.meanRelativeError)} [${num(b.law?.p2_5)}, ${num(b.law?.p97_5)}] ${a.direction} (bias ${pct(a.law.bias)}); `
    + `baseline ${pct(a.baseline.meanRelativeError)} [${num(b.baseline?.p2_5)}, ${num(b.baseline?.p97_5)}]; ${a.law.counted} of ${a.law.of} points; `
    + `${a.beatsBaseline ? 'beats' : 'loses to'} baseline (${pct(b.lawBelowBaselineShare)} of resamples)`;
}

/** The README table: one row per scope. */
export function reportTable(results: readonly { scope: string; report: ScopeReport }[]): string {
  const lines = ['| scope | Approach 1 (NLL ≥ 1 nat) rel. error [95 % CI], direction; baseline | Approach 2 (pass@k in [0.05, 0.95]) rel. error [95 % CI], direction; baseline |', '| --- | --- | --- |',
    '| paper (Roberts et al.) | 2.8 %, over | 8.4 %, over |'];
  for (const { scope, report } of results) lines.push(`| ${scope} | ${cell(report.approach1)} | ${cell(report.approach2)} |`);
  return lines.join('\n');
}

function main(argv: string[]): void {
  const t0 = Date.now();
  const { manifest, logprobs } = readFitInputs();
  const results: ScopeResult[] = runFits(manifest, logprobs, scopesOf(logprobs));
  console.log(reportTable(results));
  const block = reportBlock(results) as { samplingGain: { someTask: unknown; someTaskAboveChance: unknown; perTask: unknown } | null };
  console.log('sampling gain:', JSON.stringify({ someTask: block.samplingGain?.someTask, aboveChance: block.samplingGain?.someTaskAboveChance, perTask: block.samplingGain?.perTask }));
  console.log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (argv.includes('--dry')) return;
  const text = readFileSync(MANIFEST_FILE, 'utf8');
  const fits = { ...(JSON.parse(text) as { fits: Record<string, unknown> }).fits };
  delete fits.extrapolationReport;
  writeFileSync(MANIFEST_FILE, replaceFitsBlock(text, { ...fits, extrapolationReport: block }));
  console.log(`wrote fits.extrapolationReport of ${MANIFEST_FILE}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
