/**
 * The test-time strategies the explorer offers (issue 15), declared once: id, label, what each assumes, its extra
 * parameters (bounds, default, URL order) and its sources. Each turns the per-question accuracy Beta of T² Approach 2
 * (laws.md §2) into accuracy at k:
 * - 'oracle': a perfect verifier, pass@k (today's T²: a question counts as solved if any of k samples is right);
 * - 'vote': majority voting (./majority.ts; Wu et al. 2024 Theorem 1 limit; our wrong-answer agreement model);
 * - 'verifier': best-of-k with an imperfect verifier (./verifier.ts; our accept/reject verifier model).
 * The extra parameters are ASSUMPTIONS of ours, not values from any paper: the UI says so beside each control.
 * URL form (key `ts`, src/store/url/schema.ts): the url id, then each parameter in declared order, joined by '_'
 * ("vote_0.3", "bok_0.9_0.1"); the oracle is the default and is left out of links, so old links are unchanged.
 */
import { DomainError } from '../errors';

/** Strategy ids. */
export type StrategyId = 'oracle' | 'vote' | 'verifier';

/** A strategy and its parameter values (keys of its StrategyParam list). */
export interface StrategyChoice {
  id: StrategyId;
  params: Readonly<Record<string, number>>;
}

/** One extra parameter: an assumption the user sets. */
export interface StrategyParam {
  key: string;
  label: string;
  /** What it means, in one sentence (the control's help text). */
  help: string;
  min: number;
  max: number;
  default: number;
  step: number;
  /** True when the lower bound itself is excluded (the domain needs a value strictly above min). */
  minExclusive?: boolean;
  /** True when the upper bound is excluded. */
  maxExclusive?: boolean;
}

/** One strategy of the registry. */
export interface StrategySpec {
  id: StrategyId;
  /** Id in links (key `ts`). */
  urlId: string;
  label: string;
  /** Short name for chart subtitles and readouts ("majority-vote accuracy"). */
  quantity: string;
  /** What the strategy assumes, in plain sentences (shown beside the control and in the README). */
  assumptions: readonly string[];
  /** Papers it rests on. */
  sources: readonly string[];
  params: readonly StrategyParam[];
}

/** The strategies, in the order the select lists them. */
export const STRATEGIES: readonly StrategySpec[] = Object.freeze([
  {
    id: 'oracle',
    urlId: 'oracle',
    label: 'Oracle verifier (pass@k)',
    quantity: 'pass@k accuracy',
    assumptions: ['A perfect verifier: a question counts as solved when any of its k samples is right (coverage).'],
    sources: ['Roberts et al. 2026 (T² Approach 2); Brown et al. 2024, arXiv:2407.21787 (coverage)'],
    params: [],
  },
  {
    id: 'vote',
    urlId: 'vote',
    label: 'Majority voting',
    quantity: 'majority-vote accuracy',
    assumptions: [
      'The most frequent final answer among the k samples is returned; ties are broken at random.',
      'Ours: a share s of the wrong samples agree on one distractor answer; every other wrong sample is an answer of its own.',
      "Ours: exact for whole k ≤ 128, interpolated between whole k, and above 128 a 1/k approach to the limit of Wu et al.'s Theorem 1.",
    ],
    sources: [
      'Wu et al. 2024, arXiv:2408.00724, Theorem 1 (majority voting converges to the share of questions whose correct answer is the most likely)',
      'Brown et al. 2024, arXiv:2407.21787 (voting plateaus while coverage rises)',
    ],
    params: [
      {
        key: 'agreement',
        label: 'Wrong answers agreeing on one distractor (s)',
        help: 'Assumption: the share of wrong samples that give the same wrong answer (1 = two candidate answers; small = scattered wrong answers).',
        min: 0.01,
        max: 1,
        default: 0.3,
        step: 0.01,
      },
    ],
  },
  {
    id: 'verifier',
    urlId: 'bok',
    label: 'Best-of-k, imperfect verifier',
    quantity: 'best-of-k accuracy',
    assumptions: [
      'A verifier accepts or rejects each sample; one accepted sample is picked at random (a random sample when none is accepted).',
      'Ours: the verifier accepts a correct sample with chance r (recall) and a wrong one with chance f (false positives), the same for every question.',
    ],
    sources: [
      'Brown et al. 2024, arXiv:2407.21787 (reward-model selection plateaus)',
      'Wu et al. 2024, arXiv:2408.00724, Theorem 2 (reward-weighted voting converges to a limit set by the reward model)',
    ],
    params: [
      {
        key: 'recall',
        label: 'Verifier recall (r)',
        help: 'Assumption: the chance the verifier accepts a correct sample.',
        min: 0.05,
        max: 1,
        default: 0.9,
        step: 0.01,
      },
      {
        key: 'falsePositive',
        label: 'Verifier false-positive rate (f)',
        help: 'Assumption: the chance the verifier accepts a wrong sample (0 = never fooled; with r = 1 this is pass@k).',
        min: 0,
        max: 0.95,
        default: 0.1,
        step: 0.01,
      },
    ],
  },
] satisfies StrategySpec[]);

