import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCENARIO_SCHEMA } from '../store/url/schema';
import {
  clampStep,
  isEditable,
  lessonFromParams,
  lessonKeyAction,
  lessonParams,
  moveStep,
  parseStepParam,
} from './lesson-logic';
import { HIGHLIGHT_TARGETS, LESSONS, getLesson, parseLessons, stepScenario } from './lessons';
import { getPreset, presetScenario } from './presets';

describe('lessons data', () => {
  it('ships the four lessons of the teaching issue, then the money lesson, then the two seed-paper lessons (issue 15)', () => {
    expect(LESSONS.map((l) => l.title)).toEqual([
      'Why overtrain a small model?',
      'When does sampling pay?',
      'Reading a Pareto frontier',
      "Epoch's trade-off spans",
      'What does this cost?',
      'Which k? It depends on your verifier',
      'Plan Early: one big model or many small ones?',
    ]);
    for (const l of LESSONS) expect(l.steps.length).toBeGreaterThanOrEqual(3);
  });

  it('every step has a scenario inside the URL schema ranges and a known highlight target', () => {
    for (const l of LESSONS) {
      l.steps.forEach((step, i) => {
        expect(HIGHLIGHT_TARGETS).toContain(step.highlight);
        const s = stepScenario(step);
        for (const spec of SCENARIO_SCHEMA) {
          if (spec.type.kind !== 'log' && spec.type.kind !== 'linear') continue;
          const v = s[spec.field] as number;
          expect(Number.isFinite(v), `${l.id} step ${i + 1} ${spec.field}`).toBe(true);
          expect(v).toBeGreaterThanOrEqual(spec.type.min);
          expect(v).toBeLessThanOrEqual(spec.type.max);
        }
      });
    }
  });

  it('a step on a preset loads the preset, with the step’s fields on top', () => {
    const sampling = getLesson('sampling')!;
    const s = stepScenario(sampling.steps[1]!);
    const p = presetScenario(getPreset('t2-table1')!);
    expect(s.qualityModel).toBe('t2-2');
    expect([s.params, s.tokens, s.samples]).toEqual([p.params, p.tokens, p.samples]);
    expect(s.samples).toBeCloseTo(27, 0);
    expect(stepScenario(sampling.steps[0]!).samples).toBeCloseTo(1.11, 2);
  });

  it('steps differ: consecutive steps of the overtrain lesson change the scenario or the highlight', () => {
    const l = getLesson('overtrain')!;
    for (let i = 1; i < l.steps.length; i++) {
      const a = l.steps[i - 1]!;
      const b = l.steps[i]!;
      expect(JSON.stringify(stepScenario(a)) !== JSON.stringify(stepScenario(b)) || a.highlight !== b.highlight).toBe(
        true,
      );
    }
  });

  it('rejects bad lesson files', () => {
    const step = { title: 't', text: 'x', highlight: 'chart.frontier' };
    const ok = { id: 'a', title: 'A', summary: 's', steps: [step] };
    expect(parseLessons({ lessons: [ok] })).toHaveLength(1);
    expect(() => parseLessons({ lessons: [{ ...ok, steps: [] }] })).toThrow(/non-empty list/);
    expect(() => parseLessons({ lessons: [{ ...ok, steps: [{ ...step, highlight: 'chart.nope' }] }] })).toThrow(
      /unknown highlight target/,
    );
    expect(() => parseLessons({ lessons: [{ ...ok, steps: [{ ...step, preset: 'nope' }] }] })).toThrow(
      /unknown preset/,
    );
    expect(() => parseLessons({ lessons: [{ ...ok, steps: [{ ...step, scenario: { n: 1 } }] }] })).toThrow(
      /unknown scenario field "n"/,
    );
    expect(() => parseLessons({ lessons: [ok, ok] })).toThrow(/duplicate/);
  });
});

