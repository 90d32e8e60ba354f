/**
 * onnxruntime-web (~28 MB of wasm) must stay out of the main bundle: only src/inference/session.ts imports it, and
 * code outside src/inference and workers/ reaches session.ts only through a dynamic import().
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('onnxruntime-web import fence', () => {
  const files = sources(join(ROOT, 'src')).map((p) => ({ path: relative(ROOT, p).replaceAll('\\', '/'), text: readFileSync(p, 'utf8') }));
  /** Module specifiers of the file's static, non-type-only import/export … from statements (multi-line ones too). */
  const specifiers = (text: string) => [...text.matchAll(/^\s*(import|export)\s+(?!type\b)[^;]*?\bfrom\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[2] ?? m[3]!);
  const staticImport = (text: string, what: RegExp) => specifiers(text).some((s) => what.test(s));

  it('only src/inference/session.ts imports onnxruntime-web', () => {
    expect(files.filter((f) => staticImport(f.text, /^onnxruntime-web/)).map((f) => f.path)).toEqual(['src/inference/session.ts']);
  });

  it('nothing outside src/inference imports session.ts statically', () => {
    const offenders = files.filter((f) => !f.path.startsWith('src/inference/') && staticImport(f.text, /inference\/session$/));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });
});
