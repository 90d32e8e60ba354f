/** Registers the presenter locks as the scenario slice's guard (src/store/scenario-guard.ts). */
import { userSetApplies } from '../domain/registry';
import type { Scenario } from '../domain/scenario';
import { registerScenarioGuard } from '../store/scenario-guard';
import { applyUserSetWithLocks, heldFields, modelHeldNotice, userSetNotice } from './locks';
import { lockedFields } from './presenter-logic';

registerScenarioGuard({
  locked: (state) => lockedFields(state.presenter) as (keyof Scenario)[],
  modelHeldBy: (current, wanted, locked) => heldFields(current, wanted, locked).get('qualityModel'),
  modelHeldNotice,
  adoptUserSet: (current, userSet, model, locked) => {
    const { scenario, kept, stored } = applyUserSetWithLocks(current, userSet, model, locked);
    const notice =
      kept.length > 0 ? userSetNotice(kept, stored, userSetApplies(scenario.qualityModel, userSet), model) : null;
    return { scenario, stored, notice };
  },
});
