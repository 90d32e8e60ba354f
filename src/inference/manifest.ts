/**
 * Types and validators of the zoo's public/models/manifest.json and tasks.json (the zoo contract,
 * docs/zoo-format.md, written by tools/zoo). Validators collect every problem with its JSON path and
 * throw one {@link ZooFormatError} listing them, so a broken file is reported clearly instead of failing later.
 */
import { JsonChecker, join, type JsonObject } from './json-check';

export interface Architecture {
  layers: number;
  dModel: number;
  heads: number;
  headDim: number;
  /** Maximum positions (learned absolute positions). */
  context: number;
  vocabSize: number;
  ffMult: number;
}

export interface EvaluationSettings {
  temperature: number;
  samplesPerProblem: number;
  problemsPerTask: number;
  ks: number[];
  seed: number;
}

export interface TaskResult {
  /** Mean over problems of −log p(correct answer incl. eos | prompt), nats. */
  nll: number;
  /** pass@k by the unbiased estimator, keyed by k as a decimal string. */
  passAtK: Record<string, number>;
}

export interface GreedyReference {
  task: string;
  prompt: string;
  output: string;
}

export interface ModelReference {
  greedy: GreedyReference[];
  /** The first logits of the last position after a full forward pass over `prompt`. */
  logits: { prompt: string; lastPosition: number[] };
}

export type ModelDtype = 'int8' | 'fp16';
export type ModelSuite = 'isoflop' | 'overtrained';

export interface ModelEntry {
  id: string;
  file: string;
  /** Lower-case hex sha256 of the file. */
  sha256: string;
  bytes: number;
  dtype: ModelDtype;
  architecture: Architecture;
  /** N: all parameters, embeddings included. */
  params: number;
  /** D: training tokens. */
  tokens: number;
  seed: number;
  suite: ModelSuite;
  isoflopLevel: number | null;
  /** 6ND, FLOPs. */
  trainFlops: number;
  results: Record<string, TaskResult>;
  reference: ModelReference;
}

export interface SpecialTokens {
  pad: number;
  eos: number;
  bos?: number;
}

export interface Manifest {
  version: 1;
  createdBy: string;
  vocab: string[];
  specialTokens: SpecialTokens;
  context: number;
  evaluation: EvaluationSettings;
  models: ModelEntry[];
  /** Filled by the fit step; its shape is owned by the fitting code. */
  fits?: unknown;
}

export interface Problem {
  prompt: string;
  answer: string;
  level: number;
}

export interface Task {
  id: string;
  name: string;
  description: string;
  levels: number[];
  /** Most tokens a model may generate for one answer, the eos included (tools/zoo counts it so). */
  maxAnswerTokens: number;
  problems: Problem[];
}

export interface TaskFile {
  version: 1;
  tasks: Task[];
}

/** A manifest.json or tasks.json that does not follow the zoo contract; `problems` lists each one with its path. */
export class ZooFormatError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    const shown = problems.slice(0, 20).join('\n  ');
    const more = problems.length > 20 ? `\n  … and ${problems.length - 20} more` : '';
    super(`${file} is not valid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  ${shown}${more}`);
    this.name = 'ZooFormatError';
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Validates parsed manifest.json; returns it typed or throws a ZooFormatError listing every problem. */
export function parseManifest(json: unknown): Manifest {
  const c = new JsonChecker();
  const root = c.object('', json);
  if (root) {
    if (c.key(root, '', 'version') !== 1) c.fail('version', `expected 1, got ${JSON.stringify(root.version)}`);
    c.string('createdBy', c.key(root, '', 'createdBy'), { nonEmpty: true });
    const vocab = c.array('vocab', c.key(root, '', 'vocab'), { nonEmpty: true });
    vocab?.forEach((v, i) => c.string(join('vocab', i), v, { nonEmpty: true }));
    checkSpecialTokens(c, c.key(root, '', 'specialTokens'), vocab?.length);
    const context = c.positiveInt('context', c.key(root, '', 'context'));
    checkEvaluation(c, c.key(root, '', 'evaluation'));
    const models = c.array('models', c.key(root, '', 'models'), { nonEmpty: true });
    const ids = new Set<string>();
    models?.forEach((m, i) => {
      const id = checkModel(c, join('models', i), m, vocab?.length, context);
      if (id !== undefined && ids.has(id))
        c.fail(join(join('models', i), 'id'), `duplicate model id ${JSON.stringify(id)}`);
      if (id !== undefined) ids.add(id);
    });
  }
  if (c.errors.length > 0) throw new ZooFormatError('manifest.json', c.errors);
  return json as Manifest;
}

