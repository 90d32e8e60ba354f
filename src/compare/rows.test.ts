import { describe, expect, it } from 'vitest';
import type { Scenario } from '../domain/scenario';
import { comparePoint } from '../engine/compare-point';
import { registryCatalog } from '../store/url/catalog';
import { defaultScenario } from '../store/url/schema';
import { compareRows, compareSummary, qualityChange, ratioChange } from './rows';

const base = defaultScenario((m) => registryCatalog.defaultId(m));
const point = (s: Partial<Scenario>) => comparePoint({ ...base, ...s });

describe('the difference table of an A/B comparison', () => {
  it('says "same" on every row when B is A', () => {
    const a = point({});
    const rows = compareRows(a, a);
    expect(rows.map((r) => r.change).every((c) => c === 'same')).toBe(true);
    expect(compareSummary(a, a)).toBe('B against A: quality same; lifetime compute same.');
  });

  it('keeps numbers as numbers for exports and reads ratios as people write them', () => {
    const a = point({ params: 1e8 });
    const b = point({ params: 5e8 });
    const byId = Object.fromEntries(compareRows(a, b).map((r) => [r.id, r]));
    expect(byId.params!.a).toBe(1e8);
    expect(byId.params!.b).toBe(5e8);
    expect(byId.params!.change).toBe('5.0× larger');
    expect(byId.trainFlops!.a).toBe(a.trainFlops);
    expect(typeof byId.quality!.b).toBe('number');
    expect(byId.totalCost!.unit).toBe('$');
    for (const r of Object.values(byId)) expect(`${r.aText} ${r.bText} ${r.change}`).not.toMatch(/NaN|undefined/);
  });

  it('ratioChange: more/less by B/A, capped, and "—" when a value is missing', () => {
    expect(ratioChange(10, 49)).toBe('4.9× more');
    expect(ratioChange(49, 10)).toBe('4.9× less');
    expect(ratioChange(1, 1.001)).toBe('same');
    expect(ratioChange(1, 5e7)).toBe('> 1,000,000× more');
    expect(ratioChange(null, 1)).toBe('—');
    expect(ratioChange(0, 1)).toBe('—');
  });

  it('qualityChange: points for accuracies, nats for losses, better or worse by the direction', () => {
    const acc = point({ qualityModel: 't2-2', constantSet: registryCatalog.defaultId('t2-2') });
    const acc2 = { ...acc, value: acc.value + 0.012 };
    expect(qualityChange(acc, acc2)).toBe('+1.2 points, better');
    expect(qualityChange(acc2, acc)).toBe('−1.2 points, worse');
    const loss = point({ qualityModel: 'chinchilla', constantSet: registryCatalog.defaultId('chinchilla') });
    expect(qualityChange(loss, { ...loss, value: loss.value - 0.05 })).toBe('−0.05 nats, better');
    expect(qualityChange(loss, acc)).toMatch(/^not comparable: A measures loss, B pass@k accuracy$/);
  });
});
