import { describe, expect, it } from 'vitest';
import { registryCatalog } from '../store/url/catalog';
import { decodeScenario, encodeScenario } from '../store/url/codec';
import { defaultScenario } from '../store/url/schema';

const base = defaultScenario(registryCatalog.defaultId);

describe('the lab key in scenario links', () => {
  it('a scenario with measured runs round-trips through its link', () => {
    const measured = [
      { params: 28672, tokens: 139264, samples: 4, passAtK: 0.125, nll: 3.25 },
      { params: 1e5, tokens: 2e7, samples: 1, passAtK: 0, nll: null },
    ];
    const q = encodeScenario({ ...base, measured }, registryCatalog);
    expect(q).toContain('lab=28672_139264_4_0.125_3.25*1e5_2e7_1_0_-');
    const back = decodeScenario(q, registryCatalog);
    expect(back.issues).toEqual([]);
    expect(back.scenario.measured).toEqual(measured);
  });

  it('no runs, no key', () => {
    expect(encodeScenario({ ...base, measured: [] }, registryCatalog)).not.toContain('lab=');
  });

  it('a bad value is dropped with a notice and the rest of the link kept', () => {
    const back = decodeScenario('v=1&n=2e8&lab=1e4_1e5_4_2_1', registryCatalog);
    expect(back.scenario.measured).toBeUndefined();
    expect(back.scenario.params).toBe(2e8);
    expect(back.issues[0]!.message).toMatch(/model lab \(lab\): run 1: pass@k must lie in 0 to 1 \(got 2\); ignored/);
  });
});
