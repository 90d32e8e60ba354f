/**
 * The testbed's T² fits (issue 4 "Fits"; method in tools/zoo/README.md "Fits"). Pure pieces live in ./fit/; this file
 * wires them to the shipped files and has a small CLI:
 *   npm run zoo:fit            fits every scope, writes src/domain/data/t2-fitted.json and manifest.json `fits`
 *   npm run zoo:fit -- --dry   prints the summary only
 * manifest.json is rewritten textually: everything before its last key `fits` stays byte-identical.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseManifest, type Manifest } from '../../src/inference/manifest';
import { extrapolationTest, fitScope, FIT_OPTIONS, type ExtrapolationTest, type FitSettings, type ScopeFit } from './fit/run';
import { fittedSetEntries, fitsBlock } from './fit/sets';
import { checkpointRows, MACRO } from './fit/targets';
import type { AnswerLogprobs } from './fit/types';

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

export interface ScopeResult { scope: string; fit: ScopeFit; extrapolation: ExtrapolationTest }

/** Fits and extrapolation tests of the given scopes (default: all). */
export function runFits(manifest: Manifest, logprobs: AnswerLogprobs, scopes = scopesOf(logprobs), settings: FitSettings = FIT_OPTIONS): ScopeResult[] {
  return scopes.map((scope) => {
    const rows = checkpointRows(manifest, logprobs, scope);
    return { scope, fit: fitScope(rows, settings), extrapolation: extrapolationTest(rows, settings) };
  });
}

/**
 * manifest.json text with its `fits` value replaced. `fits` must be the last key (as tools/zoo writes it, 1-space
 * indent); the text before it is kept byte for byte, and the result must parse to the same object apart from `fits`.
 */
export function replaceFitsBlock(text: string, fits: unknown): string {
  const marker = '\n "fits": ';
  const at = text.lastIndexOf(marker);
  if (at < 0) throw new Error('manifest.json: no top-level "fits" key (expected 1-space indent, as tools/zoo writes it)');
  const body = JSON.stringify(fits, null, 1).replace(/\n/g, '\n ');
  const out = `${text.slice(0, at)}${marker}${body}\n}${text.endsWith('\n') ? '\n' : ''}`;
  const before = JSON.parse(text) as Record<string, unknown>;
  const after = JSON.parse(out) as Record<string, unknown>;
  const keys = Object.keys(before);
  if (keys[keys.length - 1] !== 'fits') throw new Error('manifest.json: "fits" is not the last key');
  if (JSON.stringify({ ...before, fits: null }) !== JSON.stringify({ ...after, fits: null })) throw new Error('manifest.json: rewrite changed more than fits');
  return out;
}

function summary(results: readonly ScopeResult[]): string {
  const p = (v: number | null) => (v === null ? '  n/a' : `${(100 * v).toFixed(1).padStart(6)} %`);
  const lines = ['scope   | A1 R²   RMSE  | A2 R²   RMSE  | extrap A1 rel.err (mean)      | extrap A2 rel.err (mean)'];
  for (const { scope, fit, extrapolation: x } of results) {
    lines.push(`${scope.padEnd(7)} | ${fit.approach1.metrics.r2.toFixed(3).padStart(6)} ${fit.approach1.metrics.rmse.toFixed(3)} | `
      + `${fit.approach2.metrics.r2.toFixed(3).padStart(6)} ${fit.approach2.metrics.rmse.toFixed(3)} | `
      + `${p(x.approach1.meanRelativeError)} (${p(x.approach1.relativeErrorOfMean)}) | ${p(x.approach2.meanRelativeError)} (${p(x.approach2.relativeErrorOfMean)})`);
  }
  return lines.join('\n');
}

function main(argv: string[]): void {
  const t0 = Date.now();
  const { manifest, logprobs } = readFitInputs();
  const results = runFits(manifest, logprobs);
  console.log(summary(results));
  console.log(`fitted ${results.length} scopes (2 approaches + extrapolation each) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (argv.includes('--dry')) return;
  writeFileSync(FITTED_SETS_FILE, `${JSON.stringify(fittedSetEntries(results), null, 2)}\n`);
  writeFileSync(MANIFEST_FILE, replaceFitsBlock(readFileSync(MANIFEST_FILE, 'utf8'), fitsBlock(results)));
  console.log(`wrote ${FITTED_SETS_FILE} and the fits block of ${MANIFEST_FILE}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
