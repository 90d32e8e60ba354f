/**
 * The test-time strategy select (oracle pass@k, majority voting, best-of-k with an imperfect verifier) beside the
 * quality model, with each strategy's assumed parameters as sliders that say plainly they are assumptions. The
 * strategies and their bounds come from the domain registry (src/domain/strategies/registry.ts); the charts and the
 * optimum follow the choice through the engine (T² Approach 2 only; the other models say so).
 */
import {
  STRATEGIES,
  defaultChoice,
  strategySpec,
  type StrategyChoice,
  type StrategyId,
} from '../domain/strategies/registry';
import { isLifetimeAccounting, qualityModel } from '../domain/quality-models';
import { useAppStore } from '../store/context';
import { usePresenterControl } from '../teaching/usePresenterControl';
import { strategyParamText } from './strategy-logic';

export function StrategyControls() {
  const model = useAppStore((s) => s.scenario.qualityModel);
  const stored = useAppStore((s) => s.scenario.strategy);
  const setStrategy = useAppStore((s) => s.setStrategy);
  const { hidden, locked } = usePresenterControl('controls.strategy', 'strategy');
  if (hidden) return null;
  const choice: StrategyChoice = stored ?? defaultChoice('oracle');
  const spec = strategySpec(choice.id);
  const applies = qualityModel(model).strategyApplies;
  return (
    <div className="strategy-controls" data-testid="controls.strategy-group">
      <label className="select-field">
        <span>Test-time strategy</span>
        <select
          data-testid="controls.strategy"
          disabled={locked}
          value={choice.id}
          onChange={(e) => setStrategy(defaultChoice(e.currentTarget.value as StrategyId))}
        >
          {STRATEGIES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      {!applies ? (
        <p className="select-field__source" data-testid="controls.strategy.scope">
          Applies to T² Approach 2 (pass@k through a Beta model); this quality model has no per-question accuracy, so
          the strategy does not change its numbers.
          {isLifetimeAccounting(model) ? ' The T² lifetime readout follows it (with Approach 2).' : ''}
        </p>
      ) : null}
      <ul className="select-field__source strategy-controls__assumptions" data-testid="controls.strategy.assumptions">
        {spec.assumptions.map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ul>
      {spec.params.map((p) => {
        const value = choice.params[p.key] ?? p.default;
        return (
          <label key={p.key} className="strategy-controls__param">
            <span>
              {p.label}: <output data-testid={`controls.strategy.${p.key}.value`}>{strategyParamText(value)}</output>{' '}
              <em>(assumption)</em>
            </span>
            <input
              type="range"
              data-testid={`controls.strategy.${p.key}`}
              min={p.min}
              max={p.max}
              step={p.step}
              value={value}
              disabled={locked}
              aria-describedby={`strategy-help-${p.key}`}
              onChange={(e) =>
                setStrategy({ id: choice.id, params: { ...choice.params, [p.key]: Number(e.currentTarget.value) } })
              }
            />
            <small id={`strategy-help-${p.key}`}>{p.help}</small>
          </label>
        );
      })}
    </div>
  );
}
