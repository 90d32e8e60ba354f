/**
 * The export code loads on first use: no static import path from the app's entry (src/main.tsx) reaches the modules
 * that build files (SVG, PNG, CSV, JSON, BibTeX and its papers list); the menu loads ./export-actions dynamically.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^;'"]*?\sfrom\s+)?'([^']+)'/gm;

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = normalize(join(dirname(from), spec));
  return (
    [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(
      (p) => existsSync(p) && /\.(tsx?|json)$/.test(p),
    ) ?? null
  );
}

/** Every file reachable from `entry` through static (non-type) imports and re-exports. */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.json')) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const next = resolve(file, m[1]!);
      if (next) todo.push(next);
    }
  }
  return seen;
}

const LAZY = [
  'export-actions.ts',
  'chart-dom.ts',
  'svg-logic.ts',
  'csv-logic.ts',
  'json-logic.ts',
  'bibtex-logic.ts',
  'papers.json',
  'caption-logic.ts',
  'chart-tables.ts',
];

describe('export code splitting', () => {
  it('the app reaches the export menu statically but none of the file builders', () => {
    const graph = staticGraph('src/main.tsx');
    expect(graph.has(join('src', 'export', 'ExportMenu.tsx'))).toBe(true);
    for (const f of LAZY) expect(graph.has(join('src', 'export', f)), f).toBe(false);
  });

  it('the builders are reachable from the dynamically imported actions module (so the list above can fail)', () => {
    const graph = staticGraph(join('src', 'export', 'export-actions.ts'));
    for (const f of LAZY) expect(graph.has(join('src', 'export', f)), f).toBe(true);
    expect(readFileSync('src/export/ExportMenu.tsx', 'utf8')).toMatch(/import\('\.\/export-actions'\)/);
  });
});
