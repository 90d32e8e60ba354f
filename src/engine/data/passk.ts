/**
 * Chart 4 data: pass@k against k at the design's N and D.
 * - 't2-2': the Approach 2 accuracy 1 − B(a, b + k)/B(a, b) (laws.md §2–3).
 * - 't2-1': Approach 1 models the mean of −log pass@k, so exp(−L(N, D, k)) is the pass@k it implies (a geometric
 *   mean over questions, hence a lower bound on the mean pass@k by Jensen's inequality).
 * - 'chinchilla', 'lifetime': no k term; the chart says so instead of drawing a flat line.
 * Each model's mapping and subtitle are its entry in src/domain/quality-models.ts (`passAtK`, `notes.passk`).
 * Under a test-time strategy other than the oracle (src/domain/strategies) the main curve is that strategy's accuracy,
 * with the oracle's pass@k beside it and the strategy's limit as k → ∞. Brown et al.'s published coverage fit is drawn
 * for reference under both T² models (another model and task: a shape to compare, not a prediction).
 */
import { qualityModel } from '../../domain/quality-models';
import { monkeysCoverage } from '../../domain/passk';
import type { Scenario } from '../../domain/scenario';
import { COVERAGE_FITS } from '../../domain/strategies/coverage-fits';
import { strategyLimitFromBeta } from '../../domain/strategies/accuracy';
import { strategySpec } from '../../domain/strategies/registry';
import { resolveConstantSet } from '../../domain/registry';
import { t2Accuracy, t2BetaParams } from '../../domain/t2-approach2';
import type { T2Approach2Constants } from '../../domain/constants-types';
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
  const extra: NonNullable<PasskData['extra']> = [];
  let limit: PasskData['limit'] = null;
  let subtitle = spec.notes.passk;
  if (law.strategy) {
    const spec = strategySpec(law.strategy.id);
    const c = resolveConstantSet(law.model, law.set.id, scenario.userSet).set.constants as T2Approach2Constants;
    extra.push({
      id: 'oracle',
      label: 'pass@k (oracle verifier)',
      kind: 'oracle',
      samples,
      values: samples.map((kk) => t2Accuracy(c, n, d, kk)),
    });
    const { mu, nu } = t2BetaParams(c, n, d);
    limit = { value: strategyLimitFromBeta(law.strategy, mu, nu), label: `${spec.label}: limit as k → ∞` };
    subtitle = `T² Approach 2 Beta model under ${spec.label.toLowerCase()} (assumed parameters), against the oracle's pass@k`;
  }
  for (const fit of COVERAGE_FITS) {
    const ks = samples.filter((kk) => kk >= fit.samples[0] && kk <= fit.samples[1]);
    extra.push({
      id: fit.id,
      label: fit.label,
      kind: 'reference',
      samples: ks,
      values: ks.map((kk) => monkeysCoverage(fit.a, fit.b, kk)),
    });
  }
  return {
    available: true,
    samples,
    passAtK,
    design: { samples: k, passAtK: value(k) },
    subtitle,
    quantity: law.strategy ? strategySpec(law.strategy.id).quantity : 'pass@k',
    extra,
    limit,
  };
}
