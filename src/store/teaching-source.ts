/**
 * Where the teaching slice (./slices/teaching.ts) finds presets and lesson steps and how one loads: the teaching
 * folder registers it (src/teaching/teaching-source.ts), so the slice imports no feature folder (architecture rule
 * 13). Without a registered source, choosing a preset or a step does nothing (as for an unknown id).
 */
import type { Scenario } from '../domain/scenario';
import type { Notice } from './slices/notices';

/** A preset or lesson step as the slice loads it. */
export interface TeachingLoad {
  /** The scenario fields it sets (as in presets.json / lessons.json). */
  partial: Partial<Scenario>;
  /** How a notice names it ("The preset “Chinchilla”", "Step 2 of “…”"). */
  what: string;
  /**
   * A second design it compares against: pinned as scenario A (the compare slice) with these fields over the loaded
   * scenario, under `label` ("Llemma-34B with sampling, 64 samples"); absent: the pin is left as it is.
   */
  pin?: { fields: Partial<Scenario>; label: string };
}

export interface TeachingSource {
  /** The preset `id`, or undefined when there is none. */
  preset(id: string): TeachingLoad | undefined;
  /** Step `step` (0-based, clamped into the lesson) of lesson `id` and the step it clamped to; undefined for no lesson. */
  lessonStep(id: string, step: number): (TeachingLoad & { step: number }) | undefined;
  /**
   * `partial` loaded over `current` with the `locked` fields held and what the person owns kept; the notice naming
   * each held value (null when none was held).
   */
  load(
    partial: Partial<Scenario>,
    current: Scenario,
    locked: readonly (keyof Scenario)[],
    what: string,
  ): { scenario: Scenario; notice: Notice | null };
  /** The id of that notice (dismissed when a load holds nothing). */
  lockNoticeId: string;
}

let source: TeachingSource | null = null;

/** Registers the source (one: a second registration replaces the first). */
export function registerTeachingSource(s: TeachingSource): void {
  source = s;
}

/** The registered source, or null. */
export function teachingSource(): TeachingSource | null {
  return source;
}
