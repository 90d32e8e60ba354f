/** What an export is built from: the scenario, its constant set, the preset if one is loaded, and the charts on screen. */
import type { Scenario } from '../domain/scenario';
import type { CompareRow } from '../compare/rows';

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
  /**
   * The A/B comparison on screen (src/compare): the pinned scenario A and the difference table's rows, numbers as
   * numbers (`a`, `b`, in `unit`) beside the words the screen shows; null or absent without a pin.
   */
  comparison?: {
    pinned: Scenario;
    rows: readonly CompareRow[];
  } | null;
}
