/**
 * The fences are lint rules (eslint.config.js `fences`), and they fail: each file in lint-fixtures/ crosses one, and
 * linting it with the ESLint Node API as if it lived in the fenced folder gives a no-restricted-imports error; the
 * clean fixture gives none (so a rule that flags everything fails here too).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const DIR = 'lint-fixtures';
const fixtures = readdirSync(DIR)
  .filter((f) => /\.tsx?$/.test(f))
  .map((name) => {
    const text = readFileSync(join(DIR, name), 'utf8');
    const as = /^\/\/ as: (\S+)/.exec(text)?.[1];
    if (!as) throw new Error(`${name}: the first line must say "// as: <path>"`);
    return { name, text, as };
  });

// The repository's own config; the fixture is linted under the path it names, where that folder's fence applies.
const eslint = new ESLint({ overrideConfigFile: 'eslint.config.js' });
const restricted = async (text: string, filePath: string) => {
  const [result] = await eslint.lintText(text, { filePath });
  return result!.messages.filter((m) => m.ruleId?.endsWith('no-restricted-imports'));
};

describe('lint fences', () => {
  it('has fixtures on both sides', () => {
    expect(fixtures.filter((f) => f.name.startsWith('clean-')).length).toBeGreaterThan(0);
    expect(fixtures.filter((f) => !f.name.startsWith('clean-')).length).toBeGreaterThanOrEqual(5);
  });

  it.each(fixtures.filter((f) => !f.name.startsWith('clean-')).map((f) => [f.name, f] as const))(
    '%s fails lint',
    async (_, f) => {
      const messages = await restricted(f.text, f.as);
      expect(messages.map((m) => m.severity)).toContain(2);
    },
    60_000,
  );

  it.each(fixtures.filter((f) => f.name.startsWith('clean-')).map((f) => [f.name, f] as const))(
    '%s passes',
    async (_, f) => {
      expect(await restricted(f.text, f.as)).toEqual([]);
    },
    60_000,
  );
});