function checkSpecialTokens(c: JsonChecker, value: unknown, vocabSize: number | undefined): void {
  const st = c.object('specialTokens', value);
  if (!st) return;
  const max = vocabSize === undefined ? undefined : vocabSize - 1;
  for (const name of ['pad', 'eos'] as const)
    c.number(join('specialTokens', name), c.key(st, 'specialTokens', name), { integer: true, min: 0, max });
  if ('bos' in st) c.number('specialTokens.bos', st.bos, { integer: true, min: 0, max });
}

function checkEvaluation(c: JsonChecker, value: unknown): void {
  const ev = c.object('evaluation', value);
  if (!ev) return;
  c.number('evaluation.temperature', c.key(ev, 'evaluation', 'temperature'), { min: 0 });
  const n = c.positiveInt('evaluation.samplesPerProblem', c.key(ev, 'evaluation', 'samplesPerProblem'));
  c.positiveInt('evaluation.problemsPerTask', c.key(ev, 'evaluation', 'problemsPerTask'));
  const ks = c.array('evaluation.ks', c.key(ev, 'evaluation', 'ks'), { nonEmpty: true });
  ks?.forEach((k, i) => c.number(join('evaluation.ks', i), k, { integer: true, min: 1, max: n }));
  c.number('evaluation.seed', c.key(ev, 'evaluation', 'seed'), { integer: true });
}

const ARCH_KEYS = ['layers', 'dModel', 'heads', 'headDim', 'context', 'vocabSize', 'ffMult'] as const;

function checkModel(
  c: JsonChecker,
  path: string,
  value: unknown,
  vocabSize: number | undefined,
  context: number | undefined,
): string | undefined {
  const m = c.object(path, value);
  if (!m) return undefined;
  const p = (key: string) => join(path, key);
  const get = (key: string) => c.key(m, path, key);
  const id = c.string(p('id'), get('id'), { nonEmpty: true });
  c.string(p('file'), get('file'), { pattern: /^[\w.-]+\.onnx$/, hint: 'expected a plain file name ending in .onnx' });
  c.string(p('sha256'), get('sha256'), { pattern: SHA256_HEX, hint: 'expected 64 lower-case hex digits (sha256)' });
  c.positiveInt(p('bytes'), get('bytes'));
  c.oneOf(p('dtype'), get('dtype'), ['int8', 'fp16'] as const);
  const arch = c.object(p('architecture'), get('architecture'));
  if (arch) {
    for (const key of ARCH_KEYS)
      c.number(join(p('architecture'), key), c.key(arch, p('architecture'), key), {
        exclusiveMin: 0,
        integer: key !== 'ffMult',
      });
    if (vocabSize !== undefined && typeof arch.vocabSize === 'number' && arch.vocabSize !== vocabSize) {
      c.fail(
        join(p('architecture'), 'vocabSize'),
        `expected ${vocabSize} (the length of manifest.vocab), got ${arch.vocabSize}`,
      );
    }
    if (context !== undefined && typeof arch.context === 'number' && arch.context > context) {
      c.fail(join(p('architecture'), 'context'), `exceeds manifest.context ${context}`);
    }
  }
  const n = c.number(p('params'), get('params'), { integer: true, min: 1 });
  const d = c.number(p('tokens'), get('tokens'), { min: 1 });
  c.number(p('seed'), get('seed'), { integer: true });
  c.oneOf(p('suite'), get('suite'), ['isoflop', 'overtrained'] as const);
  const level = get('isoflopLevel');
  if (level !== null) c.number(p('isoflopLevel'), level, { exclusiveMin: 0 });
  const flops = c.number(p('trainFlops'), get('trainFlops'), { exclusiveMin: 0 });
  if (n !== undefined && d !== undefined && flops !== undefined && Math.abs(flops / (6 * n * d) - 1) > 0.01) {
    c.fail(p('trainFlops'), `expected 6·params·tokens = ${6 * n * d}, got ${flops}`);
  }
  checkResults(c, p('results'), get('results'));
  checkReference(c, p('reference'), get('reference'));
  return id;
}

