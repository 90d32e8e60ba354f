/**
 * The export actions (browser): each builds its file from what is on screen and downloads it. Kept apart from the menu
 * so the app (or a test page) can call them directly.
 */
import type { Scenario } from '../domain/scenario';
import type { ExplorerData } from '../engine/explorer-data-types';
import { listConstantSets } from '../domain/registry';
import { rangeCheck } from '../teaching/range-note';
import { papersOnScreen, toBibtex } from './bibtex-logic';
import { captionLines } from './caption-logic';
import { chartFigures, chartSvgDocument, chartsOnScreen } from './chart-dom';
import { chartTablesFromData } from './chart-tables';
import { exportCsv, exportNumericCsv, tableCsv } from './csv-logic';
import { downloadBlob, svgToPng } from './download';
import { exportFileName } from './filenames';
import { exportJson } from './json-logic';
import { compareRows } from '../compare/rows';
import type { ExportContext, PresetLike } from './types';

export interface ExportSource {
  scenario: Scenario;
  /** The engine's data of the charts on screen (their tables are built from it); null while computing. */
  data?: ExplorerData | null;
  preset: (PresetLike & { papers: readonly string[] }) | null;
  /** Where the charts are; the whole document by default. */
  root?: ParentNode;
  url?: string;
  /** The pinned scenario A of a comparison (the difference table goes into the files with it); null without one. */
  pinned?: Scenario | null;
}

/** The export context of the current screen. */
export function exportContext(src: ExportSource): ExportContext {
  const s = src.scenario;
  const set = listConstantSets(s.qualityModel).find((c) => c.id === s.constantSet) ?? null;
  return {
    scenario: s,
    set: set ? { id: set.id, name: set.name, kind: set.kind, source: set.source } : null,
    rangeNote: rangeCheck(s).text,
    preset: src.preset
      ? { id: src.preset.id, title: src.preset.title, citation: src.preset.citation, source: src.preset.source }
      : null,
    url: src.url ?? location.href,
    charts: chartsOnScreen(src.root, src.data ? chartTablesFromData(src.data) : {}),
    exportedAt: new Date().toISOString(),
    comparison:
      src.pinned && src.data?.compare
        ? { pinned: src.pinned, rows: compareRows(src.data.compare.a, src.data.compare.b) }
        : null,
  };
}

function papers(src: ExportSource, ctx: ExportContext) {
  return papersOnScreen({
    scenario: src.scenario,
    charts: ctx.charts.map((c) => c.id),
    presetId: src.preset?.id ?? null,
    presetPapers: src.preset?.papers ?? [],
  });
}

function figure(src: ExportSource, chartId: string): Element {
  const f = chartFigures(src.root).find((el) => el.getAttribute('data-testid') === chartId);
  if (!f) throw new Error(`the chart ${chartId} is not on screen`);
  return f;
}

export function chartSvgText(src: ExportSource, chartId: string): string {
  const ctx = exportContext(src);
  const f = figure(src, chartId);
  const title = ctx.charts.find((c) => c.id === chartId)?.title ?? chartId;
  return chartSvgDocument(f, captionLines(ctx, title));
}

export type ExportAction = 'svg' | 'png' | 'chart-csv' | 'csv' | 'numeric-csv' | 'json' | 'bibtex';

/** Runs one export and downloads its file; returns the file name. */
export async function runExport(action: ExportAction, src: ExportSource, chartId?: string): Promise<string> {
  const ctx = exportContext(src);
  const needChart = () => {
    if (!chartId) throw new Error('choose a chart first');
    return chartId;
  };
  let blob: Blob;
  let name: string;
  switch (action) {
    case 'svg':
      blob = new Blob([chartSvgText(src, needChart())], { type: 'image/svg+xml' });
      name = exportFileName(needChart(), 'svg');
      break;
    case 'png':
      blob = await svgToPng(chartSvgText(src, needChart()));
      name = exportFileName(needChart(), 'png');
      break;
    case 'chart-csv': {
      const chart = ctx.charts.find((c) => c.id === needChart());
      if (!chart) throw new Error(`the chart ${chartId} is not on screen`);
      blob = new Blob([tableCsv(chart.table)], { type: 'text/csv' });
      name = exportFileName(chart.id, 'csv');
      break;
    }
    case 'csv':
      blob = new Blob([exportCsv(ctx)], { type: 'text/csv' });
      name = exportFileName('scenario', 'csv');
      break;
    case 'numeric-csv':
      blob = new Blob([exportNumericCsv(ctx)], { type: 'text/csv' });
      name = exportFileName('numbers', 'csv');
      break;
    case 'json':
      blob = new Blob(
        [
          exportJson(
            ctx,
            papers(src, ctx).map((p) => p.key),
          ),
        ],
        { type: 'application/json' },
      );
      name = exportFileName('scenario', 'json');
      break;
    case 'bibtex':
      blob = new Blob([toBibtex(papers(src, ctx), ctx.url)], { type: 'application/x-bibtex' });
      name = exportFileName('papers', 'bib');
      break;
  }
  downloadBlob(blob, name);
  return name;
}
