/**
 * What the chart texts and the headline read of the charted quality model (ExplorerData.model), from its entry in
 * the quality-model registry (src/domain/quality-models.ts), so none of them names a model id. src/app may import the
 * domain for types only (eslint.config.js fences): its headline reads these through src/charts, as it does number
 * formatting.
 */
import { isLifetimeAccounting, qualityModel } from '../domain/quality-models';
import type { QualityModel } from '../domain/scenario';

/** True when k enters the model's quality (the T² laws), so a design's samples per question are worth naming. */
export function modelUsesSamples(model: QualityModel): boolean {
  return qualityModel(model).usesSamples;
}

/** True when the model counts one lifetime budget 6ND + 2NkT (Sardana et al.) instead of two budgets. */
export function modelCountsLifetime(model: QualityModel): boolean {
  return isLifetimeAccounting(model);
}
