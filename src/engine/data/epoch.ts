/**
 * Chart 5 data: Epoch AI's trade-off techniques (Villalobos & Atkinson 2023; laws.md §5), from the domain's
 * technique curves: scaling policy (exact from the Chinchilla law: the selected Chinchilla set, or Hoffmann's for the
 * T² models, whose constants are on task NLL rather than pretraining loss), pruning (the report's cost multiplier), and
 * MCTS and repeated sampling (smoothly broken power laws calibrated to the report's spans, labelled calibrated). Curves
 * are in OOM (log10) relative to each technique's reference model; each pair gets its combined, sub-additive span.
 */
import { constantFamily } from '../../domain/constant-families';
import { qualityModel } from '../../domain/quality-models';
import type { ChinchillaConstants } from '../../domain/constants-types';
import { EPOCH_SPAN_TABLE } from '../../domain/epoch';
import {
  calibratedTechnique,
  combineTechniques,
  pruningTechnique,
  scalingPolicyTechnique,
  type TechniqueCurve,
} from '../../domain/epoch-techniques';
import { DEFAULT_CHINCHILLA_SET_ID, resolveChinchillaSet } from '../../domain/registry';
import { strategySpec } from '../../domain/strategies/registry';
import type { EpochData, EpochTechnique } from '../explorer-data-types';
import type { QualityLaw } from './law';
import { Memo } from './memo';

/** Points per technique curve. */
export const EPOCH_POINTS = 48;

const memo = new Memo<EpochData>(4);

/** Empties this module's cache (benchmarks and tests). */
export function clearEpochCache(): void {
  memo.clear();
}

function log10s(a: Float64Array): Float64Array {
  return a.map((v) => Math.log10(v));
}

function technique(curve: TechniqueCurve): EpochTechnique {
  const row = EPOCH_SPAN_TABLE.rows.find((r) => r.id === curve.id);
  const trainLog10 = log10s(curve.trainingFlops);
  const inferenceLog10 = log10s(curve.inferenceFlops);
  const last = trainLog10.length - 1;
  return {
    id: curve.id,
    name: curve.name,
    calibrated: curve.calibrated,
    trainLog10,
    inferenceLog10,
    span: { train: curve.span.trainingSpanOOM, inference: curve.span.inferenceSpanOOM },
    spanFrom: [trainLog10[0]!, inferenceLog10[0]!],
    spanTo: [trainLog10[last]!, inferenceLog10[last]!],
    reportSpan: { train: row?.trainingSpanOOM ?? null, inference: row?.inferenceSpanOOM ?? null },
    scaleEffect: row?.scaleEffect ?? '',
  };
}

function reportTable(): EpochData['reportTable'] {
  const oom = (v: number | null, approx: boolean) => (v === null ? 'n/a' : `${approx ? '~' : ''}${v}`);
  return EPOCH_SPAN_TABLE.rows.map((r) => ({
    technique: r.technique,
    train: oom(r.trainingSpanOOM, r.approximate),
    inference: oom(r.inferenceSpanOOM, r.approximate),
    scaleEffect: r.scaleEffect,
  }));
}

function compute(c: ChinchillaConstants, key: string, source: string): EpochData {
  const curves = [
    scalingPolicyTechnique(c, undefined, EPOCH_POINTS),
    pruningTechnique(undefined, undefined, EPOCH_POINTS),
    calibratedTechnique('mcts', EPOCH_POINTS),
    calibratedTechnique('repeated-sampling-cheap', EPOCH_POINTS),
    calibratedTechnique('repeated-sampling-expensive', EPOCH_POINTS),
  ];
  const combined: EpochData['combined'] = [];
  for (let i = 0; i < curves.length; i++) {
    for (let j = i + 1; j < curves.length; j++) {
      const both = combineTechniques(curves[i]!, curves[j]!);
      combined.push({
        ids: [curves[i]!.id, curves[j]!.id],
        train: both.span.trainingSpanOOM,
        inference: both.span.inferenceSpanOOM,
        trainLog10: log10s(both.trainingFlops),
        inferenceLog10: log10s(both.inferenceFlops),
      });
    }
  }
  return {
    key,
    techniques: curves.map(technique),
    combined,
    reportTable: reportTable(),
    strategyNote: null,
    note: `${source} ${EPOCH_SPAN_TABLE.definition} ${EPOCH_SPAN_TABLE.combinedNote} Combined spans assume the second technique keeps half its effect (an assumption, not the report's).`,
  };
}

function clone(d: EpochData): EpochData {
  return {
    ...d,
    techniques: d.techniques.map((t) => ({
      ...t,
      trainLog10: t.trainLog10.slice(),
      inferenceLog10: t.inferenceLog10.slice(),
    })),
    combined: d.combined.map((c) => ({
      ...c,
      trainLog10: c.trainLog10.slice(),
      inferenceLog10: c.inferenceLog10.slice(),
    })),
  };
}

/**
 * Why the spans do not follow a chosen test-time strategy (null under the oracle): the Epoch curves are the report's
 * own technique curves, not built from the T² per-question Beta the strategies act on.
 */
export function epochStrategyNote(law: QualityLaw): string | null {
  if (!law.strategy) return null;
  return (
    `These spans do not follow the chosen test-time strategy (${strategySpec(law.strategy.id).label}): they are Villalobos & Atkinson's ` +
    'own technique curves (repeated sampling with cheap verification is their pass@k, with expensive verification their 10@k), ' +
    "calibrated to the report's spans rather than built from the T² per-question distribution a strategy acts on. " +
    'The row nearest a voting or imperfect-verifier strategy is "repeated sampling, expensive verification".'
  );
}

/**
 * The chart's data; the curves depend only on the Chinchilla constants in use (memoised by them), the strategy note on
 * the law's test-time strategy.
 */
export function buildEpoch(law: QualityLaw): EpochData {
  // A set on pretraining loss drives the scaling policy itself; a T² set's constants are on task NLL.
  const own = constantFamily(qualityModel(law.model).constantFamily).pretrainingLoss;
  const set = own ? law.set : resolveChinchillaSet(DEFAULT_CHINCHILLA_SET_ID);
  const c = own ? law.chinchilla : resolveChinchillaSet(DEFAULT_CHINCHILLA_SET_ID).constants;
  const source = own
    ? `Scaling policy from ${set.name}.`
    : `Scaling policy from ${set.name} (the T² sets are on task NLL, not pretraining loss).`;
  const key = `epoch|${JSON.stringify(c)}|${source}`;
  const strategyNote = epochStrategyNote(law);
  return { ...clone(memo.get(key, () => compute(c, key, source))), strategyNote };
}
