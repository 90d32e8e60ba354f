/**
 * The hold-out check (T², Roberts et al. 2026, laws.md §2: fit on the Chinchilla-suite checkpoints, predict the
 * overtrained ones and report the relative error): split runs by a rule, then score predictions on the rest.
 */
import type { HoldoutReport, HoldoutRule, Run } from '../runs';

/** The default rule: fit on every run. A hold-out check is the user's explicit choice (FitControls). */
export const DEFAULT_HOLDOUT: HoldoutRule = { kind: 'none' };

/**
 * The hold-out check offered when the user asks for one: fit on runs at or under 20 tokens per parameter
 * (Chinchilla-like), hold out the overtrained and report the law's error on them (T² §5 style; laws.md §2).
 */
export const HOLDOUT_CHECK = { kind: 'tokens-per-param', max: 20 } as const satisfies HoldoutRule;

/** True when `run` is fitted (not held out) under `rule`. */
export function isFitted(run: Pick<Run, 'params' | 'tokens'>, rule: HoldoutRule): boolean {
  return rule.kind === 'none' || run.tokens / run.params <= rule.max;
}

/** The runs to fit and the runs held out, each in input order. */
export function splitHoldout<R extends Pick<Run, 'params' | 'tokens'>>(
  runs: readonly R[],
  rule: HoldoutRule,
): { fit: R[]; heldOut: R[] } {
  const fit: R[] = [];
  const heldOut: R[] = [];
  for (const r of runs) (isFitted(r, rule) ? fit : heldOut).push(r);
  return { fit, heldOut };
}

/**
 * Relative errors of predictions on held-out rows; rows whose observation is 0 (e.g. pass@k = 0) have no relative
 * error and are skipped. Returns null when no held-out row can be scored.
 */
export function holdoutReport(
  rule: HoldoutRule,
  fitted: number,
  observed: readonly number[],
  predicted: readonly number[],
): HoldoutReport | null {
  let n = 0,
    abs = 0,
    signed = 0,
    max = 0;
  observed.forEach((o, i) => {
    const p = predicted[i]!;
    if (o === 0 || !Number.isFinite(o) || !Number.isFinite(p)) return;
    const e = (p - o) / Math.abs(o);
    n++;
    abs += Math.abs(e);
    signed += e;
    max = Math.max(max, Math.abs(e));
  });
  if (n === 0) return null;
  return { rule, fitted, heldOut: n, meanRelativeError: abs / n, meanSignedError: signed / n, maxRelativeError: max };
}

/** "runs at or under 20 tokens per parameter" / "all runs". */
export function describeRule(rule: HoldoutRule): string {
  return rule.kind === 'none' ? 'all runs' : `runs at or under ${rule.max} tokens per parameter`;
}
