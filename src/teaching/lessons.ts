/**
 * Guided lessons (data in ./lessons.json): each a sequence of steps with a short text, a scenario (a preset and/or
 * scenario fields, completed by the rules of ./presets.ts) and the test id of the control or chart to highlight.
 * Steps are numbered from 1 in URLs (lesson=overtrain&step=2) and from 0 in code.
 */
import type { Scenario } from '../domain/scenario';
import raw from './lessons.json';
import { completeScenario, getPreset, parsePartialScenario } from './presets';

/** The test ids a step may highlight: controls, charts and readouts of the explorer. */
export const HIGHLIGHT_TARGETS = [
  'controls.model',
  'controls.constants',
  'controls.params',
  'controls.tokens',
  'controls.samples',
  'controls.train-budget',
  'controls.inference-budget',
  'controls.tokens-served',
  'controls.target-quality',
  'chart.frontier',
  'chart.tokens-per-param',
  'chart.isoflop',
  'chart.passk',
  'chart.epoch',
  'chart.epoch.report-table',
  'readout.quality',
  'readout.savings',
  'readout.target',
  'readout.tokens-per-param',
  'readout.lifetime-split',
  'readout.cost',
  'cost.controls',
  'controls.strategy',
  'papers.wu',
  'papers.wu.math500',
  'papers.wu.optimal-size',
  'papers.plan-early',
  'papers.plan-early.chart',
  'papers.plan-early.perplexity',
  'compare',
] as const;
export type HighlightTarget = (typeof HIGHLIGHT_TARGETS)[number];

export interface LessonStep {
  title: string;
  text: string;
  /** Preset the step starts from, if any. */
  preset?: string;
  /** Scenario fields set on top of the preset (or of the defaults). */
  scenario: Partial<Scenario>;
  highlight: HighlightTarget;
}

export interface Lesson {
  id: string;
  title: string;
  summary: string;
  steps: LessonStep[];
}

function fail(where: string, message: string): never {
  throw new Error(`lesson ${where}: ${message}`);
}

function parseStep(where: string, value: unknown): LessonStep {
  const s = value as Record<string, unknown>;
  for (const f of ['title', 'text', 'highlight'] as const) {
    if (typeof s?.[f] !== 'string' || s[f] === '') fail(where, `${f} must be a non-empty string`);
  }
  if (!(HIGHLIGHT_TARGETS as readonly string[]).includes(s.highlight as string))
    fail(where, `unknown highlight target ${String(s.highlight)}`);
  if (s.preset !== undefined && (typeof s.preset !== 'string' || !getPreset(s.preset)))
    fail(where, `unknown preset ${String(s.preset)}`);
  const step: LessonStep = {
    title: s.title as string,
    text: s.text as string,
    highlight: s.highlight as HighlightTarget,
    scenario: s.scenario === undefined ? {} : parsePartialScenario(`lesson ${where}`, s.scenario),
  };
  if (s.preset !== undefined) step.preset = s.preset as string;
  return step;
}

/** Validates the lessons file; throws naming the lesson and step at the first problem. */
export function parseLessons(data: unknown): Lesson[] {
  const list = (data as { lessons?: unknown })?.lessons;
  if (!Array.isArray(list)) throw new Error('lessons: expected { lessons: [...] }');
  const seen = new Set<string>();
  return list.map((entry: unknown, i) => {
    const e = entry as Record<string, unknown>;
    const where = `#${i} (${String(e?.id)})`;
    for (const f of ['id', 'title', 'summary'] as const) {
      if (typeof e?.[f] !== 'string' || e[f] === '') fail(where, `${f} must be a non-empty string`);
    }
    if (!/^[a-z0-9-]+$/.test(e.id as string)) fail(where, 'id must be lower-case letters, digits and dashes');
    if (seen.has(e.id as string)) fail(where, 'duplicate id');
    seen.add(e.id as string);
    if (!Array.isArray(e.steps) || e.steps.length === 0) fail(where, 'steps must be a non-empty list');
    const steps = e.steps.map((s: unknown, j: number) => parseStep(`${where} step ${j + 1}`, s));
    return { id: e.id as string, title: e.title as string, summary: e.summary as string, steps };
  });
}

/** The shipped lessons, in display order. */
export const LESSONS: readonly Lesson[] = Object.freeze(parseLessons(raw));

/** The lesson with this id, or undefined. */
export function getLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** The fields a step sets: its preset's, then its own (what `completeScenario` completes). */
export function stepPartial(step: LessonStep): Partial<Scenario> {
  const preset = step.preset ? getPreset(step.preset) : undefined;
  return { ...(preset?.scenario ?? {}), ...step.scenario };
}

/** The full scenario of a step: its preset's fields, then its own, completed by `completeScenario`. */
export function stepScenario(step: LessonStep): Scenario {
  return completeScenario(stepPartial(step));
}
