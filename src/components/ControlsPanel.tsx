/** The scenario's controls: selects, the six log sliders, the target quality, and linked mode. Reads and writes the store only. */
import type { Scenario } from '../domain/scenario';
import { heldBudgetNotes, type HeldBudgetNotes, type NumericField } from '../store/linked';
import { CostControls } from './CostControls';
import { budgetMoneyHint, budgetMoneyParser } from './money-logic';
import { useAppStore, useAppStoreApi } from '../store/context';
import { rangeOf } from '../store/url/schema';
import { usePresenterControl } from '../teaching/usePresenterControl';
import { LogSlider } from './LogSlider';
import { ScenarioSelects } from './ScenarioSelects';
import { StrategyControls } from './StrategyControls';
import { TargetQualityField } from './TargetQualityField';

/** The sliders, in display order, with their exact accessible names and dotted test ids. */
export const SLIDERS: readonly { field: NumericField; label: string; testId: string; unit: string }[] = [
  { field: 'params', label: 'Parameters (N)', testId: 'controls.params', unit: 'params' },
  { field: 'tokens', label: 'Training tokens (D)', testId: 'controls.tokens', unit: 'tokens' },
  { field: 'samples', label: 'Samples per question (k)', testId: 'controls.samples', unit: 'samples' },
  { field: 'trainFlops', label: 'Training budget (FLOPs)', testId: 'controls.train-budget', unit: 'FLOPs' },
  {
    field: 'inferenceFlops',
    label: 'Inference budget (FLOPs per token)',
    testId: 'controls.inference-budget',
    unit: 'FLOPs/token',
  },
  { field: 'tokensServed', label: 'Tokens served', testId: 'controls.tokens-served', unit: 'tokens' },
];

/**
 * The held-budget notes and money hints of one scenario, computed once per scenario object: the sliders' selectors run
 * on every store change (each engine result too), and six sliders each recomputed them (issue 17).
 */
const notesCache = new WeakMap<Scenario, { linked: boolean; notes: HeldBudgetNotes }>();
function notesOf(s: Scenario, linked: boolean): HeldBudgetNotes {
  const hit = notesCache.get(s);
  if (hit && hit.linked === linked) return hit.notes;
  const notes = heldBudgetNotes(s, linked);
  notesCache.set(s, { linked, notes });
  return notes;
}
const hintCache = new WeakMap<Scenario, Partial<Record<NumericField, string | null>>>();
function hintOf(field: NumericField, s: Scenario): string | null {
  if (field !== 'trainFlops' && field !== 'inferenceFlops') return null;
  let hints = hintCache.get(s);
  if (!hints) hintCache.set(s, (hints = {}));
  if (!(field in hints)) hints[field] = budgetMoneyHint(field, s);
  return hints[field]!;
}

function SliderFor({ field, label, testId, unit }: (typeof SLIDERS)[number]) {
  const value = useAppStore((s) => s.scenario[field]);
  const warning = useAppStore((s) => notesOf(s.scenario, s.linked)[field]);
  const hint = useAppStore((s) => hintOf(field, s.scenario)) ?? undefined;
  // The money reader reads the scenario when text is typed, not at render: subscribing to the whole scenario made
  // every slider re-render on every move of any other (issue 17).
  const store = useAppStoreApi();
  const setField = useAppStore((s) => s.setField);
  const { hidden, locked } = usePresenterControl(testId, field);
  if (hidden) return null;
  return (
    <LogSlider
      testId={testId}
      label={label}
      value={value}
      range={rangeOf(field)}
      unit={unit}
      hint={hint}
      warning={warning}
      parseAlternative={
        field === 'trainFlops' || field === 'inferenceFlops'
          ? (text) => budgetMoneyParser(field, store.getState().scenario)?.(text) ?? null
          : undefined
      }
      disabled={locked}
      onChange={(v, kind) => setField(field, v, kind)}
    />
  );
}

export function ControlsPanel() {
  const linked = useAppStore((s) => s.linked);
  const setLinked = useAppStore((s) => s.setLinked);
  const linkedHidden = usePresenterControl('controls.linked').hidden;
  const broken = useAppStore((s) => Object.keys(notesOf(s.scenario, s.linked)).length > 0);
  return (
    <section className="controls" aria-label="Scenario" data-testid="controls">
      <ScenarioSelects />
      <StrategyControls />
      {linkedHidden ? null : (
        <label className="toggle">
          <input
            type="checkbox"
            data-testid="controls.linked"
            checked={linked}
            onChange={(e) => setLinked(e.currentTarget.checked)}
          />
          <span>Hold the budgets: moving N, D or k keeps the design on 6ND = C_train and 2Nk = C_inf</span>
        </label>
      )}
      {broken && !linkedHidden ? (
        <p className="toggle__warning" role="status" data-testid="controls.linked-status">
          ⚠ A control reached the edge of its range, so the design is off a held budget: see the warning under it.
        </p>
      ) : null}
      <div className="controls__design">
        <h2>Design</h2>
        {SLIDERS.slice(0, 3).map((s) => (
          <SliderFor key={s.field} {...s} />
        ))}
      </div>
      <div className="controls__budgets">
        <h2>Budgets</h2>
        {SLIDERS.slice(3).map((s) => (
          <SliderFor key={s.field} {...s} />
        ))}
        <TargetQualityField />
      </div>
      <CostControls />
    </section>
  );
}
