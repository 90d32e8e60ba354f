import { describe, expect, it } from 'vitest';
import { badLine, okJson } from '../test-helpers';

describe('loss', () => {
  it('gives L(70e9, 1.4e12) = 1.9366 with the rounded Hoffmann constants (laws.md §1)', () => {
    expect(okJson('loss --constants hoffmann-rounded --params 70B --tokens 1.4T').loss).toBeCloseTo(1.9366, 3);
    expect(okJson('loss --constants hoffmann-rounded --params 7e10 --tokens 1.4e12').loss).toBeCloseTo(1.9366, 3);
  });

  it('gives L(70e9, 1e12) = 1.947 with the Sardana constants (laws.md §4)', () => {
    expect(okJson('loss --constants sardana --params 70B --tokens 1T').loss).toBeCloseTo(1.947, 3);
  });

  it('reads constants from a JSON file, at the top level or under "constants"', () => {
    const c = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };
    const files = { 'a.json': JSON.stringify(c), 'dir/b': JSON.stringify({ constants: c, objective: 1 }) };
    expect(okJson('loss --constants a.json --params 70B --tokens 1.4T', files).loss).toBeCloseTo(1.9366, 3);
    expect(okJson('loss --constants dir/b --params 70B --tokens 1.4T', files).loss).toBeCloseTo(1.9366, 3);
  });

  it('names the problem in a constants file', () => {
    const files = {
      'missing.json': '{"E":1,"A":1,"B":1,"alpha":1}',
      'text.json': '{"E":1,"A":"big","B":1,"alpha":1,"beta":1}',
      'broken.json': '{"E":',
      'list.json': '[1,2]',
      'negative.json': '{"E":1,"A":-1,"B":1,"alpha":1,"beta":1}',
    };
    const line = (f: string) => `loss --constants ${f} --params 1B --tokens 1B`;
    expect(badLine(line('missing.json'), files)).toBe(
      'loss: --constants missing.json: missing key "beta" (expected E, A, B, alpha, beta)',
    );
    expect(badLine(line('text.json'), files)).toBe(
      'loss: --constants text.json: key "A" must be a finite number (got "big")',
    );
    expect(badLine(line('broken.json'), files)).toMatch(/^loss: --constants: broken.json is not valid JSON/);
    expect(badLine(line('list.json'), files)).toMatch(/expected a JSON object/);
    expect(badLine(line('negative.json'), files)).toMatch(
      /^loss: Chinchilla constant A must be a positive finite number/,
    );
    expect(badLine(line('absent.json'), files)).toBe('loss: --constants: cannot read absent.json: no such file');
  });

  it('refuses a result that overflows instead of printing Infinity', () => {
    const files = { 'huge.json': '{"E":1,"A":1e308,"B":1,"alpha":1,"beta":1}' };
    expect(badLine('loss --constants huge.json --params 1e-10 --tokens 1', files)).toMatch(
      /^loss: the result loss is not a finite number \(Infinity\)/,
    );
  });

  it('refuses a T² set by name', () => {
    expect(badLine('loss --constants t2-illustrative --params 1B --tokens 1B')).toMatch(
      /is a T² constant set; this command takes a Chinchilla set/,
    );
  });
});

describe('chinchilla-optimum', () => {
  const at = (set: string) => okJson(`chinchilla-optimum --constants ${set} --flops 5.76e23`);

  it('reproduces the published optima at the Gopher budget 5.76e23 (laws.md §1)', () => {
    const unrounded = at('hoffmann');
    expect((unrounded.params as number) / 1e9).toBeGreaterThan(38);
    expect((unrounded.params as number) / 1e9).toBeLessThan(42); // "≈ 40 B"
    const rounded = at('hoffmann-rounded');
    expect((rounded.params as number) / 1e9).toBeCloseTo(32, -0.3); // "≈ 32 B"
    expect(rounded.tokensPerParam as number).toBeGreaterThan(88);
    expect(rounded.tokensPerParam as number).toBeLessThan(98); // "D/N ≈ 93"
    const besiroglu = at('besiroglu');
    expect((besiroglu.params as number) / 1e9).toBeGreaterThan(68);
    expect((besiroglu.params as number) / 1e9).toBeLessThan(76); // "≈ 72 B"
    expect(besiroglu.tokensPerParam as number).toBeCloseTo(18, -0.3); // "D/N ≈ 18"
  });

  it('is self-consistent: 6ND = C, D/N, and the loss of (N, D)', () => {
    const o = at('besiroglu');
    const [n, d] = [o.params as number, o.tokens as number];
    expect((6 * n * d) / 5.76e23).toBeCloseTo(1, 10);
    expect(o.tokensPerParam).toBeCloseTo(d / n, 8);
    expect(Object.keys(o).sort()).toEqual(['loss', 'params', 'tokens', 'tokensPerParam']);
    const l = okJson(`loss --constants besiroglu --params ${n} --tokens ${d}`).loss as number;
    expect(o.loss).toBeCloseTo(l, 12);
  });

  it('rejects a missing, negative or non-numeric budget', () => {
    expect(badLine('chinchilla-optimum --constants hoffmann')).toBe(
      'chinchilla-optimum: missing required flag --flops',
    );
    expect(badLine('chinchilla-optimum --constants hoffmann --flops -1e20')).toBe(
      'chinchilla-optimum: --flops must be positive (got -1e20)',
    );
    expect(badLine('chinchilla-optimum --constants hoffmann --flops lots')).toMatch(
      /^chinchilla-optimum: --flops: not a number/,
    );
  });

  it('handles budgets far outside the fitted range without overflow', () => {
    expect(okJson('chinchilla-optimum --constants hoffmann --flops 1e300').params).toBeGreaterThan(1e100);
  });
});
