import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isConstantSetOf } from '../domain/registry';
import type { Scenario } from '../domain/scenario';
import { targetOnModelChange } from '../store/target-on-model-change';
import { SCENARIO_SCHEMA, rangeOf } from '../store/url/schema';
import { LESSONS, stepPartial } from './lessons';
import { applyWithLocks, lockNotice } from './locks';
import { lockedFields } from './presenter-logic';
import { PRESETS, completeScenario, getPreset, presetScenario } from './presets';

const preset = (id: string) => getPreset(id)!;
const locks = (...keys: string[]) => lockedFields({ hide: [], lock: keys, big: false }) as (keyof Scenario)[];
/** A 7 B model on the default T² setting, as a presenter link `?n=7e9&lock=n` would open. */
const seven = completeScenario({ params: 7e9 });

describe('applyWithLocks', () => {
  it('without locks loads exactly the preset', () => {
    for (const p of PRESETS) expect(applyWithLocks(p.scenario, seven, []).scenario).toEqual(presetScenario(p));
  });

  it('keeps a locked N, takes the preset’s D and puts the design on the training budget 6·N·D', () => {
    const { scenario, kept } = applyWithLocks(preset('chinchilla').scenario, seven, locks('n'));
    expect(scenario.params).toBe(7e9);
    expect(scenario.tokens).toBe(1.4e12);
    expect(scenario.trainFlops).toBeCloseTo(6 * 7e9 * 1.4e12, -10);
    expect(scenario.qualityModel).toBe('chinchilla');
    expect(kept).toEqual([{ field: 'params', lockedBy: 'params', kept: '7B', wanted: '70B' }]);
  });

  it('names nothing when the preset already has the locked value', () => {
    const at70 = presetScenario(preset('chinchilla'));
    expect(applyWithLocks(preset('chinchilla').scenario, at70, locks('n', 'm')).kept).toEqual([]);
  });

  it('keeps a locked budget the preset does not set (the preset would reset it to the default)', () => {
    const big = { ...seven, tokensServed: 5e13 };
    const { scenario, kept } = applyWithLocks(preset('chinchilla').scenario, big, locks('t'));
    expect(scenario.tokensServed).toBe(5e13);
    expect(kept.map((k) => k.field)).toEqual(['tokensServed']);
  });

  it('a locked constant set holds the quality model it belongs to', () => {
    const t2 = presetScenario(preset('t2-table1'));
    const { scenario, kept } = applyWithLocks(preset('chinchilla').scenario, t2, locks('c'));
    expect(scenario.constantSet).toBe(t2.constantSet);
    expect(scenario.qualityModel).toBe('t2-1');
    expect(kept).toContainEqual(expect.objectContaining({ field: 'qualityModel', lockedBy: 'constantSet' }));
  });

  it('a locked model keeps its constant set when the preset’s set belongs to another model', () => {
    const t2 = presetScenario(preset('t2-table1'));
    const { scenario, kept } = applyWithLocks(preset('chinchilla').scenario, t2, locks('m'));
    expect(scenario.qualityModel).toBe('t2-1');
    expect(scenario.constantSet).toBe(t2.constantSet);
    expect(kept.map((k) => [k.field, k.lockedBy])).toEqual([
      ['qualityModel', 'qualityModel'],
      ['constantSet', 'qualityModel'],
    ]);
  });

  it('a locked loss target holds the model between loss views but not its meaning across measures', () => {
    const sardana = presetScenario(preset('sardana'));
    // lifetime → chinchilla: same loss, the model may move and the target stays.
    const toChinchilla = applyWithLocks(preset('chinchilla').scenario, sardana, locks('q'));
    expect(toChinchilla.scenario.qualityModel).toBe('chinchilla');
    expect(toChinchilla.scenario.targetQuality).toBe(1.947);
    // lifetime → T² Approach 2 (accuracy): a 1.947-nat target would read as 194.7 %, so the model holds.
    const toAccuracy = applyWithLocks(preset('brown-swe-bench').scenario, sardana, locks('q'));
    expect(toAccuracy.scenario.qualityModel).toBe('lifetime');
    expect(toAccuracy.scenario.targetQuality).toBe(1.947);
    expect(toAccuracy.kept.map((k) => k.lockedBy)).toContain('targetQuality');
  });

  it('property: for any current preset, any preset or lesson step, and any locks, locked values never move', () => {
    const sources = [...PRESETS.map((p) => p.scenario), ...LESSONS.flatMap((l) => l.steps.map(stepPartial))];
    const keys = SCENARIO_SCHEMA.map((s) => s.key);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: PRESETS.length - 1 }),
        fc.integer({ min: 0, max: sources.length - 1 }),
        fc.subarray(keys),
        fc.double({ min: 1.5, max: 3, noNaN: true }),
        (from, to, lock, target) => {
          const base = presetScenario(PRESETS[from]!);
          const current = { ...base, targetQuality: base.qualityModel === 't2-2' ? target / 4 : target };
          const locked = locks(...lock);
          const { scenario, kept } = applyWithLocks(sources[to]!, current, locked);
          for (const f of locked) expect(scenario[f], f).toBe(current[f]);
          expect(isConstantSetOf(scenario.qualityModel, scenario.constantSet, scenario.userSet)).toBe(true);
          if (locked.includes('targetQuality'))
            expect(targetOnModelChange(current.qualityModel, scenario.qualityModel, current.targetQuality)).toBe(
              current.targetQuality,
            );
          for (const s of SCENARIO_SCHEMA) {
            const v = scenario[s.field];
            if (typeof v !== 'number') continue;
            expect(Number.isFinite(v), s.field).toBe(true);
            if (!locked.includes(s.field)) {
              const { min, max } = rangeOf(s.field);
              expect(v, s.field).toBeGreaterThanOrEqual(min);
              expect(v, s.field).toBeLessThanOrEqual(max);
            }
          }
          // Every kept value is one the source asked to change, and every locked value it changed is named.
          const wanted = completeScenario(sources[to]!);
          const differs = (a: unknown, b: unknown) =>
            typeof a === 'number' && typeof b === 'number'
              ? Math.abs(a - b) > 1e-12 * Math.max(Math.abs(a), Math.abs(b))
              : a !== b;
          for (const f of locked)
            expect(
              kept.some((k) => k.field === f),
              f,
            ).toBe(differs(wanted[f], current[f]));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('lockNotice', () => {
  it('names each kept value with what the preset asked for', () => {
    const { kept } = applyWithLocks(preset('chinchilla').scenario, seven, locks('n'));
    const n = lockNotice('The preset “Chinchilla”', kept);
    expect(n.source).toBe('presenter');
    expect(n.text).toBe('Locked by the presenter link, kept: Parameters (N) = 7B.');
    expect(n.details).toEqual(['The preset “Chinchilla” has Parameters (N) = 70B.']);
  });
});
