/**
 * The data-set modules `npm run public:fit` runs, in this order; their sets are shipped in this order in
 * src/domain/data/t2-public.json (the first Approach 2 / Approach 1 set of the list is the first the app lists).
 * To add a data set: write tools/public-fits/<name>.ts exporting a PublicFitModule (./types.ts) and add one entry here.
 */
import { gadreModule } from './gadre';
import { pythiaModule } from './pythia';
import { sardanaModule } from './sardana';
import type { PublicFitModule } from './types';

export const MODULES: readonly PublicFitModule[] = [gadreModule, pythiaModule, sardanaModule];
