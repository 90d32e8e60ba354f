import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseManifest, parseTaskFile, type ModelEntry } from '../inference/manifest';
import { DEFAULT_PROBLEMS, defaultModel, defaultSelection } from './defaults';

const models = fileURLToPath(new URL('../../public/models/', import.meta.url));
const manifest = parseManifest(JSON.parse(readFileSync(`${models}manifest.json`, 'utf8')));
const tasks = parseTaskFile(JSON.parse(readFileSync(`${models}tasks.json`, 'utf8')));

const entry = (
  id: string,
  params: number,
  tokens: number,
  seed: number,
  suite: 'isoflop' | 'overtrained' = 'isoflop',
) => ({ ...manifest.models[0]!, id, params, tokens, seed, suite }) as ModelEntry;

describe('lab defaults (issue 16 item 5)', () => {
  it('pick the median size at its largest isoFLOP D, seed 0, not an overtrained checkpoint', () => {
    const ms = [
      entry('a', 1e3, 1e6, 0),
      entry('b0', 1e4, 1e6, 0),
      entry('b1', 1e4, 4e6, 1),
      entry('b2', 1e4, 4e6, 0),
      entry('bo', 1e4, 9e7, 0, 'overtrained'),
      entry('c', 1e5, 1e6, 0),
    ];
    expect(defaultModel(ms).id).toBe('b2');
    expect(defaultModel([entry('x', 5, 1, 1), entry('y', 5, 2, 1)]).id).toBe('y'); // no seed 0: the lowest seed
    expect(() => defaultModel([])).toThrow(/no models/);
  });

  it('on the shipped zoo: a mid-size trained model, every task, at least 20 problems per task, n = k', () => {
    const s = defaultSelection(manifest, tasks);
    const sizes = [...new Set(manifest.models.map((m) => m.params))].sort((a, b) => a - b);
    const m = manifest.models.find((x) => x.id === s.modelId)!;
    expect(m.params).toBe(sizes[Math.floor((sizes.length - 1) / 2)]);
    expect(m.params).toBeGreaterThan(sizes[0]!);
    expect(m.params).toBeLessThan(sizes[sizes.length - 1]!);
    expect(m.suite).toBe('isoflop');
    expect(s.taskIds).toEqual(tasks.tasks.map((t) => t.id));
    expect(s.problems).toBeGreaterThanOrEqual(DEFAULT_PROBLEMS);
    expect(s.k).toBe(s.samples);
    expect(s.samples).toBeGreaterThanOrEqual(8);
    // a trained model: above chance on every task (pass@1 of a 3-digit guess is 0.001)
    for (const t of s.taskIds) expect(m.results[t]!.passAtK['1']!, t).toBeGreaterThan(0.02);
  });
});
