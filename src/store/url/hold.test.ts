import { describe, expect, it } from 'vitest';
import { parseHold, withHold } from './hold';
import { FOREIGN_KEYS } from './schema';

describe('hold the budgets in the URL', () => {
  it('is a declared key the scenario codec skips and the sync keeps', () => {
    expect(FOREIGN_KEYS).toContain('hold');
  });

  it('defaults to on (old links unchanged), reads hold=0 and hold=1', () => {
    expect(parseHold(new URLSearchParams('n=7e9'))).toEqual({ linked: true, issue: null });
    expect(parseHold(new URLSearchParams('hold=0'))).toEqual({ linked: false, issue: null });
    expect(parseHold(new URLSearchParams('hold=1'))).toEqual({ linked: true, issue: null });
  });

  it('drops any other value with a message naming it', () => {
    const r = parseHold(new URLSearchParams('hold=maybe'));
    expect(r.linked).toBe(true);
    expect(r.issue).toMatch(/^hold=maybe: use hold=0/);
  });

  it('writes hold=0 when off and removes the key when on, keeping the other keys', () => {
    expect(withHold('?n=7e9', false)).toBe('?n=7e9&hold=0');
    expect(withHold('?n=7e9&hold=0', true)).toBe('?n=7e9');
    expect(withHold('', true)).toBe('');
    expect(parseHold(new URLSearchParams(withHold('?v=1', false))).linked).toBe(false);
  });
});
