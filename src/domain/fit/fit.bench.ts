import { bench, describe } from 'vitest';
import { fitChinchilla } from './fit-chinchilla';
import { fitChinchillaProfiled } from './fit-chinchilla-profiled';
import { fitT2Approach1 } from './fit-t2-approach1';
import { syntheticChinchillaPoints, syntheticT2Approach1Points } from './synthetic';
import { getT2Approach1Set } from '../t2-sets';

// 250 synthetic points from the Besiroglu et al. 2024 constants (laws.md §1) with 1 % noise.
const points = syntheticChinchillaPoints(
  { E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 },
  250,
  11,
  0.01,
);
const t2Points = syntheticT2Approach1Points(
  getT2Approach1Set('t2-illustrative')!.constants,
  106,
  [1, 2, 4, 8, 16, 32, 64, 128],
  21,
);

describe('Chinchilla Approach 3 fit, 250 points, Hoffmann’s 4,500-start grid', () => {
  bench(
    'screen all 4,500 starts, L-BFGS from the best 256 (default)',
    () => {
      fitChinchilla(points);
    },
    { iterations: 3, warmupIterations: 1 },
  );
  bench(
    'L-BFGS from every one of the 4,500 starts (refine: all)',
    () => {
      fitChinchilla(points, { refine: 'all' });
    },
    { iterations: 1, warmupIterations: 0 },
  );
});

// Issue 11: the fit's cost per row. 10,000 points: the start search runs on a 500-point subsample (default) or on all.
const many = syntheticChinchillaPoints(
  { E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 },
  10_000,
  12,
  0.01,
);
describe('Chinchilla Approach 3 fit, 10,000 points, Hoffmann’s grid', () => {
  bench(
    'search on a 500-point subsample, 4 refinements on all points (default)',
    () => {
      fitChinchilla(many);
    },
    { iterations: 1, warmupIterations: 0 },
  );
});

describe('Profiled-E Chinchilla fit (T² Approach 2 stage 1), 250 points', () => {
  bench(
    '24 E grid values + Brent, inverse-variance isoFLOP weights',
    () => {
      fitChinchillaProfiled(points);
    },
    { iterations: 3, warmupIterations: 1 },
  );
});

describe('T² Approach 1 fit, 106 runs × 8 k = 848 points, 500 restarts', () => {
  bench(
    'screen 500 restarts, L-BFGS from the best 64 (default)',
    () => {
      fitT2Approach1(t2Points);
    },
    { iterations: 3, warmupIterations: 1 },
  );
});
