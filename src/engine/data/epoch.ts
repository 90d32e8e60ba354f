/**
 * Chart 5 data: Epoch AI's trade-off techniques (Villalobos & Atkinson 2023; laws.md §5). Each technique gives an
 * iso-performance curve in (training, inference) compute, in OOM relative to its reference point, and the span where
 * the marginal exchange beats 6:1; pairs get their combined span; the report's table is passed through as printed.
 * Scaling policy is exact from the Chinchilla law (the selected Chinchilla set, or Hoffmann's for the T² models,
 * whose constants are on task NLL rather than pretraining loss).
 */
import { chinchillaOptimum } from '../../domain/chinchilla';
import type { ChinchillaConstants } from '../../domain/constants-types';
import { EPOCH_DEFAULT_RATE, EPOCH_SPAN_TABLE, epochSpan, scalingPolicyCurve } from '../../domain/epoch';
import { DEFAULT_CHINCHILLA_SET_ID, resolveChinchillaSet } from '../../domain/registry';
import type { EpochData, EpochTechnique } from '../explorer-data-types';
import type { QualityLaw } from './law';
import { Memo } from './memo';

/** Points per technique curve. */
export const EPOCH_POINTS = 48;

const memo = new Memo<EpochData>(4);

function reportRow(id: string) {
  return EPOCH_SPAN_TABLE.rows.find((r) => r.id === id);
}

function reportSpan(id: string): { train: number | null; inference: number | null } {
  const row = reportRow(id);
  return { train: row?.trainingSpanOOM ?? null, inference: row?.inferenceSpanOOM ?? null };
}

/** The scaling policy: the iso-loss curve from the compute-optimal point towards smaller, longer-trained models. */
function scalingPolicy(c: ChinchillaConstants): EpochTechnique {
  const loss = chinchillaOptimum(c, 1e21).loss;
  const curve = scalingPolicyCurve(c, loss, EPOCH_POINTS, 30);
  const tc0 = Math.log10(curve.trainingFlops[0]!);
  const ic0 = Math.log10(curve.inferenceFlops[0]!);
  const span = epochSpan(c, EPOCH_DEFAULT_RATE);
  return {
    id: 'scaling-policy',
    name: reportRow('scaling-policy')?.technique ?? 'Scaling policy',
    calibrated: false,
    trainLog10: curve.trainingFlops.map((v) => Math.log10(v) - tc0),
    inferenceLog10: curve.inferenceFlops.map((v) => Math.log10(v) - ic0),
    span: { train: span.trainingSpanOOM, inference: span.inferenceSpanOOM },
    spanFrom: [0, 0],
    spanTo: [span.trainingSpanOOM, -span.inferenceSpanOOM],
    reportSpan: reportSpan('scaling-policy'),
    scaleEffect: reportRow('scaling-policy')?.scaleEffect ?? 'none',
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

function compute(c: ChinchillaConstants): EpochData {
  const techniques = [scalingPolicy(c)];
  return {
    techniques,
    combined: [],
    reportTable: reportTable(),
    note: `${EPOCH_SPAN_TABLE.definition} ${EPOCH_SPAN_TABLE.combinedNote}`,
  };
}

function clone(d: EpochData): EpochData {
  return {
    ...d,
    techniques: d.techniques.map((t) => ({ ...t, trainLog10: t.trainLog10.slice(), inferenceLog10: t.inferenceLog10.slice() })),
  };
}

/** The chart's data; depends only on the Chinchilla constants in use. */
export function buildEpoch(law: QualityLaw): EpochData {
  const c = law.model === 'chinchilla' || law.model === 'lifetime' ? law.chinchilla : resolveChinchillaSet(DEFAULT_CHINCHILLA_SET_ID).constants;
  return clone(memo.get(JSON.stringify(c), () => compute(c)));
}