describe('lesson navigation', () => {
  const lesson = LESSONS[0]!;

  it('reads lesson and 1-based step from the URL, clamping bad steps', () => {
    expect(lessonFromParams(new URLSearchParams('lesson=overtrain&step=2'))?.step).toBe(1);
    expect(lessonFromParams(new URLSearchParams('lesson=overtrain&step=99'))?.step).toBe(lesson.steps.length - 1);
    expect(lessonFromParams(new URLSearchParams('lesson=overtrain&step=x'))?.step).toBe(0);
    expect(lessonFromParams(new URLSearchParams('lesson=overtrain'))?.step).toBe(0);
    expect(lessonFromParams(new URLSearchParams('lesson=nope&step=1'))).toBeNull();
    expect(parseStepParam('0')).toBe(-1);
    expect(clampStep(lesson, -1)).toBe(0);
  });

  it('lessonParams and lessonFromParams round-trip every step', () => {
    for (const l of LESSONS) {
      l.steps.forEach((_, i) => {
        const back = lessonFromParams(new URLSearchParams(lessonParams(l.id, i)));
        expect(back?.lesson.id).toBe(l.id);
        expect(back?.step).toBe(i);
      });
    }
  });

  it('moveStep stays inside the lesson (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 20 }), fc.constantFrom(1 as const, -1 as const), (i, d) => {
        const next = moveStep(lesson, i, d);
        expect(next).toBeGreaterThanOrEqual(0);
        expect(next).toBeLessThan(lesson.steps.length);
      }),
    );
    expect(moveStep(lesson, 0, 1)).toBe(1);
    expect(moveStep(lesson, 0, -1)).toBe(0);
  });

  it('keys: arrows and n/p move, except while typing in a field or moving a slider', () => {
    const body = { tagName: 'BODY' };
    expect(lessonKeyAction({ key: 'ArrowRight' }, body)).toBe('next');
    expect(lessonKeyAction({ key: 'n' }, body)).toBe('next');
    expect(lessonKeyAction({ key: 'ArrowLeft' }, { tagName: 'BUTTON' })).toBe('previous');
    expect(lessonKeyAction({ key: 'p' }, null)).toBe('previous');
    expect(lessonKeyAction({ key: 'ArrowRight', ctrlKey: true }, body)).toBeNull();
    expect(lessonKeyAction({ key: 'x' }, body)).toBeNull();
    expect(lessonKeyAction({ key: 'n' }, { tagName: 'INPUT', type: 'text' })).toBeNull();
    expect(lessonKeyAction({ key: 'ArrowRight' }, { tagName: 'INPUT', type: 'range' })).toBeNull();
    expect(lessonKeyAction({ key: 'ArrowRight' }, { tagName: 'DIV', role: 'slider' })).toBeNull();
    expect(lessonKeyAction({ key: 'n' }, { tagName: 'SELECT' })).toBeNull();
    expect(lessonKeyAction({ key: 'n' }, { tagName: 'DIV', isContentEditable: true })).toBeNull();
    expect(isEditable({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
  });

  it('the money lesson carries its hardware into the step scenario (A100s on the last step, dollar axes)', () => {
    const cost = LESSONS.find((l) => l.id === 'cost')!;
    expect(cost.steps.every((st) => stepScenario(st).costUnits === 'usd')).toBe(true);
    expect(stepScenario(cost.steps[2]!).trainGpu).toBe('a100-80');
    expect(stepScenario(cost.steps[1]!).trainFlops).toBe(7.2e23);
  });
  it('the verifier lesson walks the three strategies at the T² setting', () => {
    const lesson = getLesson('verifier')!;
    const ids = lesson.steps.map((step) => stepScenario(step).strategy?.id ?? 'oracle');
    expect(new Set(ids)).toEqual(new Set(['oracle', 'vote', 'verifier']));
    for (let i = 0; i < lesson.steps.length; i++) {
      const s = stepScenario(lesson.steps[i]!);
      expect([s.qualityModel, s.trainFlops, s.inferenceFlops]).toEqual(['t2-2', 2.56e19, 2e9]);
    }
  });
  it('a step with a bad strategy is refused', () => {
    const bad = {
      lessons: [
        {
          id: 'x',
          title: 'x',
          summary: 'x',
          steps: [{ title: 't', text: 't', highlight: 'chart.passk', scenario: { strategy: 'vote_9' } }],
        },
      ],
    };
    expect(() => parseLessons(bad)).toThrow(/strategy/);
  });
});
