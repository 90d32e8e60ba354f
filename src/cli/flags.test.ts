import { describe, expect, it } from 'vitest';
import { numberFlag, parseFlags, textFlag } from './flags';
import { CliUsageError, type FlagSpec } from './types';

const specs: FlagSpec[] = [
  { name: 'constants', kind: 'text', metavar: 'SET', required: true, help: '' },
  { name: 'params', kind: 'positive', metavar: 'N', required: true, help: '' },
  { name: 'rate', kind: 'number', metavar: 'R', required: false, help: '' },
  { name: 'n', kind: 'positive-count', metavar: 'N', required: false, help: '' },
  { name: 'c', kind: 'count', metavar: 'C', required: false, help: '' },
  { name: 'x', kind: 'nonnegative', metavar: 'X', required: false, help: '' },
];

const parse = (args: string[]) => parseFlags('cmd', args, specs);
const error = (args: string[]) => {
  try {
    parse(args);
  } catch (e) {
    expect(e).toBeInstanceOf(CliUsageError);
    return (e as Error).message;
  }
  throw new Error('expected a CliUsageError');
};

describe('parseFlags', () => {
  it('reads --name value and --name=value, numbers with suffixes', () => {
    const v = parse(['--constants', 'hoffmann', '--params=7B', '--rate', '-6', '--n', '1,000', '--c', '0', '--x', '0']);
    expect(textFlag(v, 'constants')).toBe('hoffmann');
    expect(numberFlag(v, 'params')).toBe(7e9);
    expect(numberFlag(v, 'rate')).toBe(-6);
    expect(numberFlag(v, 'n')).toBe(1000);
    expect(numberFlag(v, 'c')).toBe(0);
    expect(numberFlag(v, 'x')).toBe(0);
  });

  it('leaves optional flags absent and applies fallbacks on request', () => {
    const v = parse(['--constants', 'a', '--params', '1']);
    expect(v.has('rate')).toBe(false);
    expect(numberFlag(v, 'rate', 6)).toBe(6);
  });

  it.each([
    [['--params', '1'], 'cmd: missing required flag --constants'],
    [[], 'cmd: missing required flags --constants, --params'],
    [
      ['--constants', 'a', '--params', '1', '--bogus', '2'],
      'cmd: unknown flag --bogus (expected --constants, --params, --rate, --n, --c, --x)',
    ],
    [['--constants', 'a', '--params', '1', '--params', '2'], 'cmd: flag --params given more than once'],
    [['--constants', 'a', '--params'], 'cmd: flag --params needs a value'],
    [['--constants', '--params', '1'], 'cmd: flag --constants needs a value'],
    [
      ['--constants', 'a', 'stray', '--params', '1'],
      'cmd: unexpected argument "stray" (flags are written --name value)',
    ],
    [['--constants=', '--params', '1'], '--constants needs a non-empty value'],
  ])('rejects %j', (args, message) => {
    expect(error(args)).toBe(message);
  });

  it.each([
    [['--params', 'abc'], /^--params: not a number \(got "abc"\)/],
    [['--params', '-5'], /^--params must be positive \(got -5\)$/],
    [['--params', '0'], /^--params must be positive \(got 0\)$/],
    [['--n', '2.5'], /^--n must be a whole number ≥ 1 \(got 2.5\)$/],
    [['--n', '0'], /^--n must be a whole number ≥ 1 \(got 0\)$/],
    [['--c', '-3'], /^--c is a count and must not be negative \(got -3\)$/],
    [['--c', '1.5'], /^--c must be a whole number \(got 1.5\)$/],
    [['--x', '-1e-9'], /^--x must not be negative/],
    [['--rate', 'NaN'], /^--rate: not a number/],
    [['--rate', '1e999'], /^--rate: too large/],
  ])('validates values: %j', (extra, message) => {
    const base = extra[0] === '--params' ? ['--constants', 'a'] : ['--constants', 'a', '--params', '1'];
    expect(error([...base, ...extra])).toMatch(message);
  });
});
