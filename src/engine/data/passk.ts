/**
 * Chart 4 data: pass@k against k at the design's N and D.
 * - 't2-2': the Approach 2 accuracy 1 − B(a, b + k)/B(a, b) (laws.md §2–3).
 * - 't2-1': Approach 1 models the mean of −log pass@k, so exp(−L(N, D, k)) is the pass@k it implies (a geometric
 *   mean over questions, hence a lower bound on the mean pass@k by Jensen's inequality).
 * - 'chinchilla', 'lifetime': no k term; the chart says so instead of drawing a flat line.
 * Each model's mapping and subtitle are its entry in src/domain/quality-models.ts (`passAtK`, `notes.passk`).
 */
import { qualityModel } from '../../domain/quality-models';
import type { Scenario } from '../../domain/scenario';
import type { PasskData } from '../explorer-data-types';
import { logspace } from './grid';
import type { QualityLaw } from './law';

/** Points of the k sweep. */
export const PASSK_POINTS = 60;

/** The chart's curve for `scenario` under `law`. */
export function buildPassk(law: QualityLaw, scenario: Scenario): PasskData {
  const { params: n, tokens: d, samples: k } = scenario;
  const spec = qualityModel(law.model);
  const implied = spec.passAtK;
  if (!implied) {
    return {
      available: false,
      samples: new Float64Array(0),
      passAtK: new Float64Array(0),
      design: null,
      subtitle: spec.notes.passk,
    };
  }
  const kMax = Math.max(1e4, 10 ** Math.ceil(Math.log10(k) + 1));
  const samples = logspace(0, Math.log10(kMax), PASSK_POINTS);
  const value = (kk: number) => implied(law.quality(n, d, kk));
  const passAtK = samples.map(value);
  return {
    available: true,
    samples,
    passAtK,
    design: { samples: k, passAtK: value(k) },
    subtitle: spec.notes.passk,
  };
}
