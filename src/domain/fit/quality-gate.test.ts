import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import {
  DEFAULT_GATE_LIMITS,
  defaultBounds,
  fitQualityWarnings,
  type FitQualityInput,
  type GateInterval,
} from './quality-gate';

const besiroglu = { E: 1.82, A: 482, B: 2085, alpha: 0.3478, beta: 0.3658 };
/** Besiroglu et al. 2024's refit (laws.md §1): 240 runs, tight intervals; must pass the gate. */
const clean: FitQualityInput = {
  constants: besiroglu,
  bounds: defaultBounds(Object.keys(besiroglu), 2.0),
  intervals: {
    E: { p2_5: 1.769, p97_5: 1.871 },
    A: { p2_5: 300, p97_5: 750 },
    B: { p2_5: 600, p97_5: 6000 },
    alpha: { p2_5: 0.317, p97_5: 0.373 },
    beta: { p2_5: 0.331, p97_5: 0.415 },
  },
  bootstrap: { resamples: 200, failures: 0 },
  samples: [{ what: 'runs', rows: 240, freeConstants: 5 }],
  goodness: [{ what: 'loss', r2: 0.99 }],
};

const codes = (input: FitQualityInput) =>
  fitQualityWarnings(input).map((w) => `${w.code}${w.constant ? `:${w.constant}` : ''}`);

