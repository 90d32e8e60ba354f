/** The constant-set catalog the URL codec validates against, read from the domain registry. */
import { defaultConstantSet, listConstantSets } from '../../domain/registry';
import type { ConstantSetCatalog } from './codec';

export const registryCatalog: ConstantSetCatalog = {
  ids: (model) => listConstantSets(model).map((s) => s.id),
  defaultId: (model) => defaultConstantSet(model),
};
