/**
 * The end-to-end specs import a few pure modules of src/ (to build links, parse exports) under Playwright's Node ESM
 * loader, which refuses JSON imports without an import attribute. So no static import path from e2e/ may reach a
 * .json module (the registries keep their JSON-reading halves apart for this: src/domain/constant-sets.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const STATIC = /^\s*(?:import|export)\s+(?!type\b)(?:[^;'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = normalize(join(dirname(from), spec));
  return (
    [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => existsSync(p) && statSync(p).isFile()) ??
    null
  );
}

function specs(dir: string): string[] {
  return readdirSync(dir).flatMap((n) =>
    statSync(join(dir, n)).isDirectory() ? specs(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : [],
  );
}

describe('e2e imports', () => {
  it('no static import path from e2e/ reaches a JSON module', () => {
    const reached: string[] = [];
    const seen = new Set<string>();
    const todo = specs('e2e').map((f) => [f, f] as const);
    while (todo.length > 0) {
      const [file, chain] = todo.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      if (file.endsWith('.json')) {
        reached.push(chain);
        continue;
      }
      for (const m of readFileSync(file, 'utf8').matchAll(STATIC)) {
        const next = resolve(file, m[1]!);
        if (next) todo.push([next, `${chain} → ${next}`]);
      }
    }
    expect(seen.size).toBeGreaterThan(20);
    expect(reached).toEqual([]);
  });
});
