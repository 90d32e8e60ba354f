/**
 * The data of every chart and readout of the explorer, as the engine returns it for one scenario. Plain objects and
 * Float64Arrays only (structured-cloneable; the arrays' buffers are transferred from the worker, see transferablesOf).
 * Units: parameters, tokens and samples are counts, compute is in FLOPs (inference compute in FLOPs per token served),
 * quality is in the unit of the selected model (`QualityInfo`).
 */
import type { DesignCost } from '../domain/cost/lifetime-cost';
import type { ConstantSetMeta } from '../domain/constants-types';
import type { RangeExcess } from '../domain/fitted-range';
import type { QualityModel } from '../domain/scenario';
import type { UserOverlayData } from './fit-overlay';
import type { MeasuredOverlayData } from './lab-overlay';
import type { CompareData } from './compare-point';

/** The constant set every number was computed with; the UI names it beside each number. */
export type SetInfo = ConstantSetMeta;

/** What "quality" means under the selected model. */
export interface QualityInfo {
  /** Short name, e.g. "task NLL", "pass@k accuracy", "loss". */
  label: string;
  /** Unit written after a value: "nats" or "" for accuracies. */
  unit: string;
  /** True for accuracies (T² Approach 2), false for losses. */
  higherIsBetter: boolean;
}

/**
 * Whether a design lies outside the data its constant set was fitted on (src/engine/data/extrapolation.ts): each
 * recorded dimension it leaves (N, D, D/N, k, C), on which side and by what factor; empty inside the data.
 */
export interface ExtrapolationMark {
  excess: RangeExcess[];
  /** "extrapolated: N 12× above the fitted range (…)"; null inside the fitted data. */
  text: string | null;
}

/** One design (N, D, k) with its compute and quality. */
export interface DesignPoint {
  params: number;
  tokens: number;
  samples: number;
  /** 6·N·D (FLOPs). */
  trainFlops: number;
  /** 2·N·k (FLOPs per token served). */
  inferenceFlops: number;
  tokensPerParam: number;
  quality: number;
}

/** Chart 1: best quality reachable at each (C_train, C_inf); its contour lines are Pareto frontiers. */
export interface FrontierData {
  /** Identifies the grid: equal keys mean equal budgets, quality and thresholds (charts cache contours by it). */
  gridKey: string;
  /** Grid of training budgets (FLOPs), log-spaced, length nx. */
  trainFlops: Float64Array;
  /** Grid of inference budgets (FLOPs per token), log-spaced, length ny. */
  inferenceFlops: Float64Array;
  /** Best reachable quality, nx·ny values, index i + j·nx (x fastest, as d3-contour reads it). */
  quality: Float64Array;
  /** Contour levels in quality units, from the worst to the best quality. */
  thresholds: Float64Array;
  design: DesignPoint;
  /** The optimum at the scenario's budgets (T² two-budget optimum; capped Chinchilla optimum for loss-only models). */
  optimum: DesignPoint | null;
  /** Chinchilla's compute-optimal N, D at the training budget, with k from the inference budget. */
  chinchilla: DesignPoint | null;
  /** Sardana et al.'s lifetime optimum at the design's quality (lifetime model only). */
  lifetime: DesignPoint | null;
  /**
   * The optimum that reaches the design's quality with both of the design's budgets cut by the same factor (the
   * readouts' savings.both); null when the design is already on the frontier or in the lifetime view.
   */
  equalQuality: DesignPoint | null;
  budget: { trainFlops: number; inferenceFlops: number };
  /** What the map shows under this model, in a sentence or two. */
  note: string;
  /** The scenario's target quality and its Pareto frontier; null when no target is set. */
  target?: TargetData | null;
  /**
   * The fitted region: for each grid cell (index as `quality`), how far the optimum at those budgets lies from the
   * set's fitted data (max |ln(value/bound)| over the dimensions it leaves; ≤ 0 inside). Null without a range.
   */
  fittedDistance?: Float64Array | null;
  /** Extrapolation mark of each drawn mark (design, optimum, chinchilla, lifetime, equalQuality). */
  extrapolation?: Partial<Record<'design' | 'optimum' | 'chinchilla' | 'lifetime' | 'equalQuality', ExtrapolationMark>>;
}

