import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_CHOICE, dollarsPerBudgetFlop } from './scenario-cost';
import { parseInferenceMoney, parseTrainingMoney } from './money-parse';

const choice = { ...DEFAULT_COST_CHOICE };
const per = dollarsPerBudgetFlop(choice);

describe('budgets typed in money or GPU time', () => {
  it('"$2M" is 2e6 dollars at the training price and MFU', () => {
    const r = parseTrainingMoney('$2M', choice);
    expect(r?.ok && r.flops).toBeCloseTo(2e6 / per.train, -10);
    expect(parseTrainingMoney('$1,500,000', choice)).toMatchObject({ ok: true });
    expect(parseTrainingMoney('2.5k USD', choice)).toMatchObject({ ok: true });
  });
  it('"5,000 H100-hours" and "30 days on 1024 H100s" at BF16 and the training MFU', () => {
    const h = parseTrainingMoney('5,000 H100-hours', choice);
    expect(h?.ok && h.flops).toBeCloseTo(5000 * 3600 * 9.89e14 * 0.375, -12);
    const g = parseTrainingMoney('5k GPU-hours', choice);
    expect(g?.ok && g.flops).toBeCloseTo(5000 * 3600 * 9.89e14 * 0.375, -12);
    const d = parseTrainingMoney('30 days on 1024 H100s', choice);
    expect(d?.ok && d.flops).toBeCloseTo(30 * 24 * 1024 * 3600 * 9.89e14 * 0.375, -14);
    const a = parseTrainingMoney('100 a100-40-hours', choice);
    expect(a?.ok && a.flops).toBeCloseTo(100 * 3600 * 3.12e14 * 0.375, -10);
  });
  it('plain numbers are not money (null), bad money is explained', () => {
    expect(parseTrainingMoney('2.56e19', choice)).toBeNull();
    expect(parseTrainingMoney('7B', choice)).toBeNull();
    expect(parseTrainingMoney('$abc', choice)).toMatchObject({ ok: false });
    expect(parseTrainingMoney('$-5', choice)).toMatchObject({ ok: false });
    expect(parseTrainingMoney('3 days on 8 TPUs', choice)).toMatchObject({
      ok: false,
      message: expect.stringContaining('unknown GPU'),
    });
  });
  it('"$0.50/M" is dollars per million tokens at the compute roof', () => {
    const r = parseInferenceMoney('$0.50/M', choice);
    expect(r?.ok && r.flops).toBeCloseTo(0.5 / 1e6 / per.inference, -3);
    expect(parseInferenceMoney('$0.5 per million tokens', choice)).toMatchObject({ ok: true });
    expect(parseInferenceMoney('2e9', choice)).toBeNull();
    expect(parseInferenceMoney('$3', choice)).toMatchObject({ ok: false });
  });
});
