/**
 * Fuzzed query strings for the link property tests (codec.test.ts fixed point, limits.test.ts bounds,
 * src/engine/decoded-links.test.tsx engine): random subsets of the scenario's keys (plus teaching, unknown and
 * repeated keys) with values that are valid, at a bound, just outside, huge, tiny, negative, non-numeric or long. The
 * structured values (`u`, `lab`) are built section by section, so that many decode and the rest fail at every step.
 * Test support only (imported by tests, never by the app).
 */
import { CONSTANT_FAMILIES, constantFamily, familyTable } from '../../domain/constant-families';
import fc from 'fast-check';
import { CONSTANT_BOUNDS, CONSTANT_KEYS } from '../../byod/constant-keys';
import { QUALITY_MODELS, SCENARIO_SCHEMA } from './schema';
import { MAX_LINK_POINTS, MAX_LINK_RUNS, RUN_BOUNDS, type Bounds } from './limits';

/** Shortest text that reads back to the same double. */
const text = (x: number): string => {
  const plain = String(x);
  const sci = x.toExponential().replace('e+', 'e');
  return sci.length < plain.length ? sci : plain;
};

/** Text that is not a usable number, or a number far outside any bound. */
export const hostileNumber: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'NaN',
    'Infinity',
    '-Infinity',
    '1e400',
    '-1e400',
    '1e-400',
    '1e21',
    '1e200',
    '-1',
    '-0',
    '0',
    '',
    'abc',
    '0x10',
    '1_2',
    '1e',
    '.',
    '+5',
    '5.',
    '.5',
    ' 7',
    '%00',
    '<script>',
    '9'.repeat(400),
  ),
  fc.double().map(String),
  fc.string({ maxLength: 12 }),
  fc.string({ minLength: 200, maxLength: 2000 }),
);

/** A number in `b` (log-uniform for positive bounds), a bound itself, or just outside it. */
export function numberIn([lo, hi]: Bounds): fc.Arbitrary<number> {
  const inside =
    lo > 0
      ? fc
          .double({ min: Math.log10(lo), max: Math.log10(hi), noNaN: true })
          .map((e) => Math.min(hi, Math.max(lo, 10 ** e)))
      : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
  const outside = fc.constantFrom(lo > 0 ? lo / 2 : lo - 1, hi > 0 ? hi * 2 : hi + 1, -lo - 1);
  return fc.oneof(
    { arbitrary: inside, weight: 8 },
    { arbitrary: fc.constantFrom(lo, hi), weight: 2 },
    { arbitrary: outside, weight: 1 },
  );
}

/** A number field's text: mostly in `b`, sometimes hostile; sometimes with extra digits. */
function field(b: Bounds): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: numberIn(b).map(text), weight: 8 },
    { arbitrary: numberIn(b).map((x) => x.toPrecision(17)), weight: 1 },
    { arbitrary: hostileNumber, weight: 1 },
  );
}

/** A clean number field: inside `b`, at a bound, or written with 17 digits. */
function clean([lo, hi]: Bounds): fc.Arbitrary<string> {
  const inside =
    lo > 0
      ? fc
          .double({ min: Math.log10(lo), max: Math.log10(hi), noNaN: true })
          .map((e) => Math.min(hi, Math.max(lo, 10 ** e)))
      : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
  return fc.oneof(
    { arbitrary: inside.map(text), weight: 6 },
    { arbitrary: fc.constantFrom(lo, hi).map(text), weight: 2 },
    { arbitrary: inside.map((x) => x.toPrecision(17)), weight: 1 },
  );
}

/** `value` unchanged, or with one of its numbers (split at _ ~ *) replaced by a hostile or out-of-bounds text. */
function mutated(value: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const bad = fc.oneof(
    hostileNumber,
    fc.constantFrom('1e16', '1e19', '1e7', '2', '1e13', '5e-324', '1e-301', '0.01', '1.0001', '-1e-9'),
  );
  return fc.tuple(value, fc.nat(), bad, fc.integer({ min: 0, max: 9 })).map(([v, at, b, coin]) => {
    if (coin >= 4) return v;
    const parts = v.split(/([_~*])/);
    const numbers = parts.map((p, i) => (/^[_~*]$/.test(p) ? -1 : i)).filter((i) => i >= 0);
    const i = numbers[at % numbers.length]!;
    parts[i] = b;
    return parts.join('');
  });
}

