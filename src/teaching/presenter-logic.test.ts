import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HIDEABLE_CONTROLS,
  LOCKABLE_KEYS,
  encodePresenter,
  isHidden,
  lockedFields,
  parsePresenter,
  presenterLink,
  type PresenterOptions,
} from './presenter-logic';

const options = fc.record({
  hide: fc.subarray([...HIDEABLE_CONTROLS]),
  lock: fc.subarray([...LOCKABLE_KEYS]),
  big: fc.boolean(),
}) as fc.Arbitrary<PresenterOptions>;

describe('presenter links', () => {
  it('round-trips options through the query string (property)', () => {
    fc.assert(
      fc.property(options, (o) => {
        const back = parsePresenter(new URLSearchParams(encodePresenter(o)));
        expect(back.issues).toEqual([]);
        expect(new Set(back.options.hide)).toEqual(new Set(o.hide));
        expect(new Set(back.options.lock)).toEqual(new Set(o.lock));
        expect(back.options.big).toBe(o.big);
      }),
    );
  });

  it('drops and names unknown controls, keys and big values', () => {
    const { options: o, issues } = parsePresenter(new URLSearchParams('hide=params,bogus&lock=n,zz,n&big=yes'));
    expect(o).toEqual({ hide: ['params'], lock: ['n'], big: false });
    expect(issues).toEqual([
      'hide=bogus: no such control; ignored',
      'lock=zz: no such scenario key; ignored',
      'big=yes: use big=1; ignored',
    ]);
  });

  it('builds a link that keeps the scenario and replaces old presenter keys', () => {
    const link = presenterLink('http://x.test/app/?v=1&n=7e9&hide=tokens&big=1#top', {
      hide: ['params', 'samples'],
      lock: ['n', 'ct'],
      big: true,
    });
    expect(link).toBe('http://x.test/app/?v=1&n=7e9&hide=params,samples&lock=n,ct&big=1#top');
    expect(presenterLink('http://x.test/?n=1e9&lock=n', { hide: [], lock: [], big: false })).toBe(
      'http://x.test/?n=1e9',
    );
  });

  it('maps hidden controls to test ids and locked keys to scenario fields', () => {
    const o: PresenterOptions = { hide: ['train-budget'], lock: ['n', 'ci', 'm'], big: false };
    expect(isHidden(o, 'controls.train-budget')).toBe(true);
    expect(isHidden(o, 'controls.params')).toBe(false);
    expect(lockedFields(o)).toEqual(['qualityModel', 'params', 'inferenceFlops']);
  });
});
