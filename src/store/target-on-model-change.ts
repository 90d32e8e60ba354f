import type { QualityModel } from '../domain/scenario';

/** Models whose quality is the same Chinchilla pretraining loss, so a target keeps its meaning between them. */
const CHINCHILLA_LOSS: readonly QualityModel[] = ['chinchilla', 'lifetime'];

/**
 * The target quality to keep when the quality model changes: unchanged when both models measure the same thing
 * (Chinchilla loss in the chinchilla and lifetime views), else cleared (0 = not set), because a task NLL, a pretraining
 * loss and a pass@k accuracy are different quantities (a 9-nat target would read as 900 % accuracy).
 */
export function targetOnModelChange(from: QualityModel, to: QualityModel, target: number): number {
  if (from === to) return target;
  return CHINCHILLA_LOSS.includes(from) && CHINCHILLA_LOSS.includes(to) ? target : 0;
}