/** The default: the oracle verifier (pass@k), the T² paper's own assumption. */
export const DEFAULT_STRATEGY: StrategyChoice = Object.freeze({ id: 'oracle', params: Object.freeze({}) });

/** The spec of `id`. @throws DomainError for an unknown id. */
export function strategySpec(id: string): StrategySpec {
  const s = STRATEGIES.find((x) => x.id === id);
  if (!s)
    throw new DomainError(`unknown test-time strategy "${id}" (known: ${STRATEGIES.map((x) => x.id).join(', ')})`);
  return s;
}

/** The choice of `id` with every parameter at its default. */
export function defaultChoice(id: StrategyId): StrategyChoice {
  const spec = strategySpec(id);
  return { id, params: Object.fromEntries(spec.params.map((p) => [p.key, p.default])) };
}

/**
 * Throws a DomainError naming the first problem of `choice`: an unknown id, a missing, unknown or non-finite
 * parameter, or one outside its bounds.
 */
export function assertStrategyChoice(choice: StrategyChoice): void {
  const spec = strategySpec(choice.id);
  for (const key of Object.keys(choice.params)) {
    if (!spec.params.some((p) => p.key === key)) throw new DomainError(`${spec.label}: unknown parameter "${key}"`);
  }
  for (const p of spec.params) {
    const v = choice.params[p.key];
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new DomainError(`${spec.label}: ${p.label} must be a finite number (got ${String(v)})`);
    if (v < p.min || v > p.max)
      throw new DomainError(`${spec.label}: ${p.label} must lie in [${p.min}, ${p.max}] (got ${v})`);
  }
}

/** True when `choice` is the oracle (pass@k), or absent. */
export function isOracle(choice: StrategyChoice | undefined): boolean {
  return choice === undefined || choice.id === 'oracle';
}

/** Shortest text that reads back to the same double. */
function num(x: number): string {
  const plain = String(x);
  const sci = x.toExponential().replace('e+', 'e');
  return sci.length < plain.length ? sci : plain;
}

/** The URL value of a choice ("vote_0.3"). */
export function encodeStrategy(choice: StrategyChoice): string {
  const spec = strategySpec(choice.id);
  return [spec.urlId, ...spec.params.map((p) => num(choice.params[p.key] ?? p.default))].join('_');
}

/** What decoding a URL value gives. */
export type StrategyDecode = { ok: true; value: StrategyChoice; warning?: string } | { ok: false; reason: string };

/**
 * Reads a URL value: the url id alone (every parameter at its default) or followed by every parameter. A parameter
 * outside its bounds is clamped and named in `warning`; an unknown id, a wrong count or a non-number is refused.
 */
export function decodeStrategy(raw: string): StrategyDecode {
  const [id, ...rest] = raw.split('_');
  const spec = STRATEGIES.find((s) => s.urlId === id);
  // Reasons never repeat the raw text (a link may carry any length of it): the caller echoes it once, cut short.
  if (!spec) return { ok: false, reason: `unknown strategy (known: ${STRATEGIES.map((s) => s.urlId).join(', ')})` };
  if (rest.length === 0) return { ok: true, value: defaultChoice(spec.id) };
  if (rest.length !== spec.params.length) {
    return { ok: false, reason: `${spec.label} takes ${spec.params.length} parameter(s), got ${rest.length}` };
  }
  const params: Record<string, number> = {};
  const clamped: string[] = [];
  for (let i = 0; i < spec.params.length; i++) {
    const p = spec.params[i]!;
    const text = rest[i]!;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) || !Number.isFinite(Number(text)))
      return { ok: false, reason: `${p.label} is not a number` };
    const x = Number(text);
    const v = Math.min(p.max, Math.max(p.min, x));
    if (v !== x) clamped.push(`${p.label} set to ${num(v)}`);
    params[p.key] = v;
  }
  const value: StrategyChoice = { id: spec.id, params };
  return clamped.length
    ? { ok: true, value, warning: `outside its range: ${clamped.join('; ')}` }
    : { ok: true, value };
}
