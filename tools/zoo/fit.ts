/**
 * The testbed's T² fits (issue 4 "Fits"; method in tools/zoo/README.md "Fits"). Pure pieces live in ./fit/; this file
 * wires them to the shipped files and has a small CLI:
 *   npm run zoo:fit            fits every scope, writes src/domain/data/t2-fitted.json and manifest.json `fits`
 *   npm run zoo:fit -- --dry   prints the summary only
 *   npm run zoo:fit -- --dry --no-bootstrap   point fits only (the bootstrap takes most of the ~2 min)
 * Every run bootstraps each scope (./fit/bootstrap.ts: 200 resamples of whole checkpoints, BOOTSTRAP_OPTIONS) unless
 * --no-bootstrap, which is refused without --dry so the shipped files always carry their intervals.
 * manifest.json is rewritten textually: everything before its last key `fits` stays byte-identical.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseManifest, type Manifest } from '../../src/inference/manifest';
import {
  extrapolationFit,
  fitScope,
  FIT_OPTIONS,
  type ExtrapolationTest,
  type FitSettings,
  type ScopeFit,
} from './fit/run';
import {
  BOOTSTRAP_OPTIONS,
  bootstrapExtrapolation,
  bootstrapScope,
  extrapolationSettings,
  type BootstrapSettings,
  type ScopeBootstrap,
} from './fit/bootstrap';
import { fittedSetEntries, fitsBlock } from './fit/sets';
import { checkpointRows, MACRO } from './fit/targets';
import type { AnswerLogprobs } from './fit/types';
import type { ScopeReport } from './fit/report';

export const MANIFEST_FILE = fileURLToPath(new URL('../../public/models/manifest.json', import.meta.url));
export const LOGPROBS_FILE = fileURLToPath(new URL('./results/answer-logprobs.json', import.meta.url));
export const FITTED_SETS_FILE = fileURLToPath(new URL('../../src/domain/data/t2-fitted.json', import.meta.url));

/** Scopes in shipping order: the macro average first (the registry's default T² set), then each task. */
export function scopesOf(logprobs: AnswerLogprobs): string[] {
  return [MACRO, ...logprobs.tasks];
}

