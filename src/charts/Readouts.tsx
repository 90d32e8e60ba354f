/**
 * The readouts beside the charts: predicted quality of the current design, what the optimum saves, the cheapest
 * budgets reaching the target quality (when one is set), tokens per parameter, the lifetime split of compute, a
 * warning when N, D or k lies outside the set's fitted range, and which answers (the design, the optimum) are
 * extrapolated beyond the set's fitted data: "[extrapolated]" after each such number, the dimension and factor below. Each number names the constant set it comes from (by
 * id; name and source in its tooltip and written out once below).
 */
import { isLifetimeAccounting } from '../domain/quality-models';
import { budgetOvershoots } from '../domain/budget-use';
import type { Scenario } from '../domain/scenario';
import type { ExplorerData } from '../engine/explorer-data-types';
import {
  costText,
  extrapolationText,
  kindLabel,
  lifetimeText,
  overshootText,
  paperSettingText,
  qualityText,
  savingsText,
  targetText,
  tokensPerParamText,
} from './readouts-text';

interface Props {
  data: ExplorerData | null;
  scenario: Scenario;
  /** True when the engine failed on the current scenario: with no data, say so instead of "Computing…". */
  failed?: boolean;
}

export function Readouts({ data, scenario, failed = false }: Props) {
  if (!data) {
    return failed ? (
      <section className="readouts" aria-label="Readouts" data-testid="readouts.failed">
        <p className="readout-pending">No readouts: this scenario cannot be computed.</p>
      </section>
    ) : (
      <section className="readouts" aria-busy="true" aria-label="Readouts">
        <p className="readout-pending">Computing…</p>
      </section>
    );
  }
  const set = data.set;
  const cite = (
    <small className="readout-source" title={`${set.name}: ${set.source}`}>
      {' '}
      [constants: {set.id}]
    </small>
  );
  const target = targetText(data);
  const overshoots = isLifetimeAccounting(data.model) ? [] : budgetOvershoots(scenario, scenario);
  const accounting = isLifetimeAccounting(data.model)
    ? 'lifetime compute 6ND + 2NkT'
    : 'two budgets, 6ND and 2Nk per token';
  const extrapolated = extrapolationText(data);
  const paper = paperSettingText(data);
  return (
    <section className="readouts" aria-label="Readouts" data-model={scenario.qualityModel}>
      <p data-testid="readout.quality">
        {qualityText(data)}
        {cite}
      </p>
      <p data-testid="readout.savings">
        {savingsText(data.readouts.savings, data.model, data.frontier.target?.lifetimeAtTarget ?? false)}
        {cite}
      </p>
      {target === null ? null : (
        <p data-testid="readout.target">
          {target}
          {cite}
        </p>
      )}
      <p data-testid="readout.tokens-per-param">
        {tokensPerParamText(data)}
        {cite}
      </p>
      <p data-testid="readout.lifetime-split">
        {lifetimeText(data)}
        {cite}
      </p>
      {data.cost ? <p data-testid="readout.cost">{costText(data.cost, scenario.samples)}</p> : null}
      {overshoots.length > 0 ? (
        <p className="readout-warning" role="status" data-testid="readout.budget-overshoot">
          ⚠ {overshootText(overshoots)}
        </p>
      ) : null}
      {data.readouts.t2Lifetime ? <p data-testid="readout.t2-lifetime">{data.readouts.t2Lifetime}</p> : null}
      {data.readouts.rangeWarnings.length > 0 ? (
        <div className="readout-warning" role="status" data-testid="readout.range-warning">
          {data.readouts.rangeWarnings.map((w) => (
            <p key={w}>⚠ {w}</p>
          ))}
        </div>
      ) : null}
      {paper === null ? null : (
        <p data-testid="readout.paper-setting">
          {paper}
          {cite}
        </p>
      )}
      {extrapolated.length > 0 ? (
        <div className="readout-warning" role="status" data-testid="readout.extrapolation">
          {extrapolated.map((w) => (
            <p key={w}>⚠ {w}</p>
          ))}
        </div>
      ) : null}
      <p className="readout-provenance">
        Constants: {set.name} ({kindLabel(set.kind)}), {set.source}. Accounting: {accounting}.
        {set.note ? <> {set.note}</> : null}
      </p>
    </section>
  );
}
