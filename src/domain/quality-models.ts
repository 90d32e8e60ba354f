/**
 * The quality-model registry: each model the explorer can chart declared once — its id (also its URL value, key
 * `model`), names, what its quality measures and in which unit, the constant family whose sets it takes
 * (./constant-families.ts), whether k enters its quality, how a measured lab run compares with it, the law factory
 * the engine charts with, and the notes its charts show. Everything that used to switch on a model id reads this
 * table (engine/data, the selects, exports, presenter notices, the target field, the lab overlay, the URL schema).
 *
 * Adding a model: its law in its own file (one law per file), one entry here; `quality-models.test.ts` enumerates
 * the registry and checks that every consumer handles every entry. A test-time strategy registry (issue 15) follows
 * the same shape (./define-registry.ts).
 */
import { chinchillaLoss, chinchillaOptimum } from './chinchilla';
import type { ChinchillaConstants } from './constants-types';
import { defineRegistry, tableOf } from './define-registry';
import { DomainError } from './errors';
import type { ConstantFamily } from './constant-families';
import type { ResolvedConstantSet } from './registry';
import { t2Loss } from './t2-approach1';
import { t2Accuracy } from './t2-approach2';
import { t2Optimum } from './t2-optimum';

/** Every quality model id, in the order the select lists them (the union QualityModel is derived from it). */
export const QUALITY_MODEL_IDS = ['t2-1', 't2-2', 'chinchilla', 'lifetime'] as const;

/**
 * Which law turns a design into quality:
 * - 't2-1': T² Approach 1, loss with a k term (lower is better);
 * - 't2-2': T² Approach 2, pass@k accuracy through a Beta model (higher is better);
 * - 'chinchilla': Chinchilla loss only, k ignored for quality;
 * - 'lifetime': the Sardana et al. lifetime view (one budget 6ND + 2NkT).
 */
export type QualityModel = (typeof QUALITY_MODEL_IDS)[number];

/** What a model's quality measures. */
export interface QualityMeasure {
  /** Short name, e.g. "task NLL", "pass@k accuracy", "loss". */
  label: string;
  /** Unit written after a value: "nats", or "" for accuracies. */
  unit: string;
  /** True for accuracies, false for losses. */
  higherIsBetter: boolean;
}

/** A design (N params, D tokens, k samples per question) and its quality in the model's unit. */
export interface LawDesign {
  params: number;
  tokens: number;
  samples: number;
  quality: number;
}

/** A model's law over one constant set: what the engine charts with. */
export interface LawCore {
  /** Stage-1 / Chinchilla constants E, A, B, α, β of the set (the "Chinchilla choice"). */
  chinchilla: ChinchillaConstants;
  /** Quality at (N, D, k), in the model's unit. */
  quality(params: number, tokens: number, samples: number): number;
  /** Best design with 6ND = C_train and 2Nk = C_inf (FLOPs, FLOPs per token), k ≥ 1 (laws.md §0). */
  optimumAt(trainFlops: number, inferenceFlops: number): LawDesign;
}

/** How a measured lab run (src/lab) compares with the model's quality. */
export interface MeasuredComparison {
  /** The run's measurement in the model's unit: its macro pass@k or its answer NLL (nats). */
  field: 'passAtK' | 'nll';
  /** The name of that measurement on the charts. */
  quantity: 'pass@k' | 'answer NLL';
  /** The k the model predicts the run at: the run's own k, or one sample (NLL is per answer). */
  samples: 'run' | 'one';
}

