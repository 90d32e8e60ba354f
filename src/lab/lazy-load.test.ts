/**
 * onnxruntime-web must not reach the page's initial bundle: the app shell imports only LabSection, which loads the
 * panel lazily; the panel's client imports the worker API as a type; the worker loads it with a dynamic import.
 * The static-import half of this is lint now (eslint.config.js `fences`: LabSection and the lab's start-up modules
 * may not import the panel, useLab or the inference client/API; src/inference/client.ts takes lab-api as a type; no
 * static onnxruntime-web outside src/inference/session.ts; proved by src/app/lint-fences.test.ts). What lint cannot
 * see, that the lazy imports exist, stays here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const src = (p: string) => readFileSync(p, 'utf8');

describe('the model lab loads onnxruntime-web only when opened', () => {
  it('LabSection loads the panel with a lazy import', () => {
    expect(src('src/lab/LabSection.tsx')).toMatch(/lazy\(\(\) => import\('\.\/LabPanel'\)\)/);
  });

  it('the worker imports the lab API dynamically', () => {
    expect(src('workers/inference.worker.ts')).toMatch(/import\('\.\.\/src\/inference\/lab-api'\)/);
  });
});
