/**
 * The shape of the presenter options the teaching slice holds (./slices/teaching.ts): which controls a presenter link
 * hides, which scenario keys it locks, large text. The teaching folder parses and writes them
 * (src/teaching/presenter-logic.ts re-exports these); the store only keeps them.
 */

/** Controls a presenter link can hide, by the suffix of their test id (controls.<id>). */
export const HIDEABLE_CONTROLS = [
  'model',
  'constants',
  'linked',
  'params',
  'tokens',
  'samples',
  'train-budget',
  'inference-budget',
  'tokens-served',
  'target-quality',
] as const;
export type HideableControl = (typeof HIDEABLE_CONTROLS)[number];

export interface PresenterOptions {
  hide: HideableControl[];
  /** Locked scenario keys (URL keys of the schema). */
  lock: string[];
  big: boolean;
}

export const NO_PRESENTER: PresenterOptions = Object.freeze({ hide: [], lock: [], big: false }) as PresenterOptions;