/** One quality model, declared once. */
export interface QualityModelSpec {
  readonly id: QualityModel;
  /** Its name in the quality-model select and in exports. */
  readonly name: string;
  /** Its name in a sentence (presenter notices). */
  readonly shortName: string;
  readonly quality: QualityMeasure;
  /** What the "Target quality" field takes, written beside it. */
  readonly targetUnit: string;
  /** The family of constant sets it takes; a user fit of that family serves it too. */
  readonly constantFamily: ConstantFamily;
  /** True when k enters the quality (the T² laws); the others ignore it (range checks, marks skip k). */
  readonly usesSamples: boolean;
  /** The pass@k its quality implies (pass@k chart, paper setting), or null when it has no k term. */
  readonly passAtK: ((quality: number) => number) | null;
  /**
   * How compute is counted: 'two-budget' (C_train = 6ND and C_inf = 2Nk per token, each held) or 'lifetime'
   * (Sardana et al.'s one budget 6ND + 2NkT over the tokens served T; laws.md §4).
   */
  readonly accounting: 'two-budget' | 'lifetime';
  /**
   * True when the test-time strategies (./strategies: majority voting, best-of-k with a verifier) apply to it: its
   * quality is pass@k under T² Approach 2's per-question Beta, which they replace with their own accuracy.
   */
  readonly strategyApplies: boolean;
  /** True when the T² paper's Table 1 comparison applies (readout.paper-setting). */
  readonly paperSetting: boolean;
  /** How a lab run compares with it; `predicts` false: runs are drawn but no prediction is written beside them. */
  readonly measured: MeasuredComparison & { predicts: boolean };
  /** Its law over a resolved set of its family. @throws DomainError when the set is of another family. */
  law(resolved: ResolvedConstantSet): LawCore;
  /**
   * Chart notes: the frontier map's, the pass@k chart's subtitle, the isoFLOP slice's (two-budget models), the
   * tokens-per-parameter chart's, and the name of its optimum lines.
   */
  readonly notes: {
    readonly frontier: string;
    readonly passk: string;
    readonly isoflop: string;
    readonly tokensPerParam: string;
    readonly optimumSeries: string;
  };
}

function chinchillaPart(c: ChinchillaConstants): ChinchillaConstants {
  return { E: c.E, A: c.A, B: c.B, alpha: c.alpha, beta: c.beta };
}

function wrongFamily(model: QualityModel, resolved: ResolvedConstantSet): never {
  throw new DomainError(`quality model ${model} cannot use the ${resolved.family} set "${resolved.set.id}"`);
}

function fromBudgets(params: number, trainFlops: number, inferenceFlops: number, quality: number): LawDesign {
  return { params, tokens: trainFlops / (6 * params), samples: inferenceFlops / (2 * params), quality };
}

/** T² Approach 1 task NLL (t2Loss), optimum t2Optimum(1, …) (laws.md §2). */
function t2Approach1Law(resolved: ResolvedConstantSet): LawCore {
  if (resolved.family !== 't2-1') return wrongFamily('t2-1', resolved);
  const c = resolved.set.constants;
  return {
    chinchilla: chinchillaPart(c),
    quality: (n, d, k) => t2Loss(c, n, d, k),
    optimumAt: (ct, ci) => {
      const o = t2Optimum(1, c, ct, ci);
      return fromBudgets(o.params, ct, ci, o.value);
    },
  };
}

/** T² Approach 2 pass@k accuracy (t2Accuracy), optimum t2Optimum(2, …) (laws.md §2–3). */
function t2Approach2Law(resolved: ResolvedConstantSet): LawCore {
  if (resolved.family !== 't2-2') return wrongFamily('t2-2', resolved);
  const c = resolved.set.constants;
  return {
    chinchilla: chinchillaPart(c),
    quality: (n, d, k) => t2Accuracy(c, n, d, k),
    optimumAt: (ct, ci) => {
      const o = t2Optimum(2, c, ct, ci);
      return fromBudgets(o.params, ct, ci, o.value);
    },
  };
}

/**
 * Chinchilla loss (k does not change it, laws.md §1); with two budgets the inference budget only caps N at C_inf/2
 * (one sample per question), so the optimum is Chinchilla's clipped to that cap (exact: the loss along C_train = 6ND
 * is convex in log N).
 */
