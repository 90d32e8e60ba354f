/** Scenario slice: the scenario, its revision counter, how it last changed, and linked mode. */
import type { StateCreator } from 'zustand/vanilla';
import { userSetApplies, type UserConstantSet } from '../../domain/registry';
import type { QualityModel, Scenario } from '../../domain/scenario';
import { assertStrategyChoice, encodeStrategy, isOracle, type StrategyChoice } from '../../domain/strategies/registry';
import { assertPlanEarlyInput, encodePlanEarly, isDefaultPlanEarly } from '../../domain/plan-early-key';
import type { PlanEarlyInput } from '../../domain/plan-early';
import { applyChange, type NumericField } from '../linked';
import type { ConstantSetCatalog } from '../url/codec';
import type { AppState } from '../types';
import { lockedIn, scenarioGuard } from '../scenario-guard';
import { targetOnModelChange } from '../target-on-model-change';

/**
 * How the scenario last changed; the URL sync reads it: 'continuous' (a slider drag: debounced replaceState),
 * 'discrete' (select, typed value, reset: pushState), 'restore' (from the URL itself: not written back).
 */
export type ChangeKind = 'continuous' | 'discrete' | 'restore';

/** What `adoptUserSet` did with a fitted set. */
export type UserSetOutcome = 'used' | 'saved' | 'not-stored';

export interface ScenarioSlice {
  scenario: Scenario;
  /** Increases on every change; results carry the revision they answer. */
  revision: number;
  lastChange: ChangeKind;
  /** Budgets held: moving N, D or k keeps the design on both budgets. */
  linked: boolean;
  setField: (field: NumericField, value: number, kind?: ChangeKind) => void;
  setQualityModel: (model: QualityModel) => void;
  setConstantSet: (id: string) => void;
  /**
   * Makes `userSet` the scenario's user set and switches to it, shown by `model` (a finished fit, "use my set", a lab
   * refit). Presenter locks hold (the guard src/teaching registers, ../scenario-guard.ts): the set is still stored but not switched to, and a notice
   * says so. Returns 'used' (the charts use it), 'saved' (stored, locks kept another set) or 'not-stored' (a lock
   * keeps the earlier fit).
   */
  adoptUserSet: (userSet: UserConstantSet, model: QualityModel) => UserSetOutcome;
  replaceScenario: (scenario: Scenario, kind: ChangeKind) => void;
  setLinked: (linked: boolean) => void;
  /** Sets the money view's hardware, prices, MFU, decode model or axis units (validated by the caller's fields). */
  setCostChoice: (patch: Partial<Pick<Scenario, CostField>>) => void;
  /** Sets the test-time strategy and its assumed parameters (validated: a bad choice throws a DomainError). */
  setStrategy: (choice: StrategyChoice) => void;
  /**
   * Sets the Plan Early view's inputs (validated: a bad input throws a DomainError); the defaults are stored as absent,
   * so the URL leaves `pe` out. A discrete change (one history entry), held by a presenter lock on planEarly.
   */
  setPlanEarly: (input: PlanEarlyInput) => void;
}

/** The scenario fields of the money view (src/domain/cost/scenario-cost.ts). */
export type CostField =
  'trainGpu' | 'serveGpu' | 'trainPrice' | 'servePrice' | 'trainMfu' | 'decodeModel' | 'costUnits';

