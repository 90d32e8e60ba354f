import { describe, expect, it } from 'vitest';
import { buildExplorerData } from '../engine/explorer-data';
import { completeScenario, getPreset, presetScenario } from '../teaching/presets';
import { chartTablesFromData } from './chart-tables';
import { exportCsv, parseCsv } from './csv-logic';
import { testContext } from './testing/context';

describe('chart tables from engine data', () => {
  it('every chart has a table with its header, rows of the right width and no NaN', () => {
    const tables = chartTablesFromData(buildExplorerData(completeScenario({})));
    expect(Object.keys(tables).sort()).toEqual([
      'chart.epoch',
      'chart.frontier',
      'chart.isoflop',
      'chart.passk',
      'chart.tokens-per-param',
    ]);
    for (const [id, build] of Object.entries(tables)) {
      const t = build();
      expect(t.columns.length, id).toBeGreaterThan(1);
      expect(t.rows.length, id).toBeGreaterThan(0);
      for (const r of t.rows) {
        expect(r, id).toHaveLength(t.columns.length);
        expect(r.join(' '), id).not.toMatch(/NaN|Infinity/);
      }
    }
  });

  it('pass@k has an empty table when the model has no k term, and the tidy CSV carries the rest cell by cell', () => {
    const data = buildExplorerData(presetScenario(getPreset('chinchilla')!));
    const tables = chartTablesFromData(data);
    expect(tables['chart.passk']!().rows).toEqual([]);
    const ctx = { ...testContext(), charts: Object.entries(tables).map(([id, b]) => ({ id, title: id, table: b() })) };
    const rows = parseCsv(exportCsv(ctx));
    const iso = tables['chart.isoflop']!();
    expect(rows.filter((r) => r[0] === 'chart.isoflop')).toHaveLength(iso.rows.length * (iso.columns.length - 1));
  });
});
