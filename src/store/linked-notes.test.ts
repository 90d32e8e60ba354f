import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { budgetMisses } from '../domain/budget-use';
import { applyChange, heldBudgetNotes, type NumericField } from './linked';
import { defaultScenario } from './url/schema';

const base = defaultScenario(() => 'set');
const MOVABLE: NumericField[] = ['params', 'tokens', 'samples', 'trainFlops', 'inferenceFlops'];

describe('linked mode never breaks a budget silently', () => {
  it('typing N = 7B at the default budgets keeps k at 1 and says so beside k, naming the overshoot', () => {
    const s = applyChange(base, 'params', 7e9, true);
    expect(s.samples).toBe(1);
    const notes = heldBudgetNotes(s, true);
    expect(notes.samples).toMatch(/k stays at its minimum 1/);
    expect(notes.samples).toMatch(/needs 1\.4e10 FLOPs per token, 7\.0× the inference budget of 2e9/);
    expect(Object.keys(notes)).toEqual(['samples']);
  });

  it('dragging D to 769T (7.69e14) stops N at its minimum and reports the training overshoot beside N, as people write ratios', () => {
    const s = applyChange(base, 'tokens', 7.69e14, true);
    expect(s.params).toBe(1e4);
    const notes = heldBudgetNotes(s, true);
    expect(notes.params).toMatch(/N stops at its minimum 10k/);
    expect(notes.params).toMatch(/needs 4.61e19 training FLOPs, 1.8× the training budget of 2.56e19/);
    expect(notes.params).not.toMatch(/\d{5,}×/);
  });

  it('after any sequence of moves, a design off a held budget always carries a note (fast-check)', () => {
    const move = fc.record({
      field: fc.constantFrom(...MOVABLE),
      exp: fc.double({ min: -2, max: 30, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(move, { minLength: 1, maxLength: 6 }), (moves) => {
        let s = base;
        for (const m of moves) s = applyChange(s, m.field, 10 ** m.exp, true);
        const misses = budgetMisses(s, s);
        const notes = heldBudgetNotes(s, true);
        if (misses.length === 0) expect(notes).toEqual({});
        else {
          const text = Object.values(notes).join(' ');
          for (const m of misses) expect(text).toContain(`${m.budget} budget`);
          expect(text).not.toMatch(/NaN|Infinity|\d{7,}×/);
        }
      }),
    );
  });

  it('says nothing when the budgets are not held', () => {
    expect(heldBudgetNotes(applyChange(base, 'params', 7e9, false), false)).toEqual({});
  });
});
