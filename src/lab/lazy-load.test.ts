/**
 * onnxruntime-web must not reach the page's initial bundle: the app shell imports only LabSection, which loads the
 * panel lazily; the panel's client imports the worker API as a type; the worker loads it with a dynamic import.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const src = (p: string) => readFileSync(p, 'utf8');
const staticImports = (text: string) => [...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);

describe('the model lab loads onnxruntime-web only when opened', () => {
  it('LabSection imports the panel lazily and nothing that reaches the runtime', () => {
    const section = src('src/lab/LabSection.tsx');
    expect(section).toMatch(/lazy\(\(\) => import\('\.\/LabPanel'\)\)/);
    expect(staticImports(section)).toEqual(expect.arrayContaining(['react', './storage', './sync']));
    for (const m of staticImports(section)) expect(m).not.toMatch(/LabPanel|useLab|inference|onnxruntime/);
    for (const file of ['src/lab/storage.ts', 'src/lab/sync.ts', 'src/lab/export-logic.ts', 'src/lab/records-logic.ts']) {
      for (const m of staticImports(src(file))) expect(m, file).not.toMatch(/inference\/(lab-api|session|client)|onnxruntime/);
    }
  });

  it('the client takes the worker API as a type; the worker imports it dynamically', () => {
    expect(staticImports(src('src/inference/client.ts'))).not.toContain('./lab-api');
    const worker = src('workers/inference.worker.ts');
    expect(staticImports(worker).some((m) => /lab-api|onnxruntime/.test(m))).toBe(false);
    expect(worker).toMatch(/import\('\.\.\/src\/inference\/lab-api'\)/);
  });
});
