/** What an export is built from: the scenario, its constant set, the preset if one is loaded, and the charts on screen. */
import type { Scenario } from '../domain/scenario';

/** A chart's table alternative (the same shape as the charts' DataTable). */
export interface TableLike {
  caption: string;
  columns: string[];
  rows: string[][];
}

/** One chart on screen: its test id (chart.frontier), title and table. */
export interface ChartExport {
  id: string;
  title: string;
  table: TableLike;
}

/** The constant set the numbers use. */
export interface SetLike {
  id: string;
  name: string;
  kind: string;
  source: string;
}

export interface PresetLike {
  id: string;
  title: string;
  citation: string;
  source: string;
}

export interface ExportContext {
  scenario: Scenario;
  set: SetLike | null;
  /** "Outside the fitted range…" sentence, or null. */
  rangeNote: string | null;
  preset: PresetLike | null;
  /** The page's link to this scenario. */
  url: string;
  charts: ChartExport[];
  /** ISO time of the export. */
  exportedAt: string;
}
