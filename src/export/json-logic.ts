/** JSON export: the scenario (exact numbers and labelled rows), constant set, preset, link and every chart's table. */
import { scenarioRows } from './scenario-rows';
import type { ExportContext } from './types';

export const EXPORT_FORMAT = 't2-explorer-export';
export const EXPORT_VERSION = 1;

export function exportJson(ctx: ExportContext, papers: readonly string[] = []): string {
  const doc = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: ctx.exportedAt,
    url: ctx.url,
    scenario: ctx.scenario,
    scenarioRows: scenarioRows(ctx.scenario),
    constantSet: ctx.set,
    rangeNote: ctx.rangeNote,
    preset: ctx.preset,
    charts: ctx.charts.map((c) => ({
      id: c.id,
      title: c.title,
      caption: c.table.caption,
      columns: c.table.columns,
      rows: c.table.rows,
    })),
    papers,
    ...(ctx.comparison
      ? {
          comparison: {
            pinned: ctx.comparison.pinned,
            rows: ctx.comparison.rows.map((r) => ({
              id: r.id,
              label: r.label,
              unit: r.unit,
              a: r.a,
              b: r.b,
              change: r.change,
            })),
          },
        }
      : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
