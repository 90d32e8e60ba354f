import { describe, expect, it } from 'vitest';
import { chinchillaOptimum } from '../../domain/chinchilla';
import type { T2Approach1Set } from '../../domain/constants-types';
import type { UserConstantSet } from '../../domain/registry';
import type { Scenario } from '../../domain/scenario';
import { t2Loss } from '../../domain/t2-approach1';
import { t2Accuracy } from '../../domain/t2-approach2';
import { t2Optimum } from '../../domain/t2-optimum';
import { getT2Approach1Set, getT2Approach2Set } from '../../domain/t2-sets';
import { buildExplorerData } from '../explorer-data';
import { PAPER_INFERENCE_FLOPS, PAPER_TRAIN_FLOPS } from './paper-setting';

const S: Scenario = {
  qualityModel: 't2-1',
  constantSet: 't2-illustrative',
  params: 3e9,
  tokens: 1e11,
  samples: 1,
  trainFlops: 1e22,
  inferenceFlops: 1e10,
  tokensServed: 2e12,
  targetQuality: 0,
};

describe('paper-setting comparison (Table 1 direction)', () => {
  it("Approach 1: the T² optimum vs Chinchilla at 2.56e19 / 2e9, whatever the scenario's own budgets", () => {
    const c = getT2Approach1Set('t2-illustrative')!.constants;
    const ps = buildExplorerData(S).paperSetting!;
    const o = t2Optimum(1, c, PAPER_TRAIN_FLOPS, PAPER_INFERENCE_FLOPS);
    expect(ps.overtrained.point.params).toBe(o.params);
    expect(ps.overtrained.point.samples).toBeCloseTo(o.samples, 9);
    expect(ps.overtrained.passAtK).toBeCloseTo(Math.exp(-o.value), 12);
    const ch = chinchillaOptimum(c, PAPER_TRAIN_FLOPS);
    const k = PAPER_INFERENCE_FLOPS / (2 * ch.params);
    expect(ps.chinchilla.point.params).toBe(ch.params);
    expect(ps.chinchilla.point.samples).toBeCloseTo(k, 9);
    expect(ps.chinchilla.point.quality).toBeCloseTo(t2Loss(c, ch.params, ch.tokens, k), 12);
    expect(ps.agreesWithPaper).toBe(true);
  });

  it('Approach 2: pass@k is the Beta-model accuracy of each design', () => {
    const c = getT2Approach2Set('t2-illustrative')!.constants;
    const ps = buildExplorerData({ ...S, qualityModel: 't2-2' }).paperSetting!;
    const p = ps.chinchilla.point;
    expect(ps.chinchilla.passAtK).toBeCloseTo(t2Accuracy(c, p.params, p.tokens, p.samples), 12);
    expect(ps.overtrained.passAtK).toBeGreaterThan(ps.chinchilla.passAtK);
  });

  it('a set whose sampling term is negligible does not "agree": its optimum ties with Chinchilla\'s', () => {
    const ill = getT2Approach1Set('t2-illustrative')!;
    const user: UserConstantSet = {
      family: 't2-1',
      set: {
        ...ill,
        id: 'u',
        name: 'No k term',
        kind: 'user',
        constants: { ...ill.constants, G: 1e-9 },
      } as T2Approach1Set,
    };
    expect(buildExplorerData({ ...S, constantSet: 'u', userSet: user }).paperSetting!.agreesWithPaper).toBe(false);
    expect(buildExplorerData({ ...S, qualityModel: 'chinchilla', constantSet: 'hoffmann' }).paperSetting).toBeNull();
  });
});