const family = fc.constantFrom(...CONSTANT_FAMILIES.ids);
const CODE = familyTable((f) => f.urlCode);

/** A clean `u` value: family, constants, fitted range, runs (0–70: across MAX_LINK_RUNS and twice it), band section. */
const cleanUserSet: fc.Arbitrary<string> = family.chain((f) => {
  const keys = CONSTANT_KEYS[f];
  const constants = fc.oneof(
    { arbitrary: fc.tuple(...keys.map((k) => clean(CONSTANT_BOUNDS[k]!))), weight: 19 },
    { arbitrary: fc.array(clean(CONSTANT_BOUNDS.A!), { maxLength: 12 }), weight: 1 },
  );
  const pair = (b: Bounds) =>
    fc.tuple(numberIn(b), numberIn(b)).map(([a, c]) => [Math.min(a, c), Math.max(a, c)].map(text));
  const fitted = fc.oneof(
    { arbitrary: fc.integer({ min: 1, max: 500 }).map(String), weight: 8 },
    { arbitrary: fc.constantFrom('1e9', '1000000000', '1000000001', '1e21', '1e22', '0', '2.5', '-3'), weight: 2 },
  );
  const range = fc
    .tuple(
      fitted,
      pair(RUN_BOUNDS.params),
      pair(RUN_BOUNDS.tokens),
      fc.option(pair(RUN_BOUNDS.samples), { nil: undefined }),
    )
    .map(([n, p, t, s]) => [n, ...p, ...t, ...(s ?? [])].join('_'));
  const quality: Bounds = constantFamily(f).observed === 'passAtK' ? [0, 1] : [0, 1e3];
  const run = fc
    .tuple(clean(RUN_BOUNDS.params), clean(RUN_BOUNDS.tokens), clean(RUN_BOUNDS.samples), clean(quality))
    .map((r) => r.join('_'));
  const runs = fc
    .oneof(
      { arbitrary: fc.array(run, { maxLength: 4 }), weight: 6 },
      { arbitrary: fc.array(run, { minLength: MAX_LINK_RUNS - 1, maxLength: 2 * MAX_LINK_RUNS + 10 }), weight: 1 },
    )
    .map((rs) => rs.join('*'));
  const d = keys.length;
  const band = fc.oneof(
    { arbitrary: fc.constant(''), weight: 3 },
    {
      arbitrary: fc
        .tuple(
          fc.integer({ min: 15, max: 300 }),
          fc.tuple(
            ...keys.map((k) => {
              const [lo, hi] = CONSTANT_BOUNDS[k]!;
              return k.startsWith('theta') && k !== 'theta2'
                ? fc.double({ min: lo, max: hi, noNaN: true })
                : fc.double({ min: Math.log(lo), max: Math.log(hi), noNaN: true });
            }),
          ),
          fc.array(fc.double({ min: -0.05, max: 0.5, noNaN: true }), {
            minLength: (d * (d + 1)) / 2,
            maxLength: (d * (d + 1)) / 2,
          }),
        )
        .map(
          ([n, mean, chol]) =>
            `b${n}_${[...mean.map((m) => Number(m.toPrecision(5))), ...chol.map((l) => Number(l.toPrecision(3)))].map(text).join('_')}`,
        ),
      weight: 1,
    },
  );
  return fc
    .tuple(constants, range, runs, band)
    .map(([c, r, rs, b]) => [`${CODE[f]}_${c.join('_')}`, r, rs, b].join('~').replace(/~+$/, ''));
});

/** A `u` value: clean, or with one number hostile or out of bounds. */
export const userSetValue: fc.Arbitrary<string> = mutated(cleanUserSet);