function chinchillaLaw(model: QualityModel) {
  return (resolved: ResolvedConstantSet): LawCore => {
    if (resolved.family !== 'chinchilla') return wrongFamily(model, resolved);
    const c = resolved.set.constants;
    return {
      chinchilla: chinchillaPart(c),
      quality: (n, d) => chinchillaLoss(c, n, d),
      optimumAt: (ct, ci) => {
        const cap = ci / 2;
        if (!(cap >= 1)) throw new DomainError(`inference budget ${ci} FLOPs per token cannot run even one sample`);
        const params = Math.min(chinchillaOptimum(c, ct).params, cap);
        const tokens = ct / (6 * params);
        return { params, tokens, samples: ci / (2 * params), quality: chinchillaLoss(c, params, tokens) };
      },
    };
  };
}

const T2_ISOFLOP =
  'Every point spends both budgets: a smaller N buys more training tokens and more samples per question.';
const T2_TOKENS_PER_PARAM =
  'T² optimum with both budgets binding (D = C_train/6N, k = C_inf/2N); smaller inference budgets favour smaller, longer-trained models.';
const NO_K_PASSK =
  'Chinchilla loss has no k term: sampling more does not change it, so this model says nothing about pass@k.';

const MODELS: readonly QualityModelSpec[] = [
  {
    id: 't2-1',
    name: 'T² Approach 1 (task NLL with k)',
    shortName: 'T² Approach 1',
    quality: { label: 'task NLL', unit: 'nats', higherIsBetter: false },
    targetUnit: 'nats of task NLL',
    constantFamily: 't2-1',
    usesSamples: true,
    // Approach 1 models the mean of −log pass@k, so exp(−L) is the pass@k it implies (a geometric mean over questions).
    passAtK: (loss) => Math.exp(-loss),
    accounting: 'two-budget',
    strategyApplies: false,
    paperSetting: true,
    measured: { field: 'nll', quantity: 'answer NLL', samples: 'one', predicts: true },
    law: t2Approach1Law,
    notes: {
      frontier:
        'Lowest task NLL (T² Approach 1) reachable when both budgets bind: D = C_train/6N and k = C_inf/2N with k ≥ 1. Each contour edge is a Pareto frontier: moving along it trades training for inference compute at equal quality.',
      passk:
        'T² Approach 1: implied pass@k = exp(−L(N, D, k)), the geometric mean over questions (a lower bound on the mean)',
      isoflop: T2_ISOFLOP,
      tokensPerParam: T2_TOKENS_PER_PARAM,
      optimumSeries: 'T² optimum',
    },
  },
  {
    id: 't2-2',
    name: 'T² Approach 2 (pass@k accuracy)',
    shortName: 'T² Approach 2',
    quality: { label: 'pass@k accuracy', unit: '', higherIsBetter: true },
    targetUnit: 'pass@k accuracy (e.g. 62% or 0.62)',
    constantFamily: 't2-2',
    usesSamples: true,
    passAtK: (accuracy) => accuracy,
    accounting: 'two-budget',
    strategyApplies: true,
    paperSetting: true,
    measured: { field: 'passAtK', quantity: 'pass@k', samples: 'run', predicts: true },
    law: t2Approach2Law,
    notes: {
      frontier:
        'Highest pass@k accuracy (T² Approach 2) reachable when both budgets bind: D = C_train/6N and k = C_inf/2N with k ≥ 1. Each contour edge is a Pareto frontier.',
      passk: 'T² Approach 2: expected pass@k accuracy under the fitted Beta model',
      isoflop: T2_ISOFLOP,
      tokensPerParam: T2_TOKENS_PER_PARAM,
      optimumSeries: 'T² optimum',
    },
  },
  {
    id: 'chinchilla',
    name: 'Chinchilla loss only',
    shortName: 'Chinchilla loss',
    quality: { label: 'loss', unit: 'nats', higherIsBetter: false },
    targetUnit: 'nats of loss',
    constantFamily: 'chinchilla',
    usesSamples: false,
    passAtK: null,
    accounting: 'two-budget',
    strategyApplies: false,
    paperSetting: false,
    measured: { field: 'nll', quantity: 'answer NLL', samples: 'one', predicts: false },
    law: chinchillaLaw('chinchilla'),
    notes: {
      frontier:
        'Chinchilla loss has no k term: extra samples do not change loss, so the inference budget only caps the model at N ≤ C_inf/2 (one sample). Where that cap does not bind, the contours are vertical and training compute alone sets the loss.',
      passk: NO_K_PASSK,
      isoflop:
        "Chinchilla loss ignores k: the slice is Chinchilla's isoFLOP curve, cut at N = C_inf/2 where one sample no longer fits the inference budget.",
      tokensPerParam:
        "With Chinchilla loss the inference budget only caps N at C_inf/2, so the capped optimum leaves Chinchilla's line only where that cap binds.",
      optimumSeries: 'Capped optimum',
    },
  },
  {
    id: 'lifetime',
    name: 'Lifetime view (Sardana et al.)',
    shortName: 'lifetime view',
    quality: { label: 'loss', unit: 'nats', higherIsBetter: false },
    targetUnit: 'nats of loss',
    constantFamily: 'chinchilla',
    usesSamples: false,
    passAtK: null,
    accounting: 'lifetime',
    strategyApplies: false,
    paperSetting: false,
    measured: { field: 'nll', quantity: 'answer NLL', samples: 'one', predicts: false },
    law: chinchillaLaw('lifetime'),
    notes: {
      frontier:
        "Lifetime view: loss from the Chinchilla law (no k term), so the inference budget only caps N at C_inf/2. The triangle is Sardana et al.'s lifetime optimum at the design's loss: the design that minimises 6ND + 2NkT for the tokens served T.",
      passk: NO_K_PASSK,
      // The lifetime view's isoFLOP slice is built on the lifetime budget (src/engine/data/isoflop.ts); it has no two-budget note.
      isoflop: T2_ISOFLOP,
      tokensPerParam:
        "Each lifetime line takes the loss of Chinchilla's optimum at that training budget and finds the design that reaches it with the least 6ND + 2NkT (Sardana et al. 2024); more tokens served push D/N up.",
      optimumSeries: 'Lifetime optimum',
    },
  },
];