/**
 * The scenario's target quality (Scenario.targetQuality) on the frontier map: the iso-quality line of the best
 * reachable quality at the target (the Pareto frontier of budgets that just reach it) and the cheapest budgets.
 */
export interface TargetData {
  /** The target, in the model's quality unit (nats, or an accuracy in (0, 1)). */
  value: number;
  /** Frontier points on the chart's range, training compute ascending (FLOPs); empty when unreachable. */
  trainFlops: Float64Array;
  /** Inference compute per token of each frontier point (FLOPs per token), descending. */
  inferenceFlops: Float64Array;
  /** Best reachable quality at each frontier point (equals the target within the search tolerance). */
  quality: Float64Array;
  /** Least training compute reaching the target at the scenario's inference budget; null when out of the range. */
  cheapestTrain: number | null;
  /** Least inference compute reaching the target at the scenario's training budget; null when out of the range. */
  cheapestInference: number | null;
  /** True when a cheapest budget is the chart's lower edge (the target is reached there already). */
  trainAtEdge: boolean;
  inferenceAtEdge: boolean;
  /** True when the lifetime optimum (lifetime model) was placed at the target loss instead of the design's. */
  lifetimeAtTarget: boolean;
  /** Why the target cannot be used (invalid for the model, at or below the irreducible loss); null when usable. */
  message: string | null;
}

/** A line series. */
export interface Series {
  id: string;
  label: string;
  /** Which law produced it (drives the line style). */
  kind: 't2' | 'chinchilla' | 'lifetime' | 'reference';
  x: Float64Array;
  y: Float64Array;
}

/** Chart 2: optimal tokens per parameter against training budget. */
export interface TokensPerParamData {
  /** Equal keys mean equal data (charts skip re-rendering by it). */
  key: string;
  series: Series[];
  /** The Chinchilla rule of thumb, 20 tokens per parameter. */
  reference: number;
  /** Marker of the current scenario: training budget and the optimum's D/N, and whether that optimum extrapolates. */
  current: { trainFlops: number; tokensPerParam: number; extrapolation?: ExtrapolationMark } | null;
  /**
   * The fitted region in this chart's plane: polygon vertices (training FLOPs, D/N) of the designs whose N and D (and
   * D/N, C when recorded) lie in the set's fitted data; empty arrays when it misses the window, null without a range.
   */
  fittedRegion?: { trainFlops: number[]; tokensPerParam: number[] } | null;
  note: string;
}

/** Chart 3: quality against N along the budget lines (D and k implied). */
export interface IsoflopData {
  params: Float64Array;
  tokens: Float64Array;
  samples: Float64Array;
  quality: Float64Array;
  optimum: DesignPoint;
  design: DesignPoint;
  /** What is held fixed, in words (e.g. "C_train = 1e21 FLOPs, C_inf = 2e9 FLOPs/token"). */
  constraint: string;
  note: string;
  /** Whether the design and the optimum on the slice lie outside the set's fitted data. */
  extrapolation?: { design: ExtrapolationMark; optimum: ExtrapolationMark };
}

/** Chart 4: pass@k against k at the design's N and D. */
export interface PasskData {
  /** False when the model has no k term (Chinchilla, lifetime): the chart explains instead of plotting. */
  available: boolean;
  samples: Float64Array;
  passAtK: Float64Array;
  design: { samples: number; passAtK: number } | null;
  /** What the curve is: the Approach 2 accuracy, or exp(−L) implied by Approach 1. */
  subtitle: string;
  /** What the main curve measures: "pass@k", or the test-time strategy's accuracy ("majority-vote accuracy"). */
  quantity?: string;
  /**
   * Further curves: the oracle's pass@k when another strategy is chosen ('oracle'), and published coverage fits drawn
   * for reference ('reference': Brown et al. 2024's exp(a·k^b), another model and task than the scenario's).
   */
  extra?: { id: string; label: string; kind: 'oracle' | 'reference'; samples: Float64Array; values: Float64Array }[];
  /** The chosen strategy's limit as k → ∞ (Wu et al. Theorem 1; the verifier's precision); null for the oracle. */
  limit?: { value: number; label: string } | null;
}

