/**
 * Pure logic of the "Target quality" field: its unit text under each quality model, and reading a typed target.
 * Loss models (T² Approach 1, Chinchilla, lifetime) take a loss in nats (a positive number, no suffix needed);
 * T² Approach 2 takes a pass@k accuracy, typed as a fraction ("0.62") or a percentage ("62%"). 0 means "not set".
 */
import type { QualityModel } from '../domain/scenario';
import { parseQuantity } from '../domain/quantity';
import { qualityModel } from '../domain/quality-models';
import type { LogRange } from './log-slider-logic';

/** True when the model's quality is an accuracy (higher is better) rather than a loss in nats. */
export function isAccuracyModel(model: QualityModel): boolean {
  return qualityModel(model).quality.higherIsBetter;
}

/** The unit written beside the field. */
export function targetUnit(model: QualityModel): string {
  return qualityModel(model).targetUnit;
}

/** The field's text for a stored target: '' when unset, a percentage for accuracies, nats otherwise. */
export function formatTarget(value: number, model: QualityModel): string {
  if (!Number.isFinite(value) || value <= 0) return '';
  if (isAccuracyModel(model)) return `${Number((value * 100).toPrecision(4))}%`;
  return String(Number(value.toPrecision(4)));
}

/** The result of reading a typed target: the value to store (0 = unset) or why it cannot be used. */
export type TargetRead = { ok: true; value: number } | { ok: false; message: string };

/** The name used in messages. */
export const TARGET_LABEL = 'Target quality';

/**
 * Reads a typed target under `model`. Empty text unsets (0). Accuracies: "62%" or "0.62", strictly between 0 and 1
 * (100 % is never reached by a law). Losses: a positive number of nats within `range`.
 */
export function parseTarget(text: string, model: QualityModel, range: LogRange): TargetRead {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: 0 };
  const percent = trimmed.endsWith('%');
  let value: number;
  try {
    value = parseQuantity(percent ? trimmed.slice(0, -1) : trimmed, TARGET_LABEL);
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  if (isAccuracyModel(model)) {
    const acc = percent ? value / 100 : value;
    if (!(acc > 0 && acc < 1)) {
      return {
        ok: false,
        message: `${TARGET_LABEL}: a pass@k accuracy lies between 0 and 1 — write e.g. 62% or 0.62 (got ${JSON.stringify(text)})`,
      };
    }
    return { ok: true, value: acc };
  }
  if (percent)
    return { ok: false, message: `${TARGET_LABEL}: a loss is in nats, not a percentage (got ${JSON.stringify(text)})` };
  if (!(value > 0) || value > range.max) {
    return {
      ok: false,
      message: `${TARGET_LABEL}: a loss in nats must be above 0 and at most ${range.max} (got ${JSON.stringify(text)})`,
    };
  }
  return { ok: true, value };
}