/** Every quality model, in the order the select lists them. */
export const QUALITY_MODEL_REGISTRY = defineRegistry<QualityModel, QualityModelSpec>('quality model', MODELS);

/**
 * The models that play a fixed part elsewhere, named here so that no other file names a model (issue 17): the model
 * of a new scenario (the URL's default, laws.md §2), the model the model lab predicts and refits its runs with (its
 * per-question Beta takes a measured pass@k at any k), and the models of the T² lifetime readout (Approach 1) and of
 * its strategy line (Approach 2, the model a test-time strategy acts on).
 */
export const MODEL_ROLES = Object.freeze({
  default: 't2-1',
  lab: 't2-2',
  lifetimeReadout: 't2-1',
  strategyReadout: 't2-2',
} as const satisfies Record<string, QualityModel>);

/** The spec of `model`. @throws DomainError when unknown. */
export function qualityModel(model: QualityModel): QualityModelSpec {
  return QUALITY_MODEL_REGISTRY.get(model);
}

/** A table of one property of every model (for consumers that want a Record). */
export function qualityModelTable<V>(value: (m: QualityModelSpec) => V): Readonly<Record<QualityModel, V>> {
  return tableOf(QUALITY_MODEL_REGISTRY, value);
}

/** True when `model` counts one lifetime budget 6ND + 2NkT (Sardana et al.) instead of two budgets. */
export function isLifetimeAccounting(model: QualityModel): boolean {
  return qualityModel(model).accounting === 'lifetime';
}

/** True when a target typed under `from` means the same quantity under `to` (same measure, same constant family). */
export function sameQuality(from: QualityModel, to: QualityModel): boolean {
  const a = qualityModel(from),
    b = qualityModel(to);
  return (
    a.constantFamily === b.constantFamily && a.quality.label === b.quality.label && a.quality.unit === b.quality.unit
  );
}