describe('fit-quality gate', () => {
  it('lets a well-determined fit through', () => {
    expect(fitQualityWarnings(clean)).toEqual([]);
  });

  it('holds back the T² Approach 1 fit of issue 11: 11 rows, E = 6e-14, B interval up to 2.4e231', () => {
    const constants = { E: 6e-14, A: 52, B: 3.1e5, alpha: 0.31, beta: 0.52, G: 1.4, gamma: 0.45 };
    const warnings = fitQualityWarnings({
      constants,
      bounds: defaultBounds(Object.keys(constants), 2.3),
      intervals: {
        E: { p2_5: 1e-40, p97_5: 1.2 },
        A: { p2_5: 20, p97_5: 90 },
        B: { p2_5: 30, p97_5: 2.4e231 },
        alpha: { p2_5: 0.25, p97_5: 0.36 },
        beta: { p2_5: 0.2, p97_5: 2.1 },
        G: { p2_5: 1.2, p97_5: 1.6 },
        gamma: { p2_5: 0.4, p97_5: 0.5 },
      },
      bootstrap: { resamples: 200, failures: 3 },
      samples: [
        { what: 'rows', rows: 11, freeConstants: 7 },
        { what: 'checkpoints', rows: 4, freeConstants: 5 },
      ],
      goodness: [{ what: 'task NLL', r2: 0.998 }],
    });
    expect(warnings.map((w) => w.code + (w.constant ?? ''))).toEqual([
      'few-rows',
      'few-rows',
      'at-boundE',
      'wide-intervalE',
      'wide-intervalB',
      'wide-intervalbeta',
    ]);
    expect(warnings[2]!.message).toBe(
      'E = 6e-14 is at its lower bound 0.023 (≈ 0: the irreducible term vanished and the other terms absorb it).',
    );
    expect(warnings[4]!.message).toBe("B's 95 % interval [30, 2.4e231] spans 230 decades (more than 3).");
    expect(warnings[0]!.message).toMatch(/^11 rows for 7 free constants/);
  });

  it('flags exponents at their limits, E above the lowest observation, θ1 ≤ 0 and θ2 at 1', () => {
    expect(codes({ ...clean, constants: { ...besiroglu, alpha: 0.005 } })).toEqual(['at-bound:alpha']);
    expect(codes({ ...clean, constants: { ...besiroglu, beta: 3 } })).toEqual(['at-bound:beta']);
    expect(codes({ ...clean, constants: { ...besiroglu, E: 2.0 } })).toEqual(['at-bound:E']);
    const thetas = { theta0: 3.5, theta1: -0.2, theta2: 0.9995, theta3: 1, theta4: 0.1 };
    const c = { ...besiroglu, ...thetas };
    expect(codes({ ...clean, constants: c, bounds: defaultBounds(Object.keys(c), 2), intervals: null })).toEqual([
      'at-bound:theta1',
      'at-bound:theta2',
    ]);
  });

  it('flags missing and non-finite intervals, intervals reaching 0 and too-wide free intervals; none when no bootstrap ran', () => {
    const { E: _e, ...rest } = clean.intervals!;
    expect(codes({ ...clean, intervals: rest })).toEqual(['missing-interval:E']);
    expect(codes({ ...clean, intervals: { ...clean.intervals, A: { p2_5: 300, p97_5: Infinity } } })).toEqual([
      'missing-interval:A',
    ]);
    expect(codes({ ...clean, intervals: { ...clean.intervals, A: { p2_5: Number.NaN, p97_5: 700 } } })).toEqual([
      'missing-interval:A',
    ]);
    expect(codes({ ...clean, intervals: { ...clean.intervals, alpha: { p2_5: 0, p97_5: 0.5 } } })).toEqual([
      'wide-interval:alpha',
    ]);
    expect(codes({ ...clean, intervals: null })).toEqual([]);
    const c = { ...besiroglu, theta3: 1 };
    const intervals: Record<string, GateInterval> = { ...clean.intervals, theta3: { p2_5: -30, p97_5: 25 } };
    expect(codes({ ...clean, constants: c, intervals })).toEqual(['wide-interval:theta3']);
    expect(codes({ ...clean, constants: c, intervals: { ...intervals, theta3: { p2_5: -0.4, p97_5: 10.8 } } })).toEqual(
      [],
    );
  });

  it('flags few rows per free constant, failed refits, poor or non-finite R² and non-finite constants', () => {
    expect(codes({ ...clean, samples: [{ what: 'runs', rows: 9, freeConstants: 5 }] })).toEqual(['few-rows']);
    expect(codes({ ...clean, samples: [{ what: 'runs', rows: 10, freeConstants: 5 }] })).toEqual([]);
    expect(codes({ ...clean, bootstrap: { resamples: 200, failures: 21 } })).toEqual(['bootstrap-failures']);
    expect(codes({ ...clean, bootstrap: { resamples: 200, failures: 20 } })).toEqual([]);
    expect(
      codes({
        ...clean,
        goodness: [
          { what: 'loss', r2: 0.5 },
          { what: 'stage 1', r2: Number.NaN },
        ],
      }),
    ).toEqual(['poor-r2', 'poor-r2']);
    expect(codes({ ...clean, constants: { ...besiroglu, B: Number.POSITIVE_INFINITY } })).toEqual(['non-finite:B']);
  });

  it('rejects malformed input with a DomainError', () => {
    expect(() => fitQualityWarnings({ ...clean, samples: [{ what: 'runs', rows: 2.5, freeConstants: 5 }] })).toThrow(
      DomainError,
    );
    expect(() => fitQualityWarnings({ ...clean, samples: [{ what: 'runs', rows: 10, freeConstants: 0 }] })).toThrow(
      DomainError,
    );
    expect(() => fitQualityWarnings(clean, { ...DEFAULT_GATE_LIMITS, minR2: Number.NaN })).toThrow(DomainError);
    expect(() => defaultBounds(['E'], 0)).toThrow(DomainError);
    expect(defaultBounds(['E', 'alpha'])).toEqual({ alpha: { min: 0.02, max: 2.5 } });
  });

  it('passes any fit inside its bounds with narrow intervals, and flags exactly the constant pushed past a bound (property)', () => {
    const inside = fc.record({
      E: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
      A: fc.double({ min: 1, max: 1e6, noNaN: true }),
      B: fc.double({ min: 1, max: 1e6, noNaN: true }),
      alpha: fc.double({ min: 0.05, max: 2, noNaN: true }),
      beta: fc.double({ min: 0.05, max: 2, noNaN: true }),
    });
    const key = fc.constantFrom('E', 'alpha', 'beta');
    fc.assert(
      fc.property(
        inside,
        key,
        fc.double({ min: 1.0001, max: 1e6, noNaN: true }),
        fc.boolean(),
        (c, k, factor, down) => {
          const intervals = Object.fromEntries(
            Object.entries(c).map(([n, v]) => [n, { p2_5: v * 0.9, p97_5: v * 1.1 }]),
          );
          const base: FitQualityInput = { ...clean, constants: c, bounds: defaultBounds(Object.keys(c), 1), intervals };
          expect(fitQualityWarnings(base)).toEqual([]);
          const b = base.bounds[k]!;
          const pushed = down ? b.min! / factor : b.max! * factor;
          const warnings = fitQualityWarnings({ ...base, constants: { ...c, [k]: pushed }, intervals: null });
          expect(warnings.map((w) => [w.code, w.constant])).toEqual([['at-bound', k]]);
          expect(warnings[0]!.message).not.toMatch(/NaN|Infinity/);
        },
      ),
    );
  });
});
