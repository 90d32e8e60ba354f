/**
 * `npm run public:fit`: rebuilds every public constant set from the committed raw data (issue 12; tools/public-fits/
 * README.md). For each module of ./modules.ts, in order: writes its tidy tables to data/public/tidy/, runs its fits;
 * then writes all sets to src/domain/data/t2-public.json (module order) and every module's report to
 * tools/public-fits/results/report.json (keyed by module id).
 *   npm run public:fit                 everything, 200 bootstrap resamples (the shipped files)
 *   npm run public:fit -- --dry        fits and prints, writes nothing
 *   npm run public:fit -- --tidy-only  only the tidy tables
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseT2Sets } from '../../src/domain/t2-sets';
import { MODULES } from './modules';
import { toCsv } from './tidy';
import type { ModuleResult, PublicFitModule, PublicSetEntry, RunOptions, TidyTable } from './types';

export const TIDY_DIR = fileURLToPath(new URL('../../data/public/tidy/', import.meta.url));
export const PUBLIC_SETS_FILE = fileURLToPath(new URL('../../src/domain/data/t2-public.json', import.meta.url));
export const REPORT_FILE = fileURLToPath(new URL('./results/report.json', import.meta.url));

/** Bootstrap resamples of the shipped sets and extrapolation tests. */
export const SHIPPED_RESAMPLES = 200;

export interface RunResult {
  tables: TidyTable[];
  sets: PublicSetEntry[];
  report: Record<string, unknown>;
}

/** Runs the modules (tidy tables, then fits unless `tidyOnly`). The sets are validated by the domain's own parser. */
export function runModules(modules: readonly PublicFitModule[], opts: RunOptions, tidyOnly = false): RunResult {
  const tables: TidyTable[] = [];
  const sets: PublicSetEntry[] = [];
  const report: Record<string, unknown> = {};
  for (const m of modules) {
    tables.push(...m.tidy());
    if (tidyOnly || !m.fit) continue;
    const r: ModuleResult = m.fit(opts);
    sets.push(...r.sets);
    report[m.id] = r.report;
  }
  const files = new Set<string>();
  for (const t of tables) {
    if (files.has(t.file)) throw new Error(`two modules write data/public/tidy/${t.file}`);
    files.add(t.file);
  }
  parseT2Sets(sets);
  return { tables, sets, report };
}

/** JSON as the shipped files hold it (2-space indent, trailing newline). */
export const jsonText = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

/**
 * JSON with every object or array whose members are all primitives on one line (the report's many small records:
 * bootstrap draws, intervals), 1-space indent otherwise; parses to the same value as JSON.stringify.
 */
export function compactJson(v: unknown, indent = ''): string {
  const flat = (x: unknown) => x === null || typeof x !== 'object';
  if (flat(v)) return JSON.stringify(v) ?? 'null';
  const inner = `${indent} `;
  if (Array.isArray(v)) {
    if (v.every(flat)) return JSON.stringify(v);
    return `[\n${v.map((x) => inner + compactJson(x, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  if (entries.every(([, x]) => flat(x))) return JSON.stringify(v);
  return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${compactJson(x, inner)}`).join(',\n')}\n${indent}}`;
}

function main(argv: string[]): void {
  const t0 = Date.now();
  const dry = argv.includes('--dry');
  const tidyOnly = argv.includes('--tidy-only');
  const log = (line: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)} s] ${line}`);
  const r = runModules(MODULES, { resamples: SHIPPED_RESAMPLES, log }, tidyOnly);
  if (!dry) {
    mkdirSync(TIDY_DIR, { recursive: true });
    for (const t of r.tables) writeFileSync(`${TIDY_DIR}${t.file}`, toCsv(t.columns, t.rows));
    log(`wrote ${r.tables.length} tidy tables to ${TIDY_DIR}`);
    if (!tidyOnly) {
      writeFileSync(PUBLIC_SETS_FILE, jsonText(r.sets));
      writeFileSync(REPORT_FILE, `${compactJson(r.report)}\n`);
      log(`wrote ${r.sets.length} sets to ${PUBLIC_SETS_FILE} and the report to ${REPORT_FILE}`);
    }
  }
  log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
