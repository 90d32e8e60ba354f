import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, exportJson } from './json-logic';
import { exportFileName } from './filenames';
import { pngScale, pngSize } from './png-logic';
import { testContext } from './testing/context';

describe('JSON export', () => {
  it('parses back to the exact scenario, the set, the preset and every chart table', () => {
    const ctx = testContext();
    const doc = JSON.parse(exportJson(ctx, ['hoffmann2022']));
    expect(doc.format).toBe(EXPORT_FORMAT);
    expect(doc.version).toBe(1);
    expect(doc.scenario).toEqual(ctx.scenario);
    expect(doc.constantSet.id).toBe('hoffmann');
    expect(doc.preset.source).toBe('arXiv:2203.15556');
    expect(doc.charts.map((c: { id: string }) => c.id)).toEqual(['chart.isoflop', 'chart.passk']);
    expect(doc.charts[1].rows).toEqual(ctx.charts[1]!.table.rows);
    expect(doc.papers).toEqual(['hoffmann2022']);
    expect(doc.scenarioRows.find((r: { key: string }) => r.key === 'n').value).toBe('70000000000');
  });
});

describe('PNG helpers and file names', () => {
  it('reads the size from a PNG header and rejects other bytes', () => {
    // Signature, IHDR length 13, "IHDR", width 1200, height 900.
    const bytes = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 4, 0xb0, 0, 0, 3, 0x84,
      8, 6,
    ]);
    expect(pngSize(bytes)).toEqual({ width: 1200, height: 900 });
    expect(() => pngSize(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toThrow(/not a PNG/);
  });

  it('scales 2× unless the canvas would exceed 4096 px', () => {
    expect(pngScale(600, 400)).toBe(2);
    expect(pngScale(4096, 100)).toBe(1);
  });

  it('names files after the chart', () => {
    expect(exportFileName('chart.frontier', 'svg')).toBe('t2-explorer-frontier.svg');
    expect(exportFileName('chart.tokens-per-param', 'png')).toBe('t2-explorer-tokens-per-param.png');
    expect(exportFileName('scenario', 'json')).toBe('t2-explorer-scenario.json');
    expect(exportFileName('!!', 'csv')).toBe('t2-explorer-export.csv');
  });
});
