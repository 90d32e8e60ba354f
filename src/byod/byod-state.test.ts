import { describe, expect, it } from 'vitest';
import { INITIAL_BYOD, reduceByod, restoredByod, type ByodState } from './byod-state';
import { readRuns } from './read-runs';
import type { ReadResult } from './read-client';
import type { SavedByod } from './storage-logic';

const text = [
  'params,tokens,loss',
  ...Array.from({ length: 8 }, (_, i) => `${1e7 * 2 ** i},${2e8 * 3 ** i},${(3 - 0.1 * i).toFixed(2)}`),
].join('\n');
const result = (request: Parameters<typeof readRuns>[0]): ReadResult => ({ ...readRuns(request), mode: 'worker' });

describe('Your data state', () => {
  it('an import shows its data only once its read succeeds; a failed read keeps the earlier data', () => {
    let s = reduceByod(INITIAL_BYOD, { type: 'import', name: 'a.csv', text });
    expect(s.reading).toMatchObject({ commit: 'import', name: 'a.csv' });
    expect(s.view).toBeNull();
    s = reduceByod(s, { type: 'read-result', seq: s.reading!.seq, result: result({ text }) });
    expect(s).toMatchObject({
      reading: null,
      source: { name: 'a.csv' },
      kind: 'chinchilla',
      holdout: { kind: 'none' },
      readMode: 'worker',
    });
    expect(s.extraction!.runs).toHaveLength(8);
    // A chosen hold-out check does not carry over to a new data set: its first Fit uses all runs.
    s = reduceByod(s, { type: 'holdout', rule: { kind: 'tokens-per-param', max: 20 } });
    const again = reduceByod(s, { type: 'import', name: 'c.csv', text });
    expect(
      reduceByod(again, { type: 'read-result', seq: again.reading!.seq, result: result({ text }) }).holdout,
    ).toEqual({ kind: 'none' });
    const before = s;
    s = reduceByod(s, { type: 'import', name: 'b.txt', text: 'not a table' });
    s = reduceByod(s, { type: 'read-result', seq: s.reading!.seq, result: result({ text: 'not a table' }) });
    expect(s.importError).toMatch(/neither CSV/);
    expect(s.source).toBe(before.source);
    expect(s.extraction).toBe(before.extraction);
  });

  it('takes only the latest read (latest wins) and re-reads when the mapping changes', () => {
    let s: ByodState = reduceByod(INITIAL_BYOD, { type: 'import', name: 'a.csv', text });
    s = reduceByod(s, { type: 'read-result', seq: s.reading!.seq, result: result({ text }) });
    s = reduceByod(s, { type: 'map', field: 'loss', column: 'tokens' });
    const first = s.reading!;
    expect(first).toMatchObject({ commit: 'remap', mapping: { loss: 'tokens' } });
    s = reduceByod(s, { type: 'map', field: 'loss', column: 'loss' });
    const stale = reduceByod(s, {
      type: 'read-result',
      seq: first.seq,
      result: result({ text, kind: first.kind, mapping: first.mapping }),
    });
    expect(stale).toBe(s);
    s = reduceByod(s, {
      type: 'read-result',
      seq: s.reading!.seq,
      result: result({ text, kind: s.kind, mapping: s.mapping }),
    });
    expect(s.reading).toBeNull();
    expect(s.extraction!.runs[0]!.loss).toBe(3);
  });

  it('a mapping change during an import does not replace the import', () => {
    let s = reduceByod(INITIAL_BYOD, { type: 'import', name: 'a.csv', text });
    const job = s.reading;
    s = reduceByod(s, { type: 'kind', kind: 't2-1' });
    expect(s.reading).toBe(job);
  });

  it('a saved entry restores its report at once and re-reads its source with its mapping', () => {
    const first = readRuns({ text });
    if (first.status !== 'done') throw new Error(first.message);
    const saved: SavedByod = {
      version: 1,
      source: { name: 'a.csv', text },
      kind: 'chinchilla',
      mapping: first.mapping,
      holdout: { kind: 'tokens-per-param', max: 20 },
      report: null,
      warnings: [],
      userSet: null,
    };
    const s = restoredByod(saved);
    expect(s.reading).toMatchObject({ commit: 'remap', mapping: first.mapping, kind: 'chinchilla' });
    expect(s.holdout).toEqual({ kind: 'tokens-per-param', max: 20 });
    // Saved before the gate (no warnings): ≤ 20 tokens per parameter was the old default, not a choice.
    const { warnings: _w, ...old } = saved;
    expect(restoredByod(old).holdout).toEqual({ kind: 'none' });
    expect(restoredByod({ ...old, holdout: { kind: 'tokens-per-param', max: 40 } }).holdout).toEqual({
      kind: 'tokens-per-param',
      max: 40,
    });
    expect(restoredByod(null)).toBe(INITIAL_BYOD);
  });
});