export function createScenarioSlice(
  catalog: ConstantSetCatalog,
  initial: Scenario,
): StateCreator<AppState, [], [], ScenarioSlice> {
  return (set, get) => {
    const commit = (scenario: Scenario, kind: ChangeKind) => {
      if (scenario === get().scenario) return;
      set({ scenario, revision: get().revision + 1, lastChange: kind });
    };
    return {
      scenario: initial,
      revision: 0,
      lastChange: 'restore',
      linked: true,
      setField: (field, value, kind = 'discrete') => {
        const { scenario, linked } = get();
        const locked = lockedIn(get());
        if (locked.includes(field)) return;
        let next = applyChange(scenario, field, value, linked);
        // Presenter locks hold: when the linked move would shift a locked value, move this control alone.
        if (locked.some((k) => next[k] !== scenario[k])) next = applyChange(scenario, field, value, false);
        if (
          next !== scenario &&
          Object.keys(next).some((k) => next[k as keyof Scenario] !== scenario[k as keyof Scenario])
        )
          commit(next, kind);
      },
      setQualityModel: (model) => {
        const { scenario } = get();
        if (model === scenario.qualityModel) return;
        const ids = catalog.ids(model);
        const keepsUserSet =
          userSetApplies(model, scenario.userSet) && scenario.userSet!.set.id === scenario.constantSet;
        const constantSet =
          keepsUserSet || ids.includes(scenario.constantSet) ? scenario.constantSet : catalog.defaultId(model);
        const targetQuality = targetOnModelChange(scenario.qualityModel, model, scenario.targetQuality);
        const next = { ...scenario, qualityModel: model, constantSet, targetQuality };
        // Presenter locks hold: a locked model, or a locked constant set / target the new model would drop, stays.
        const locked = lockedIn(get());
        const guard = scenarioGuard();
        const heldBy = guard && locked.length > 0 ? guard.modelHeldBy(scenario, next, locked) : undefined;
        if (heldBy !== undefined) {
          if (heldBy !== 'qualityModel') get().addNotice(guard!.modelHeldNotice(heldBy));
          return;
        }
        commit(next, 'discrete');
      },
      setConstantSet: (id) => {
        const { scenario } = get();
        if (lockedIn(get()).includes('constantSet')) return;
        const isUserSet = userSetApplies(scenario.qualityModel, scenario.userSet) && scenario.userSet!.set.id === id;
        if (id === scenario.constantSet || (!isUserSet && !catalog.ids(scenario.qualityModel).includes(id))) return;
        commit({ ...scenario, constantSet: id }, 'discrete');
      },
      adoptUserSet: (userSet, model) => {
        const { scenario } = get();
        const locked = lockedIn(get());
        const guard = scenarioGuard();
        // With no locks, exactly the switch (src/teaching/locks.ts applyUserSetWithLocks).
        const {
          scenario: next,
          stored,
          notice,
        } = guard && locked.length > 0
          ? guard.adoptUserSet(scenario, userSet, model, locked)
          : {
              scenario: { ...scenario, qualityModel: model, constantSet: userSet.set.id, userSet },
              stored: true,
              notice: null,
            };
        if (notice) get().addNotice(notice);
        const changed = (['qualityModel', 'constantSet', 'userSet'] as const).some((f) => next[f] !== scenario[f]);
        if (changed) commit(next, 'discrete');
        return !stored ? 'not-stored' : next.constantSet === userSet.set.id ? 'used' : 'saved';
      },
      replaceScenario: (scenario, kind) => commit(scenario, kind),
      setLinked: (linked) => set({ linked }),
      setCostChoice: (patch) => {
        const { scenario } = get();
        const next = { ...scenario, ...patch };
        if (Object.keys(patch).some((k) => next[k as CostField] !== scenario[k as CostField])) commit(next, 'discrete');
      },
      setStrategy: (choice) => {
        assertStrategyChoice(choice);
        const { scenario } = get();
        if ((lockedIn(get()) as readonly string[]).includes('strategy')) return;
        const before = scenario.strategy ? encodeStrategy(scenario.strategy) : 'oracle';
        if (encodeStrategy(choice) === before) return;
        const next: Scenario = { ...scenario };
        if (isOracle(choice)) delete next.strategy;
        else next.strategy = { id: choice.id, params: { ...choice.params } };
        commit(next, 'discrete');
      },
      setPlanEarly: (input) => {
        assertPlanEarlyInput(input);
        const { scenario } = get();
        if ((lockedIn(get()) as readonly string[]).includes('planEarly')) return;
        const before = isDefaultPlanEarly(scenario.planEarly) ? '' : encodePlanEarly(scenario.planEarly!);
        const after = isDefaultPlanEarly(input) ? '' : encodePlanEarly(input);
        if (before === after) return;
        const next: Scenario = { ...scenario };
        if (after === '') delete next.planEarly;
        else
          next.planEarly = {
            domains: input.domains,
            inferenceTokens: input.inferenceTokens,
            large: { ...input.large },
            small: { ...input.small },
          };
        commit(next, 'discrete');
      },
    };
  };
}
