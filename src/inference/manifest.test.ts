import { describe, expect, it } from 'vitest';
import { ZooFormatError, parseManifest, parseTaskFile } from './manifest';

const validModel = () => ({
  id: 'n105k-d2m-s0',
  file: 'n105k-d2m-s0.onnx',
  sha256: 'a'.repeat(64),
  bytes: 123456,
  dtype: 'int8',
  architecture: { layers: 2, dModel: 64, heads: 4, headDim: 16, context: 32, vocabSize: 4, ffMult: 4 },
  params: 105000,
  tokens: 2e6,
  seed: 0,
  suite: 'isoflop',
  isoflopLevel: 1.26e12,
  trainFlops: 6 * 105000 * 2e6,
  results: { add: { nll: 3.2, passAtK: { '1': 0.1, '64': 0.6 } } },
  reference: {
    greedy: [{ task: 'add', prompt: '1+2=', output: '3' }],
    logits: { prompt: '1+2=', lastPosition: [0.1, -2, 3, 0] },
  },
});
const validManifest = () => ({
  version: 1,
  createdBy: 'tools/zoo',
  vocab: ['<pad>', '<eos>', '1', '='],
  specialTokens: { pad: 0, eos: 1 },
  context: 32,
  evaluation: { temperature: 1, samplesPerProblem: 64, problemsPerTask: 200, ks: [1, 2, 64], seed: 7 },
  models: [validModel()],
});
const validTasks = () => ({
  version: 1,
  tasks: [
    {
      id: 'add',
      name: 'Addition',
      description: 'a+b',
      levels: [1, 2],
      maxAnswerTokens: 4,
      problems: [{ prompt: '1+2=', answer: '3', level: 1 }],
    },
  ],
});

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ZooFormatError);
    return (error as ZooFormatError).problems;
  }
  throw new Error('expected a ZooFormatError');
}

describe('parseManifest', () => {
  it('accepts a manifest that follows the contract (with an optional bos and fits)', () => {
    expect(parseManifest(validManifest()).models[0]!.id).toBe('n105k-d2m-s0');
    const m = { ...validManifest(), specialTokens: { pad: 0, eos: 1, bos: 3 }, fits: { anything: true } };
    expect(parseManifest(m).specialTokens.bos).toBe(3);
    const nullLevel = validManifest();
    (nullLevel.models[0] as { isoflopLevel: number | null }).isoflopLevel = null;
    expect(() => parseManifest(nullLevel)).not.toThrow();
  });

  it('lists missing keys and wrong types with their paths, all at once', () => {
    const m = validManifest() as Record<string, unknown>;
    delete m.context;
    const model = (m.models as Record<string, unknown>[])[0]!;
    delete model.sha256;
    model.bytes = '123';
    (model.architecture as Record<string, unknown>).layers = 2.5;
    const problems = problemsOf(() => parseManifest(m));
    expect(problems).toContain('context: missing key');
    expect(problems).toContain('models[0].sha256: missing key');
    expect(problems).toContain('models[0].bytes: expected a finite number, got the string "123"');
    expect(problems).toContain('models[0].architecture.layers: expected an integer, got 2.5');
  });

  it('rejects a malformed checksum, a bad dtype or suite, and pass@k outside [0, 1]', () => {
    const m = validManifest();
    Object.assign(m.models[0]!, { sha256: 'A'.repeat(63), dtype: 'fp32', suite: 'other' });
    m.models[0]!.results.add.passAtK['1'] = 1.5;
    const problems = problemsOf(() => parseManifest(m)).join('\n');
    expect(problems).toMatch(/models\[0\]\.sha256: expected 64 lower-case hex digits/);
    expect(problems).toMatch(/models\[0\]\.dtype: expected one of "int8", "fp16"/);
    expect(problems).toMatch(/models\[0\]\.suite: expected one of/);
    expect(problems).toMatch(/passAtK\.1: expected ≤ 1, got 1\.5/);
  });

  it('checks consistency: vocab size, special ids, duplicate ids, 6ND, ks ≤ samples', () => {
    const m = validManifest();
    m.models.push(validModel());
    m.models[0]!.architecture.vocabSize = 5;
    m.models[0]!.trainFlops = 1;
    m.specialTokens.eos = 9;
    m.evaluation.ks.push(128);
    const problems = problemsOf(() => parseManifest(m)).join('\n');
    expect(problems).toMatch(/architecture\.vocabSize: expected 4 \(the length of manifest\.vocab\)/);
    expect(problems).toMatch(/models\[1\]\.id: duplicate model id/);
    expect(problems).toMatch(/trainFlops: expected 6·params·tokens/);
    expect(problems).toMatch(/specialTokens\.eos: expected ≤ 3, got 9/);
    expect(problems).toMatch(/evaluation\.ks\[3\]: expected ≤ 64, got 128/);
  });

  it('rejects non-objects and the wrong version with a readable message', () => {
    expect(() => parseManifest([])).toThrow(
      /manifest\.json is not valid \(1 problem\):\n {2}\(root\): expected an object, got an array/,
    );
    expect(problemsOf(() => parseManifest({ ...validManifest(), version: 2 }))).toEqual(['version: expected 1, got 2']);
  });
});

describe('parseTaskFile', () => {
  it('accepts a valid task file', () => {
    expect(parseTaskFile(validTasks()).tasks[0]!.problems).toHaveLength(1);
  });

  it('reports problems with unknown levels, missing answers and duplicate ids', () => {
    const t = validTasks();
    t.tasks[0]!.problems.push({ prompt: '2+2=', level: 3 } as never);
    t.tasks.push(t.tasks[0]!);
    const problems = problemsOf(() => parseTaskFile(t));
    expect(problems).toContain('tasks[0].problems[1].answer: missing key');
    expect(problems).toContain("tasks[0].problems[1].level: level 3 is not among the task's levels");
    expect(problems).toContain('tasks[1].id: duplicate task id "add"');
  });
});