/** One technique of Epoch AI's trade-off report (Villalobos & Atkinson 2023; laws.md §5). */
export interface EpochTechnique {
  id: string;
  name: string;
  /** True when the curve's parameters were calibrated to reproduce the report's span table (illustrative). */
  calibrated: boolean;
  /** Iso-performance curve: log10 of training compute relative to the technique's reference point. */
  trainLog10: Float64Array;
  /** Same curve: log10 of inference compute relative to the reference point. */
  inferenceLog10: Float64Array;
  /** The span where the marginal exchange beats 6:1, in orders of magnitude. */
  span: { train: number; inference: number };
  /** The curve points where the 6:1 span starts and ends (log10 training, log10 inference). */
  spanFrom: [number, number];
  spanTo: [number, number];
  /** The report's printed span (null where it prints none). */
  reportSpan: { train: number | null; inference: number | null };
  /** The report's "effect of scale" column. */
  scaleEffect: string;
}

/** Chart 5: Epoch's techniques, their spans and the combined span of each pair. */
export interface EpochData {
  /** Equal keys mean equal data (the curves depend only on the Chinchilla constants). */
  key: string;
  techniques: EpochTechnique[];
  /**
   * Combined (sub-additive) trade-off of each unordered pair of techniques: its span in OOM and its curve (the Pareto
   * front of the two techniques applied together, log10 relative to the reference).
   */
  combined: {
    ids: [string, string];
    train: number;
    inference: number;
    trainLog10: Float64Array;
    inferenceLog10: Float64Array;
  }[];
  /** The report's span table as printed, row by row (chain of thought included). */
  reportTable: { technique: string; train: string; inference: string; scaleEffect: string }[];
  note: string;
  /** Why the spans do not follow the chosen test-time strategy (a sentence); null under the oracle (pass@k). */
  strategyNote: string | null;
}

/** Lifetime split of compute between training and inference (laws.md §0). */
export interface LifetimeSplit {
  trainFlops: number;
  /** 2·N·k·T (FLOPs) over the tokens served. */
  inferenceFlops: number;
  trainShare: number;
  inferenceShare: number;
}

/**
 * How much less compute the optimum needs for the design's quality (factors; > 1 means less, < 1 more).
 * - 'two-budget' (T² and Chinchilla models): `both` cuts both budgets by the same factor; `training` cuts training
 *   with inference held at the design's; `inference` cuts inference with training held.
 * - 'lifetime' (Sardana et al.): the lifetime optimum at the same loss; `both` is the ratio of lifetime compute,
 *   `training` and `inference` the ratios of each part (the lifetime optimum usually trains more and serves cheaper).
 */
export interface Savings {
  mode: 'two-budget' | 'lifetime';
  both: number;
  training: number;
  inference: number;
}

/** The readouts beside the charts. */
export interface ReadoutData {
  quality: number;
  /** Quality of the optimum at the scenario's budgets (null when none is reachable). */
  optimumQuality: number | null;
  /** How much less compute the optimum needs for the design's quality; null when the design is on the frontier. */
  savings: Savings | null;
  tokensPerParam: { design: number; optimum: number | null; chinchilla: number | null };
  tokensServed: number;
  lifetime: { design: LifetimeSplit; optimum: LifetimeSplit | null };
  /** One sentence per quantity outside the set's fitted range; empty when none. */
  rangeWarnings: string[];
  /** Extrapolation marks of the design and of the optimum at the scenario's budgets. */
  extrapolation?: { design: ExtrapolationMark; optimum: ExtrapolationMark | null };
  /**
   * Lifetime view only: the T² Approach 1 lifetime optimum for the design's lifetime compute and tokens served, as one
   * sentence (engine/data/readouts.ts t2LifetimeLine); null in the other views or without tokens served.
   */
  t2Lifetime: string | null;
}