/** A `lab` value: 1–15 runs of N_D_k_pass@k_NLL, clean or with one number hostile or out of bounds. */
export const labValue: fc.Arbitrary<string> = mutated(
  fc
    .array(
      fc
        .tuple(
          clean(RUN_BOUNDS.params),
          clean(RUN_BOUNDS.tokens),
          fc.integer({ min: 1, max: 4096 }).map(String),
          clean([0, 1]),
          fc.oneof(fc.constant('-'), clean([0, 1e3])),
        )
        .map((r) => r.join('_')),
      { minLength: 1, maxLength: MAX_LINK_POINTS + 3 },
    )
    .map((rs) => rs.join('*')),
);

/** One key=value pair of a fuzzed query. */
function pairFor(key: string): fc.Arbitrary<[string, string]> {
  const spec = SCENARIO_SCHEMA.find((s) => s.key === key);
  let value: fc.Arbitrary<string>;
  if (!spec) value = fc.oneof(fc.constant('1'), hostileNumber);
  else if (spec.type.kind === 'enum') value = fc.oneof(fc.constantFrom(...QUALITY_MODELS), hostileNumber);
  else if (spec.type.kind === 'id')
    value = fc.oneof(
      fc.constantFrom(
        'hoffmann',
        'hoffmann-rounded',
        'besiroglu',
        'sardana',
        't2-illustrative',
        't2-testbed-macro',
        'user-ebbo5e',
      ),
      hostileNumber,
    );
  else if (spec.type.kind === 'user-set')
    value = fc.oneof({ arbitrary: userSetValue, weight: 9 }, { arbitrary: hostileNumber, weight: 1 });
  else if (spec.type.kind === 'strategy')
    value = fc.oneof(
      fc.constantFrom('oracle', 'vote', 'vote_0.3', 'bok_0.9_0.1', 'bok_2_-1', 'vote_x', 'magic'),
      hostileNumber,
    );
  else if (spec.type.kind === 'plan-early')
    value = fc.oneof(
      fc.constantFrom(
        '100_10_100_1_0_20',
        '5_20_100_1_0_20',
        '2.5_1_1_1_1_1',
        '0_-1_1e9_1_1_1',
        '1_2_3',
        'a_b_c_d_e_f',
      ),
      hostileNumber,
    );
  else if (spec.type.kind === 'measured')
    value = fc.oneof({ arbitrary: labValue, weight: 9 }, { arbitrary: hostileNumber, weight: 1 });
  else
    value = fc.oneof(field([spec.type.min, spec.type.max]), field([spec.type.min / 1e6 || -1e6, spec.type.max * 1e6]));
  return value.map((v) => [key, v]);
}

const KEYS = ['v', ...SCENARIO_SCHEMA.map((s) => s.key), 'preset', 'lock', 'zz', 'x'.repeat(300)];

/** A whole query string: a random subset of keys (some repeated), in random order, each with a fuzzed value. */
export const queryString: fc.Arbitrary<string> = fc
  .uniqueArray(fc.constantFrom(...KEYS), { maxLength: KEYS.length })
  .chain((keys) =>
    fc.tuple(...keys.map(pairFor), fc.option(fc.constantFrom(...KEYS).chain(pairFor), { nil: undefined })),
  )
  .map((pairs) =>
    (pairs.filter((p) => p !== undefined) as [string, string][])
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join('&'),
  );

/** Query strings focused on the user set: m, c and u, with c often naming the set `u` decodes to. */
export const userSetQuery: fc.Arbitrary<{ m: string; u: string; cRaw: string | null }> = fc.record({
  m: fc.oneof(fc.constantFrom(...QUALITY_MODELS), hostileNumber),
  u: fc.oneof({ arbitrary: userSetValue, weight: 9 }, { arbitrary: hostileNumber, weight: 1 }),
  cRaw: fc.option(fc.oneof(fc.constantFrom('hoffmann', 't2-illustrative', 'user-ebbo5e'), hostileNumber), {
    nil: null,
  }),
});
