import { describe, expect, it } from 'vitest';
import { extractRuns, guessMapping, readRunsText } from './import-logic';
import { runsToCsv, fitToJson } from './export-logic';
import {
  clearByod,
  loadByod,
  MAX_SAVED_TEXT,
  saveByod,
  STORAGE_KEY,
  type SavedByod,
  type StorageLike,
} from './storage-logic';
import type { FitReport } from './types';

function memoryStorage(limit = Infinity): StorageLike & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      if (v.length > limit) throw new Error('quota');
      map.set(k, v);
    },
    removeItem: (k) => {
      map.delete(k);
    },
  };
}

const state: SavedByod = {
  version: 1,
  source: { name: 'runs.csv', text: 'params,tokens,loss\n1,2,3' },
  kind: 'chinchilla',
  mapping: guessMapping(['params', 'tokens', 'loss']),
  holdout: { kind: 'none' },
  report: null,
  userSet: null,
};

describe('persistence', () => {
  it('saves and restores the data set and fit', () => {
    const s = memoryStorage();
    expect(saveByod(s, state)).toBe('all');
    expect(loadByod(s)).toEqual(state);
    clearByod(s);
    expect(loadByod(s)).toBeNull();
  });

  it('keeps the fit without the text when the text is too large', () => {
    const s = memoryStorage();
    const big = { ...state, source: { name: 'big.csv', text: 'x'.repeat(MAX_SAVED_TEXT + 1) } };
    expect(saveByod(s, big)).toBe('fit-only');
    expect(loadByod(s)?.source).toBeNull();
    const tight = memoryStorage(500);
    expect(saveByod(tight, { ...state, source: { name: 'a', text: 'y'.repeat(1000) } })).toBe('fit-only');
  });

  it('ignores a corrupt or foreign entry', () => {
    const s = memoryStorage();
    s.map.set(STORAGE_KEY, '{not json');
    expect(loadByod(s)).toBeNull();
    s.map.set(STORAGE_KEY, JSON.stringify({ ...state, version: 2 }));
    expect(loadByod(s)).toBeNull();
    s.map.set(STORAGE_KEY, JSON.stringify({ ...state, kind: 'other' }));
    expect(loadByod(s)).toBeNull();
  });
});

describe('exports', () => {
  it('writes the runs as CSV that imports back to the same runs', () => {
    const text = 'N,D,loss\n7B,1.4T,2.1\n1e9,2e10,2.6\n';
    const { table } = readRunsText(text);
    const runs = extractRuns(table, 'chinchilla', guessMapping(table.header)).runs;
    const csv = runsToCsv('chinchilla', runs);
    expect(csv).toBe('params,tokens,loss\n7000000000,1400000000000,2.1\n1000000000,20000000000,2.6\n');
    const back = readRunsText(csv).table;
    expect(extractRuns(back, 'chinchilla', guessMapping(back.header)).runs.map(({ line: _l, ...r }) => r)).toEqual(
      runs.map(({ line: _l, ...r }) => r),
    );
  });

  it('writes the fit as JSON with constants, intervals and goodness', () => {
    const report = {
      kind: 'chinchilla',
      constants: { E: 1.7 },
      intervals: { E: { p2_5: 1.6, p50: 1.7, p97_5: 1.8 } },
      draws: [{ E: 1.7 }],
      bootstrapFailures: 0,
      goodness: { r2: 0.99, rmse: 0.01, meanRelativeError: 0.005, n: 10 },
      observedLabel: 'loss',
      residuals: [],
      holdout: null,
      range: { params: [1, 2], tokens: [3, 4] },
      starts: 4500,
      converged: true,
      fitMs: 1,
      bootstrapMs: 1,
    } as FitReport;
    const doc = JSON.parse(fitToJson(report, 'user-abc', 10)) as Record<string, unknown>;
    expect(doc).toMatchObject({
      format: 't2-explorer.fit.v1',
      constantSetId: 'user-abc',
      constants: { E: 1.7 },
      bootstrap: { resamples: 1 },
    });
  });
});