/** The shipped manifest (validated) and answer log-probs. */
export function readFitInputs(): { manifest: Manifest; logprobs: AnswerLogprobs } {
  const manifest = parseManifest(JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')));
  const logprobs = JSON.parse(readFileSync(LOGPROBS_FILE, 'utf8')) as AnswerLogprobs;
  return { manifest, logprobs };
}

export interface ScopeResult {
  scope: string;
  fit: ScopeFit;
  extrapolation: ExtrapolationTest;
  /** The isoFLOP-only fit of the extrapolation test (its bootstrap warm-starts there). */
  extrapolationFit: ScopeFit;
  /** The extrapolation report (./fit/report.ts): informative points only, beside the same-size baseline, with intervals. */
  report: ScopeReport;
  bootstrap?: ScopeBootstrap;
}

/**
 * Fits and extrapolation tests of the given scopes (default: all), and with `bootstrap` settings their bootstrap
 * intervals (warm-started at each scope's fit) and those of its extrapolation test's relative errors. `onScope` hears of each finished scope (CLI progress).
 */
export function runFits(
  manifest: Manifest,
  logprobs: AnswerLogprobs,
  scopes = scopesOf(logprobs),
  settings: FitSettings = FIT_OPTIONS,
  bootstrap: BootstrapSettings | null = null,
  onScope?: (r: ScopeResult) => void,
): ScopeResult[] {
  return scopes.map((scope) => {
    const rows = checkpointRows(manifest, logprobs, scope);
    const fit = fitScope(rows, settings);
    const x = extrapolationFit(rows, settings);
    const result: ScopeResult = { scope, fit, extrapolation: x.test, extrapolationFit: x.fit, report: x.report };
    if (bootstrap)
      result.bootstrap = {
        ...bootstrapScope(rows, fit, bootstrap),
        extrapolation: bootstrapExtrapolation(rows, x.fit, extrapolationSettings(bootstrap)),
      };
    onScope?.(result);
    return result;
  });
}

/**
 * manifest.json text with its `fits` value replaced. `fits` must be the last key (as tools/zoo writes it, 1-space
 * indent); the text before it is kept byte for byte, and the result must parse to the same object apart from `fits`.
 */
export function replaceFitsBlock(text: string, fits: unknown): string {
  const marker = '\n "fits": ';
  const at = text.lastIndexOf(marker);
  if (at < 0)
    throw new Error('manifest.json: no top-level "fits" key (expected 1-space indent, as tools/zoo writes it)');
  const body = JSON.stringify(fits, null, 1).replace(/\n/g, '\n ');
  const out = `${text.slice(0, at)}${marker}${body}\n}${text.endsWith('\n') ? '\n' : ''}`;
  const before = JSON.parse(text) as Record<string, unknown>;
  const after = JSON.parse(out) as Record<string, unknown>;
  const keys = Object.keys(before);
  if (keys[keys.length - 1] !== 'fits') throw new Error('manifest.json: "fits" is not the last key');
  if (JSON.stringify({ ...before, fits: null }) !== JSON.stringify({ ...after, fits: null }))
    throw new Error('manifest.json: rewrite changed more than fits');
  return out;
}

function bootstrapSummary(results: readonly ScopeResult[]): string {
  const lines: string[] = [];
  const f = (v: number) => Number(v.toPrecision(3)).toString();
  for (const { scope, bootstrap: b } of results) {
    if (!b) continue;
    for (const [name, a] of [
      ['A1', b.approach1],
      ['A2', b.approach2],
      ['extrap', b.extrapolation],
    ] as const) {
      if (!a) continue;
      const p = a.percentiles as Record<string, { p2_5: number; p50: number; p97_5: number }>;
      lines.push(
        `${scope.padEnd(7)} ${name} (${a.resamples} ok, ${a.failures} failed): ${Object.entries(p)
          .map(([k, v]) => `${k} ${f(v.p50)} [${f(v.p2_5)}, ${f(v.p97_5)}]`)
          .join('; ')}`,
      );
    }
  }
  return lines.length
    ? `bootstrap 95 % intervals, median [2.5 %, 97.5 %]:\n${lines.join('\n')}`
    : 'bootstrap skipped (--no-bootstrap)';
}

function summary(results: readonly ScopeResult[]): string {
  const p = (v: number | null) => (v === null ? '  n/a' : `${(100 * v).toFixed(1).padStart(6)} %`);
  const lines = ['scope   | A1 R²   RMSE  | A2 R²   RMSE  | extrap A1 rel.err (mean)      | extrap A2 rel.err (mean)'];
  for (const { scope, fit, extrapolation: x } of results) {
    lines.push(
      `${scope.padEnd(7)} | ${fit.approach1.metrics.r2.toFixed(3).padStart(6)} ${fit.approach1.metrics.rmse.toFixed(3)} | ` +
        `${fit.approach2.metrics.r2.toFixed(3).padStart(6)} ${fit.approach2.metrics.rmse.toFixed(3)} | ` +
        `${p(x.approach1.meanRelativeError)} (${p(x.approach1.relativeErrorOfMean)}) | ${p(x.approach2.meanRelativeError)} (${p(x.approach2.relativeErrorOfMean)})`,
    );
  }
  return lines.join('\n');
}

/** The extrapolation report as a table (one line per scope and approach). */
export function reportSummary(results: readonly { scope: string; report: ScopeReport }[]): string {
  const p = (v: number) => `${(100 * v).toFixed(1)} %`;
  const iv = (e: { p2_5: number; p97_5: number }) => `[${p(e.p2_5)}, ${p(e.p97_5)}]`;
  const lines = ['extrapolation report (counted points only; 95 % intervals over overtrained checkpoints):'];
  for (const { scope, report } of results) {
    for (const [name, a] of [
      ['A1', report.approach1],
      ['A2', report.approach2],
    ] as const) {
      if (!a.law || !a.baseline || !a.lawMinusBaseline) {
        lines.push(`${scope.padEnd(7)} ${name}: no counted point (${a.rule})`);
        continue;
      }
      lines.push(
        `${scope.padEnd(7)} ${name}: law ${p(a.law.meanRelativeError)} ${iv(a.law.interval)} ${a.law.direction} (bias ${p(a.law.bias)}) | ` +
          `baseline ${p(a.baseline.meanRelativeError)} ${iv(a.baseline.interval)} ${a.baseline.direction} | law − baseline ${p(a.lawMinusBaseline.value)} ${iv(a.lawMinusBaseline.interval)} | ` +
          `${a.pointsCounted}/${a.pointsTotal} points, ${a.checkpointsCounted} checkpoints`,
      );
    }
  }
  return lines.join('\n');
}

function main(argv: string[]): void {
  const t0 = Date.now();
  const dry = argv.includes('--dry');
  const skipBootstrap = argv.includes('--no-bootstrap');
  if (skipBootstrap && !dry)
    throw new Error('--no-bootstrap only with --dry: the shipped fits always carry their bootstrap intervals');
  const { manifest, logprobs } = readFitInputs();
  const since = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
  const results = runFits(
    manifest,
    logprobs,
    scopesOf(logprobs),
    FIT_OPTIONS,
    skipBootstrap ? null : BOOTSTRAP_OPTIONS,
    (r) => console.log(`${r.scope}: done at ${since()}`),
  );
  console.log(summary(results));
  console.log(reportSummary(results));
  console.log(bootstrapSummary(results));
  console.log(
    `fitted ${results.length} scopes (2 approaches + extrapolation${skipBootstrap ? '' : ` + ${BOOTSTRAP_OPTIONS.resamples}-resample bootstrap`} each) in ${since()}`,
  );
  if (dry) return;
  writeFileSync(FITTED_SETS_FILE, `${JSON.stringify(fittedSetEntries(results), null, 2)}\n`);
  writeFileSync(MANIFEST_FILE, replaceFitsBlock(readFileSync(MANIFEST_FILE, 'utf8'), fitsBlock(results)));
  console.log(`wrote ${FITTED_SETS_FILE} and the fits block of ${MANIFEST_FILE}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