/** One design of the paper-setting comparison: the design, its pass@k and whether it lies outside the fitted data. */
export interface PaperSettingDesign {
  point: DesignPoint;
  /** Approach 2: the Beta-model accuracy; Approach 1: exp(−L), the geometric-mean pass@k the task NLL implies. */
  passAtK: number;
  extrapolation: ExtrapolationMark;
}

/**
 * The T² paper's Table 1 comparison at its setting (C_train 2.56e19 FLOPs, C_inf 2e9 FLOPs per token) under the
 * current set (src/engine/data/paper-setting.ts): the best over-trained design (the T² optimum) against the
 * Chinchilla-optimal one.
 */
export interface PaperSettingData {
  trainFlops: number;
  inferenceFlops: number;
  overtrained: PaperSettingDesign;
  chinchilla: PaperSettingDesign;
  /** False when the Chinchilla model cannot run one sample within C_inf (then it is shown at k = 1). */
  chinchillaAffordable: boolean;
  /** True when the set agrees with Table 1's direction: the optimum is smaller, trains on more D/N, samples more, wins. */
  agreesWithPaper: boolean;
}

/** The money view (src/engine/data/cost.ts): budgets and designs in dollars and GPU-hours. */
export interface CostData {
  /** Units the budget axes are drawn in. */
  units: 'flops' | 'usd';
  train: { gpu: string; dollarsPerGpuHour: number; priceSource: string; mfu: number };
  serve: { gpu: string; dollarsPerGpuHour: number; priceSource: string; decodeModel: 'roofline' | 'mfu' };
  /** Dollars per training FLOP at the training MFU. */
  dollarsPerTrainFlop: number;
  /** Dollars per inference FLOP at the compute roof (prefill MFU): a lower bound where decode is memory-bound. */
  dollarsPerInferenceFlop: number;
  budgets: { trainDollars: number; trainGpuHours: number; inferenceDollarsPerMillionTokens: number };
  /** Lifetime cost of the design (training + serving T answer tokens, k samples each); null when not computable. */
  design: DesignCost | null;
  /** Lifetime cost of the optimum the readouts show; null when none. */
  optimum: DesignCost | null;
  /** The least-cost design at the design's Chinchilla loss and its FLOP-optimal counterpart (Sardana et al., with k). */
  costOptimal: {
    loss: number;
    params: number;
    tokens: number;
    totalCost: number;
    trainingShare: number;
    flopOptimal: { params: number; tokens: number; totalCost: number };
  } | null;
}

/** Everything the explorer draws for one scenario. */
export interface ExplorerData {
  model: QualityModel;
  set: SetInfo;
  quality: QualityInfo;
  frontier: FrontierData;
  tokensPerParam: TokensPerParamData;
  isoflop: IsoflopData;
  passk: PasskData;
  epoch: EpochData;
  readouts: ReadoutData;
  /** The paper-setting comparison (T² models; null for the Chinchilla and lifetime views). */
  paperSetting?: PaperSettingData | null;
  /** The user's runs and bootstrap band (src/engine/fit-overlay.ts); null without a user set this model can show. */
  user?: UserOverlayData | null;
  /** The model lab's measured runs (src/engine/lab-overlay.ts); null without any. */
  measured?: MeasuredOverlayData | null;
  /** The money view; absent in fixtures made before it existed. */
  cost?: CostData;
  /** The A/B comparison (./compare-point.ts): the pinned scenario A and this one, B; null or absent without a pin. */
  compare?: CompareData | null;
  /** Why the pinned scenario A could not be summarised (its own DomainError); null or absent otherwise. */
  compareError?: string | null;
}
