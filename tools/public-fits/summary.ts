/**
 * Markdown tables of results/report.json for the README (`npx tsx tools/public-fits/summary.ts`): per training set the
 * stage-1 fit, and per task and split the extrapolation errors beside the baseline, with bootstrap intervals.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SplitResult } from './extrapolation';
import type { GadreReport } from './gadre-fit';
import { REPORT_FILE } from './run';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : `${(100 * v).toFixed(1)} %`);
const iv = (i: { p2_5: number; p97_5: number } | null) =>
  i ? ` [${(100 * i.p2_5).toFixed(1)}, ${(100 * i.p97_5).toFixed(1)}]` : '';
const sign = (v: number | undefined) => (v === undefined ? '' : v > 0 ? ' (over)' : ' (under)');
const share = (v: number | null) => (v === null ? 'n/a' : `${Math.round(100 * v)} %`);
const f = (v: number, d = 3) => Number(v.toPrecision(d)).toString();

export function gadreMarkdown(r: GadreReport): string {
  const out: string[] = [];
  out.push(
    '| training set | runs | E | A | α | B | β | R² | RMSE (nats) | R², all runs | R², non-embedding N (α) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const t of r.trainingSets) {
    const c = t.stage1;
    out.push(
      `| ${t.name}${t.trainingSet === r.mainTrainingSet ? ' (shipped)' : ''} | ${t.runs} | ${f(c.E)} | ${f(c.A)} | ${f(c.alpha)} | ${f(c.B)} | ${f(c.beta)} | ${t.stage1Goodness.r2.toFixed(4)} | ${f(t.stage1Goodness.rmse)} | ${t.stage1AllModels.goodness.r2.toFixed(4)} | ${t.stage1NonEmbedding.goodness.r2.toFixed(4)} (${f(t.stage1NonEmbedding.constants.alpha)}) |`,
    );
  }
  out.push(
    '',
    '| training set | task (floor) | μ R² (no floor) | split | held out | loss: fit | loss: baseline | accuracy: scored | accuracy: fit | accuracy: baseline | fit beats baseline (share of resamples: loss, accuracy) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const t of r.trainingSets) {
    for (const k of t.tasks) {
      k.extrapolation.forEach((s: SplitResult, i) => {
        const L = s.scores.loss,
          A = s.scores.accuracy,
          b = s.bootstrap;
        const head =
          i === 0
            ? `| ${t.name} | ${k.task} (${k.floor}) | ${k.goodness.r2.toFixed(3)}${k.withoutFloor ? ` (${k.withoutFloor.goodness.r2.toFixed(3)})` : ''} `
            : '| | | ';
        out.push(
          `${head}| ${s.id} | ${s.heldOutRuns.length} | ${pct(L.fit?.meanRelativeError)}${iv(b.loss.fit)}${sign(L.fit?.signedMeanRelativeError)} | ${pct(L.baseline?.meanRelativeError)}${iv(b.loss.baseline)} | ${s.scoredAccuracyRuns} | ${pct(A.fit?.meanRelativeError)}${iv(b.accuracy.fit)}${sign(A.fit?.signedMeanRelativeError)} | ${pct(A.baseline?.meanRelativeError)}${iv(b.accuracy.baseline)} | ${share(b.fitBeatsBaselineShare.loss)}, ${share(b.fitBeatsBaselineShare.accuracy)} |`,
        );
      });
    }
  }
  return out.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const report = JSON.parse(readFileSync(REPORT_FILE, 'utf8')) as Record<string, unknown>;
  console.log(gadreMarkdown(report['gadre-2024'] as GadreReport));
}
