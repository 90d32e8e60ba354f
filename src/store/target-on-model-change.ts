import { sameQuality } from '../domain/quality-models';
import type { QualityModel } from '../domain/scenario';

/**
 * The target quality to keep when the quality model changes: unchanged when both models measure the same thing
 * (Chinchilla loss in the chinchilla and lifetime views), else cleared (0 = not set), because a task NLL, a pretraining
 * loss and a pass@k accuracy are different quantities (a 9-nat target would read as 900 % accuracy).
 */
export function targetOnModelChange(from: QualityModel, to: QualityModel, target: number): number {
  if (from === to) return target;
  return sameQuality(from, to) ? target : 0;
}
