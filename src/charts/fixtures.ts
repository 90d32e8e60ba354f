/** Small fixed inputs for the chart tests (not shipped data): a 4×3 frontier grid with hand-picked values. */
import type { DesignPoint, FrontierData, QualityInfo, SetInfo } from '../engine/explorer-data-types';

export const LOSS: QualityInfo = { label: 'loss', unit: 'nats', higherIsBetter: false };
export const ACCURACY: QualityInfo = { label: 'pass@k accuracy', unit: '', higherIsBetter: true };
export const SET: SetInfo = { id: 'fixture', name: 'Fixture set', kind: 'illustrative', source: 'test fixture' };

export function point(params: number, tokens: number, samples: number, quality: number): DesignPoint {
  return {
    params,
    tokens,
    samples,
    quality,
    trainFlops: 6 * params * tokens,
    inferenceFlops: 2 * params * samples,
    tokensPerParam: tokens / params,
  };
}

/**
 * Training budgets 1e18…1e21 (4 decades), inference budgets 1e8…1e10 (3): loss falls with both budgets.
 * Value at (i, j) = 10 − i − j, so the thresholds 9.5, 8.5, 7.5 give three nested contours.
 */
export function frontierFixture(): FrontierData {
  const trainFlops = Float64Array.from([1e18, 1e19, 1e20, 1e21]);
  const inferenceFlops = Float64Array.from([1e8, 1e9, 1e10]);
  const quality = new Float64Array(12);
  for (let j = 0; j < 3; j++) for (let i = 0; i < 4; i++) quality[i + j * 4] = 10 - i - j;
  return {
    gridKey: 'fixture-grid',
    trainFlops,
    inferenceFlops,
    quality,
    thresholds: Float64Array.from([9.5, 8.5, 7.5]),
    design: point(1e8, 1e19 / 6e8, 5, 8.2), // at (6ND, 2Nk) = (1e19, 1e9)
    optimum: point(5e7, 1e19 / 3e8, 10, 8),
    chinchilla: point(2e8, 1e19 / 1.2e9, 2.5, 8.4),
    lifetime: null,
    equalQuality: point(4e7, 1e18 / 2.4e8, 5, 8.2),
    budget: { trainFlops: 1e19, inferenceFlops: 1e9 },
    note: 'fixture',
  };
}
