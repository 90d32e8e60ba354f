import { describe, expect, it } from 'vitest';
import { rejectionOf } from './sets';

const a1 = { E: 0.1, A: 10, B: 20, G: 2, alpha: 0.5, beta: 0.3, gamma: 0.4 };
const a2 = { E: 0.1, A: 10, B: 20, alpha: 0.5, beta: 0.3, theta0: 1, theta1: 1, theta2: 0.5, theta3: 0, theta4: 0 };

describe('rejectionOf (fitted sets the app cannot use are not shipped)', () => {
  it('accepts sets with positive scales and exponents', () => {
    expect(rejectionOf(1, a1)).toBeNull();
    expect(rejectionOf(2, a2)).toBeNull();
  });
  it('names the offending constant of a set with a non-positive exponent', () => {
    expect(rejectionOf(1, { ...a1, beta: -0.13 })).toMatch(/beta must be positive/);
    expect(rejectionOf(2, { ...a2, alpha: -0.09 })).toMatch(/alpha must be positive/);
    expect(rejectionOf(1, { ...a1, gamma: 0 })).toMatch(/gamma/);
  });
  it('rejects an Approach 2 set whose profiled stage 1 lost its N or D term at a bound (E at its bound is fine)', () => {
    expect(rejectionOf(2, a2, ['E'])).toBeNull();
    expect(rejectionOf(2, a2, ['B', 'alpha'])).toMatch(/stage 1 \(profiled-E fit\) ends at a bound of B, alpha/);
    expect(rejectionOf(1, a1, ['alpha'])).toBeNull();
  });
});