function checkResults(c: JsonChecker, path: string, value: unknown): void {
  const results = c.object(path, value);
  if (!results) return;
  for (const [task, r] of Object.entries(results)) {
    const rp = join(path, task);
    const res = c.object(rp, r);
    if (!res) continue;
    c.number(join(rp, 'nll'), c.key(res, rp, 'nll'), { min: 0 });
    const pass = c.object(join(rp, 'passAtK'), c.key(res, rp, 'passAtK'));
    if (!pass) continue;
    for (const [k, v] of Object.entries(pass)) {
      if (!/^[1-9]\d*$/.test(k)) c.fail(join(join(rp, 'passAtK'), k), 'key must be a positive integer k');
      c.number(join(join(rp, 'passAtK'), k), v, { min: 0, max: 1 });
    }
  }
}

function checkReference(c: JsonChecker, path: string, value: unknown): void {
  const ref = c.object(path, value);
  if (!ref) return;
  const greedy = c.array(join(path, 'greedy'), c.key(ref, path, 'greedy'), { nonEmpty: true });
  greedy?.forEach((g, i) => {
    const gp = join(join(path, 'greedy'), i);
    const obj = c.object(gp, g);
    if (!obj) return;
    c.string(join(gp, 'task'), c.key(obj, gp, 'task'), { nonEmpty: true });
    c.string(join(gp, 'prompt'), c.key(obj, gp, 'prompt'), { nonEmpty: true });
    c.string(join(gp, 'output'), c.key(obj, gp, 'output'));
  });
  const lp = join(path, 'logits');
  const logits = c.object(lp, c.key(ref, path, 'logits'));
  if (!logits) return;
  c.string(join(lp, 'prompt'), c.key(logits, lp, 'prompt'), { nonEmpty: true });
  const last = c.array(join(lp, 'lastPosition'), c.key(logits, lp, 'lastPosition'), { nonEmpty: true });
  last?.forEach((x, i) => c.number(join(join(lp, 'lastPosition'), i), x));
}

/** Validates parsed tasks.json; returns it typed or throws a ZooFormatError listing every problem. */
export function parseTaskFile(json: unknown): TaskFile {
  const c = new JsonChecker();
  const root = c.object('', json);
  if (root) {
    if (c.key(root, '', 'version') !== 1) c.fail('version', `expected 1, got ${JSON.stringify(root.version)}`);
    const tasks = c.array('tasks', c.key(root, '', 'tasks'), { nonEmpty: true });
    const ids = new Set<string>();
    tasks?.forEach((t, i) => {
      const id = checkTask(c, join('tasks', i), t);
      if (id !== undefined && ids.has(id))
        c.fail(join(join('tasks', i), 'id'), `duplicate task id ${JSON.stringify(id)}`);
      if (id !== undefined) ids.add(id);
    });
  }
  if (c.errors.length > 0) throw new ZooFormatError('tasks.json', c.errors);
  return json as TaskFile;
}

function checkTask(c: JsonChecker, path: string, value: unknown): string | undefined {
  const t: JsonObject | undefined = c.object(path, value);
  if (!t) return undefined;
  const p = (key: string) => join(path, key);
  const id = c.string(p('id'), c.key(t, path, 'id'), { nonEmpty: true });
  c.string(p('name'), c.key(t, path, 'name'), { nonEmpty: true });
  c.string(p('description'), c.key(t, path, 'description'));
  const levels = c.array(p('levels'), c.key(t, path, 'levels'), { nonEmpty: true });
  levels?.forEach((l, i) => c.number(join(p('levels'), i), l));
  c.positiveInt(p('maxAnswerTokens'), c.key(t, path, 'maxAnswerTokens'));
  const problems = c.array(p('problems'), c.key(t, path, 'problems'), { nonEmpty: true });
  problems?.forEach((pr, i) => {
    const pp = join(p('problems'), i);
    const obj = c.object(pp, pr);
    if (!obj) return;
    c.string(join(pp, 'prompt'), c.key(obj, pp, 'prompt'), { nonEmpty: true });
    c.string(join(pp, 'answer'), c.key(obj, pp, 'answer'));
    const level = c.number(join(pp, 'level'), c.key(obj, pp, 'level'));
    if (level !== undefined && levels && !levels.includes(level))
      c.fail(join(pp, 'level'), `level ${level} is not among the task's levels`);
  });
  return id;
}
