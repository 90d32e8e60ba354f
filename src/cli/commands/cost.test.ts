import { describe, expect, it } from 'vitest';
import peer from '../../domain/cost/peer-cases.json';
import { badLine, okJson } from '../test-helpers';

/** The peer's flags (snake_case, GPU names in capitals) as this CLI's (kebab-case, lower-case ids). */
function ourFlags(peerArgs: string): string {
  const map: Record<string, string> = {
    '--inference_reqs': '--inference-requests',
    '--input_tok': '--input-tokens',
    '--output_tok': '--output-tokens',
    '--train_gpu_type': '--train-gpu',
    '--inference_gpu_type': '--inference-gpu',
    '--train_dtype': '--train-dtype',
    '--inference_dtype': '--inference-dtype',
    '--train_mfu': '--train-mfu',
    '--prefill_mfu': '--prefill-mfu',
    '--generation_mfu': '--generation-mfu',
    '--train_gpu_cost': '--train-price',
    '--inference_gpu_cost': '--inference-price',
    '--loss': '--loss',
  };
  return peerArgs
    .split(/\s+/)
    .map((w) => map[w] ?? w.toLowerCase().replace('_', '-'))
    .join(' ');
}

describe('cost-optimum', () => {
  it("runs side by side with the peer's flags (decode model mfu, its MFU defaults) and agrees on the A100 case to its digits", () => {
    const c = peer.cases[0]!;
    const o = okJson(`cost-optimum --constants sardana ${ourFlags(c.args)} --decode-model mfu`) as Record<
      string,
      number
    >;
    expect(Object.keys(o)).toEqual([
      'params',
      'tokens',
      'trainCost',
      'totalCost',
      'paramsRatio',
      'tokensRatio',
      'costRatio',
      'cost',
      'chinchilla',
    ]);
    expect(Number(o.params!.toExponential(3))).toBe(c.printed.params);
    expect(Number(o.tokens!.toExponential(3))).toBe(c.printed.tokens);
    expect(Math.abs(o.totalCost! / c.printed.totalCost - 1)).toBeLessThan(1e-9);
    expect(Math.round(o.costRatio! * 10000) / 100).toBe(c.printed.costPercent);
  });

  it('with the roofline decode model and k = 4 the optimum moves to a smaller model than the equal-loss Chinchilla one', () => {
    const one = okJson('cost-optimum --constants sardana --loss 1.947') as Record<string, number>;
    const four = okJson('cost-optimum --constants sardana --loss 1.947 --samples 4') as Record<string, number>;
    expect(one.paramsRatio!).toBeLessThan(1);
    expect(four.params!).toBeLessThan(one.params!);
    expect(four.totalCost!).toBeGreaterThan(one.totalCost!);
  });

  it('refuses bad input with one line: unknown GPU, a format the GPU lacks, MFU above 1, an unreachable loss', () => {
    expect(badLine('cost-optimum --constants sardana --loss 1.947 --train-gpu tpu-v5')).toMatch(
      /--train-gpu must be one of a100-40, a100-80, h100, h200/,
    );
    expect(badLine('cost-optimum --constants sardana --loss 1.947 --train-gpu a100-80 --train-dtype fp8')).toMatch(
      /no fp8/,
    );
    expect(badLine('cost-optimum --constants sardana --loss 1.947 --train-mfu 1.5')).toMatch(
      /training MFU must be in \(0, 1\]/,
    );
    expect(badLine('cost-optimum --constants sardana --loss 1.2')).toMatch(/unreachable|E = 1.69/);
    expect(badLine('cost-optimum --constants sardana --loss 1.947 --decode-model magic')).toMatch(/roofline, mfu/);
  });
});

describe('cost', () => {
  it("a design's dollars and GPU-hours by hand: 8B on 15T tokens on H100 BF16 at 37.5 % MFU", () => {
    const o = okJson('cost --params 8B --tokens 15T --inference-requests 0 --train-gpus 16000') as Record<
      string,
      number
    >;
    const hours = (6 * 8e9 * 15e12) / (3600 * 9.89e14 * 0.375);
    expect(o.trainGpuHours!).toBeCloseTo(hours, 3);
    expect(o.trainCost!).toBeCloseTo(hours * 2, 2);
    expect(o.trainDays!).toBeCloseTo(hours / 16000 / 24, 9);
    expect(o.inferenceCost).toBe(0);
    expect(o.trainingShare).toBe(1);
  });

  it('never prints NaN or Infinity: an overflowing design is refused', () => {
    expect(badLine('cost --params 1e300 --tokens 1e300')).toMatch(/overflows/);
  });
});
