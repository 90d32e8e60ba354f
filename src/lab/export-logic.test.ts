import { describe, expect, it } from 'vitest';
import { importRuns, mergeRuns, runsToCsv, runsToJson } from './export-logic';
import { buildRun } from './records-logic';
import { DEVICE, meta, taskMeasurement } from './fixtures';

const runs = [
  buildRun(meta(), [taskMeasurement('chain', { 1: 0.25, 2: 0.375, 4: 0.5 }, 2.5)]),
  buildRun(
    meta({
      id: 'r2',
      k: 2,
      device: {
        ...DEVICE,
        backend: 'webgpu',
        adapter: 'software adapter (google, swiftshader)',
        fallbackReason: 'a, "quoted" reason',
      },
    }),
    [taskMeasurement('facts', { 1: 0.1, 2: 0.2, 4: 0.3 }, null)],
  ),
];

describe('lab export and import', () => {
  it('JSON round trip keeps every field', () => {
    const back = importRuns(runsToJson(runs, '2026-11-22T12:00:00Z', DEVICE));
    expect(back.errors).toEqual([]);
    expect(back.runs).toEqual(runs);
  });

  it('CSV round trip keeps the run fields and device (per-task details are JSON only)', () => {
    const back = importRuns(runsToCsv(runs));
    expect(back.errors).toEqual([]);
    expect(back.runs).toEqual(runs.map((r) => ({ ...r, perTask: [] })));
  });

  it('reports bad runs by line and keeps the good ones', () => {
    const csv = runsToCsv(runs).replace(',0.5,2.5,', ',1.5,2.5,');
    const back = importRuns(csv);
    expect(back.runs.map((r) => r.id)).toEqual(['r2']);
    expect(back.errors[0]).toMatch(/CSV line 2: passAtK must lie in \[0, 1\]/);
  });

  it.each([
    ['', /empty/],
    ['{"runs": 3}', /"runs" list/],
    ['{bad', /not valid JSON/],
    ['a,b\n1,2', /lacks the columns/],
  ])('rejects %j clearly', (text, msg) => {
    const back = importRuns(text);
    expect(back.runs).toEqual([]);
    expect(back.errors[0]).toMatch(msg);
  });

  it('rejects k above n', () => {
    const back = importRuns(JSON.stringify({ runs: [{ ...runs[0], k: 8 }] }));
    expect(back.errors[0]).toMatch(/n ≥ k/);
  });

  it('merge skips runs already there', () => {
    const m = mergeRuns([runs[0]!], runs);
    expect(m.runs.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(m.skipped).toBe(1);
  });
});
