/** The T² fits on Gadre et al. 2024 (work in progress: filled in by the next commits). */
import type { GadreModel } from './gadre-data';
import type { ModuleResult, RunOptions } from './types';

export function fitGadre(models: readonly GadreModel[], opts: RunOptions): ModuleResult {
  opts.log(`gadre-2024: ${models.length} models read (fits not written yet)`);
  return { sets: [], report: { models: models.length } };
}
