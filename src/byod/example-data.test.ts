import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from './example-data';
import { extractRuns, guessFitKind, guessMapping, readRunsText } from './import-logic';
import { MIN_ROWS, type FitKind } from './types';

const EXPECTED_KIND: Record<string, FitKind> = {
  'gadre-2024': 'chinchilla',
  pythia: 't2-2',
  'sardana-2024': 'chinchilla',
};

describe('bundled public examples', () => {
  it('names Gadre et al., Pythia and Sardana et al., each with a source and a committed licence file', () => {
    expect(EXAMPLES.map((e) => e.id)).toEqual(['gadre-2024', 'pythia', 'sardana-2024']);
    for (const e of EXAMPLES) {
      expect(e.source).toMatch(/arXiv:\d{4}\.\d{5}/);
      expect(['MIT', 'Apache-2.0']).toContain(e.licence);
      expect(existsSync(e.licenceFile), e.licenceFile).toBe(true);
      expect(readFileSync(e.licenceFile, 'utf8')).toContain(e.licence === 'MIT' ? 'MIT' : 'Apache License');
    }
  });

  it.each(EXAMPLES.map((e) => [e.id, e] as const))(
    '%s loads the committed tidy table and imports with no bad row',
    async (id, e) => {
      const text = await e.load();
      expect(text).toBe(readFileSync(`data/public/tidy/${e.file}`, 'utf8'));
      const { table } = readRunsText(text);
      const mapping = guessMapping(table.header);
      const kind = guessFitKind(mapping);
      expect(kind).toBe(EXPECTED_KIND[id]);
      const runs = extractRuns(table, kind, mapping);
      expect(runs.errors).toEqual([]);
      expect(runs.problem).toBeNull();
      expect(runs.runs.length).toBe(table.records.length);
      expect(runs.runs.length).toBeGreaterThanOrEqual(MIN_ROWS[kind]);
    },
  );
});
