/**
 * The model lab's default run (issue 16 item 5): one that means something statistically. A mid-size zoo model (the
 * median of the shipped sizes, at its largest isoFLOP budget, seed 0: a trained model, neither the smallest on the
 * chance plateau nor the largest), every task (so the prediction is that of the selected tasks), 20 problems per task
 * and n = k = 8 samples, so the run's 95 % interval (./interval.ts) is a few tenths wide rather than the whole [0, 1].
 */
import type { Manifest, ModelEntry, TaskFile } from '../inference/manifest';
import type { Selection } from './useLab';

/** Problems per task of the default run (≥ 20: with fewer, the interval of a pass@k spans most of [0, 1]). */
export const DEFAULT_PROBLEMS = 20;
/** Samples per problem n (and k) of the default run, capped by the zoo's own samples per problem. */
export const DEFAULT_SAMPLES = 8;

/**
 * The default model: among the distinct sizes N of the zoo the median (the lower one of an even count), and of that
 * size the isoFLOP checkpoint with the largest D (seed 0 when there is one); a size without isoFLOP checkpoints takes
 * its largest D. @throws RangeError on an empty manifest.
 */
export function defaultModel(models: readonly ModelEntry[]): ModelEntry {
  if (models.length === 0) throw new RangeError('the zoo manifest lists no models');
  const sizes = [...new Set(models.map((m) => m.params))].sort((a, b) => a - b);
  const n = sizes[Math.floor((sizes.length - 1) / 2)]!;
  const ofSize = models.filter((m) => m.params === n);
  const iso = ofSize.filter((m) => m.suite === 'isoflop');
  const pool = iso.length > 0 ? iso : ofSize;
  const dMax = Math.max(...pool.map((m) => m.tokens));
  const top = pool.filter((m) => m.tokens === dMax).sort((a, b) => a.seed - b.seed);
  return top.find((m) => m.seed === 0) ?? top[0]!;
}

/** The default selection of the lab for a zoo. @throws RangeError when the zoo has no model or no task. */
export function defaultSelection(manifest: Manifest, tasks: TaskFile): Selection {
  if (tasks.tasks.length === 0) throw new RangeError('the zoo has no task');
  const fewest = Math.min(...tasks.tasks.map((t) => t.problems.length));
  const n = Math.min(DEFAULT_SAMPLES, manifest.evaluation.samplesPerProblem);
  const samples = 2 ** Math.floor(Math.log2(Math.max(1, n)));
  return {
    modelId: defaultModel(manifest.models).id,
    taskIds: tasks.tasks.map((t) => t.id),
    problems: Math.min(DEFAULT_PROBLEMS, fewest, 200),
    samples,
    k: samples,
    backend: 'auto',
  };
}
