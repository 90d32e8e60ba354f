/**
 * docs/laws.md stays in step with the code that cites it: every "laws.md §n" (also "§n–m", "§n, §m", "§n and §m")
 * in the sources, tools, scripts, end-to-end specs and docs names a section that docs/laws.md has ("## n. …").
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['src', 'workers', 'tools', 'scripts', 'e2e', 'docs', 'README.md'];
const SKIP = new Set(['node_modules', 'work', 'dist', '.reports']);

function files(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path)
    .flatMap((name) => (SKIP.has(name) ? [] : files(join(path, name))))
    .filter((p) => /\.(ts|tsx|js|mjs|json|md|py)$/.test(p));
}

const laws = readFileSync('docs/laws.md', 'utf8');
const sections = new Set([...laws.matchAll(/^## (\d+)\./gm)].map((m) => Number(m[1])));

/** The section numbers each "laws.md §…" citation names, with where it stands. */
function citations(): { where: string; section: number }[] {
  const out: { where: string; section: number }[] = [];
  const cite = /laws\.md\)?,?\s*((?:§\s*\d+(?:\s*[–-]\s*\d+)?(?:\s*(?:,|and)\s*(?=§))?\s*)+)/g;
  for (const file of ROOTS.flatMap(files)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(cite)) {
      const line = text.slice(0, m.index).split('\n').length;
      for (const r of m[1]!.matchAll(/§\s*(\d+)(?:\s*[–-]\s*(\d+))?/g)) {
        const from = Number(r[1]);
        const to = r[2] ? Number(r[2]) : from;
        for (let s = from; s <= to; s++) out.push({ where: `${file}:${line}`, section: s });
      }
    }
  }
  return out;
}

describe('laws.md citations', () => {
  const all = citations();

  it('docs/laws.md has its numbered sections', () => {
    expect([...sections].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('finds the citations (so the check below can fail)', () => {
    expect(all.length).toBeGreaterThan(150);
    expect(new Set(all.map((c) => c.section)).size).toBeGreaterThanOrEqual(8);
  });

  it('every cited section exists', () => {
    expect(all.filter((c) => !sections.has(c.section)).map((c) => `${c.where} cites §${c.section}`)).toEqual([]);
  });
});
