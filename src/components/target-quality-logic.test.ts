import { describe, expect, it } from 'vitest';
import { formatTarget, parseTarget, targetUnit } from './target-quality-logic';

const R = { min: 0, max: 100 };

describe('target quality logic', () => {
  it('names the unit of each quality model', () => {
    expect(targetUnit('t2-1')).toContain('nats of task NLL');
    expect(targetUnit('chinchilla')).toBe('nats of loss');
    expect(targetUnit('lifetime')).toBe('nats of loss');
    expect(targetUnit('t2-2')).toContain('pass@k accuracy');
  });
  it('reads accuracies as a percentage or a fraction', () => {
    expect(parseTarget('62%', 't2-2', R)).toEqual({ ok: true, value: 0.62 });
    expect(parseTarget(' 0.62 ', 't2-2', R)).toEqual({ ok: true, value: 0.62 });
    expect(parseTarget('62', 't2-2', R).ok).toBe(false);
    expect(parseTarget('0%', 't2-2', R).ok).toBe(false);
    expect(parseTarget('100%', 't2-2', R).ok).toBe(false);
  });
  it('reads losses in nats and rejects percentages, negatives, out-of-range and garbage', () => {
    expect(parseTarget('2.1', 't2-1', R)).toEqual({ ok: true, value: 2.1 });
    expect(parseTarget('2.1%', 'chinchilla', R).ok).toBe(false);
    expect(parseTarget('-1', 'lifetime', R).ok).toBe(false);
    expect(parseTarget('0', 'lifetime', R).ok).toBe(false);
    expect(parseTarget('1e3', 't2-1', R).ok).toBe(false);
    const bad = parseTarget('abc', 't2-1', R);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/Target quality/);
  });
  it('empty text unsets', () => {
    expect(parseTarget('  ', 't2-2', R)).toEqual({ ok: true, value: 0 });
  });
  it('formats a stored target for the field, never NaN', () => {
    expect(formatTarget(0, 't2-1')).toBe('');
    expect(formatTarget(Number.NaN, 't2-1')).toBe('');
    expect(formatTarget(0.62, 't2-2')).toBe('62%');
    expect(formatTarget(2.1, 'chinchilla')).toBe('2.1');
  });
});
