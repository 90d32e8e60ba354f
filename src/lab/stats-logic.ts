/**
 * Statistically meaningful lab defaults and read-outs (issue 16 item 5), pure:
 * - `defaultSelection`: a mid-size zoo model (the upper median of the distinct sizes N) at its isoFLOP checkpoint
 *   whose testbed pass@1 (mean over all tasks, from the manifest) is closest to 0.5, seed 0 where there is one; every
 *   task; DEFAULT_PROBLEMS problems per task (issue 16 asks for ≥ 20); n = k = 4 samples.
 * - `passAtKInterval`: a 95 % Wilson score interval on a run's pass@k over its problems (problems × tasks). With k = n
 *   each problem's estimate is 0 or 1 and Wilson is the usual binomial interval; with k < n the per-problem unbiased
 *   estimates lie in [0, 1], whose mean has variance ≤ p(1 − p)/m, so the interval is conservative (too wide, not too
 *   narrow). Samples of one problem are not independent of the problem, so m counts problems, not samples.
 * - `runPrediction`: the prediction of the run's selected tasks: one task → that task's shipped set; all tasks →
 *   the macro set (fitted on the mean over all tasks, as the run's pass@k is); a subset whose tasks all ship a set →
 *   the mean of their predictions; otherwise none, with the reason (e.g. skills, whose fit was rejected), then the
 *   user's refit if there is one.
 */
import type { Manifest, TaskFile } from '../inference/manifest';
import type { UserConstantSet } from '../domain/registry';
import type { T2Approach2Constants } from '../domain/constants-types';
import { t2Accuracy } from '../domain/t2-approach2';
import { listConstantSets, resolveT2Approach2Set } from '../domain/registry';
import type { LabRun } from './types';

/** Problems per task of a default run (issue 16: at least 20). */
export const DEFAULT_PROBLEMS = 20;
/** Samples per problem n (and k) of a default run. */
export const DEFAULT_SAMPLES = 4;
/** z of a two-sided 95 % interval. */
const Z95 = 1.959963984540054;

/** The default run: a mid-size model, every task, DEFAULT_PROBLEMS problems per task (capped by the task file), n = k. */
export function defaultSelection(manifest: Manifest, tasks: TaskFile): { modelId: string; taskIds: string[]; problems: number; samples: number; k: number } {
  if (manifest.models.length === 0 || tasks.tasks.length === 0) throw new Error('the zoo lists no models or no tasks');
  const sizes = [...new Set(manifest.models.map((m) => m.params))].sort((a, b) => a - b);
  const mid = sizes[Math.floor(sizes.length / 2)]!;
  const taskIds = tasks.tasks.map((t) => t.id);
  const pass1 = (m: Manifest['models'][number]) => {
    const v = taskIds.map((t) => m.results[t]?.passAtK['1']).filter((x): x is number => x !== undefined);
    return v.length ? v.reduce((s, x) => s + x, 0) / v.length : NaN;
  };
  const candidates = manifest.models.filter((m) => m.params === mid);
  const pool = candidates.some((m) => m.suite === 'isoflop') ? candidates.filter((m) => m.suite === 'isoflop') : candidates;
  const score = (m: Manifest['models'][number]) => (Number.isFinite(pass1(m)) ? Math.abs(pass1(m) - 0.5) : Infinity) + (m.seed === 0 ? 0 : 1e-9);
  const best = pool.reduce((a, b) => (score(b) < score(a) ? b : a));
  const problems = Math.min(DEFAULT_PROBLEMS, ...tasks.tasks.map((t) => t.problems.length));
  const n = Math.min(DEFAULT_SAMPLES, manifest.evaluation.samplesPerProblem);
  return { modelId: best.id, taskIds, problems, samples: n, k: n };
}

/**
 * 95 % Wilson score interval of a proportion `p` measured on `m` independent units (see the file comment).
 * @throws RangeError for p outside [0, 1] or m not a positive integer.
 */
export function wilsonInterval(p: number, m: number): [number, number] {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`pass@k must be in [0, 1] (got ${p})`);
  if (!(Number.isInteger(m) && m >= 1)) throw new RangeError(`the interval needs a positive whole number of problems (got ${m})`);
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * m)) / (1 + z2 / m);
  const half = (Z95 / (1 + z2 / m)) * Math.sqrt((p * (1 - p)) / m + z2 / (4 * m * m));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** The run's 95 % interval on pass@k over its problems × tasks, or null when the run does not say how many. */
export function passAtKInterval(run: Pick<LabRun, 'passAtK' | 'problems' | 'tasks'>): [number, number] | null {
  const m = run.problems * Math.max(1, run.tasks.length);
  if (!(Number.isInteger(m) && m >= 1) || !(run.passAtK >= 0 && run.passAtK <= 1)) return null;
  return wilsonInterval(run.passAtK, m);
}

/** A prediction of a run's pass@k and where it comes from, or why there is none. */
export type RunPrediction = { predicted: number; name: string } | { predicted: null; reason: string };

const fittedSets = () => listConstantSets('t2-2').filter((x) => x.kind === 'fitted-testbed');

/** The shipped fitted set of one task (id ends with "-<task>"), or undefined. */
function taskSet(task: string) {
  const s = fittedSets().find((x) => x.id.endsWith(`-${task}`));
  return s ? resolveT2Approach2Set(s.id) : undefined;
}

/** See the file comment. `allTaskIds` = the zoo's tasks (the macro set is fitted on their mean). */
export function runPrediction(run: Pick<LabRun, 'params' | 'tokens' | 'k' | 'tasks'>, allTaskIds: readonly string[], user?: UserConstantSet): RunPrediction {
  const at = (c: T2Approach2Constants) => t2Accuracy(c, run.params, run.tokens, run.k);
  const fromUser = (why: string): RunPrediction => (user && user.family === 't2-2'
    ? { predicted: at(user.set.constants as T2Approach2Constants), name: user.set.name }
    : { predicted: null, reason: why });
  const sets = fittedSets();
  if (sets.length === 0) return fromUser('no fitted T² set ships with the testbed');
  const selected = [...new Set(run.tasks)];
  const all = allTaskIds.length > 0 && selected.length === allTaskIds.length && allTaskIds.every((t) => selected.includes(t));
  if (all && selected.length > 1) {
    const macro = sets.find((x) => x.id.endsWith('-macro')) ?? sets[0]!;
    const s = resolveT2Approach2Set(macro.id);
    return { predicted: at(s.constants), name: s.name };
  }
  const per = selected.map((t) => ({ t, s: taskSet(t) }));
  const missing = per.filter((x) => !x.s).map((x) => x.t);
  if (missing.length > 0) return fromUser(`no shipped fit for ${missing.join(', ')} (a rejected or missing set; tools/zoo/README.md "Fits")`);
  const values = per.map((x) => at(x.s!.constants));
  const predicted = values.reduce((a, b) => a + b, 0) / values.length;
  return { predicted, name: per.length === 1 ? per[0]!.s!.name : `mean of ${per.map((x) => x.s!.name).join(' and ')}` };
}
