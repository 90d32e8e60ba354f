import { describe, expect, it, vi } from 'vitest';
import { looksLikePath, resolveChinchillaConstants, resolveT2Constants } from './constants-arg';
import { fakeIo } from './test-io';
import { CliUsageError } from './types';

// A set that exists for Approach 2 only, so the wrong-approach message can be checked whatever sets ship.
vi.mock('../domain/t2-sets', async (importOriginal) => {
  const real = await importOriginal<typeof import('../domain/t2-sets')>();
  const only2 = { ...real.T2_APPROACH2_SETS[0]!, id: 'only-2' };
  const sets2 = [...real.T2_APPROACH2_SETS, only2];
  return { ...real, T2_APPROACH2_SETS: sets2, getT2Approach2Set: (id: string) => sets2.find((s) => s.id === id) };
});

describe('looksLikePath', () => {
  it.each([
    ['a.json', true],
    ['A.JSON', true],
    ['dir/x', true],
    ['c:\\x', true],
    ['hoffmann', false],
    ['t2-illustrative', false],
  ])('%j → %s', (value, expected) => {
    expect(looksLikePath(value)).toBe(expected);
  });
});

describe('resolveT2Constants', () => {
  it('finds a set of the requested approach and copies its constants', () => {
    const r = resolveT2Constants(2, 'only-2', fakeIo());
    expect(r.approach).toBe(2);
    expect(r.id).toBe('only-2');
  });

  it('says when a set belongs to the other approach', () => {
    expect(() => resolveT2Constants(1, 'only-2', fakeIo())).toThrow(CliUsageError);
    expect(() => resolveT2Constants(1, 'only-2', fakeIo())).toThrow(/"only-2" is a T² Approach 2 set, not Approach 1/);
  });
});

describe('resolveChinchillaConstants', () => {
  it('returns a copy, so callers cannot change the shipped set', () => {
    const a = resolveChinchillaConstants('hoffmann-rounded', fakeIo());
    a.constants.E = 99;
    expect(resolveChinchillaConstants('hoffmann-rounded', fakeIo()).constants.E).toBe(1.69);
  });
});
