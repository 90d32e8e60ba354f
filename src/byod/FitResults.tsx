/** The fitted constants with 95 % bootstrap intervals, goodness of fit, hold-out error, residuals, comparison, share and export. */
import { downloadBlob } from '../export/download';
import { FitGate } from './FitGate';
import type { FitWarning } from './fit-gate';
import { useAppStore } from '../store/context';
import { CompareTable } from './CompareTable';
import { fitToJson, runsToCsv } from './export-logic';
import { CONSTANT_LABELS, fmtConstant, fmtPercent } from './format';
import { describeRule } from './holdout-logic';
import { ResidualChart } from './ResidualChart';
import type { FitReport, Run } from './types';
import { bandSectionOf, linkCarriesRuns, MAX_LINK_RUNS } from './user-set-logic';

interface Props {
  report: FitReport;
  runs: readonly Run[];
  /** The fit-quality gate's warnings (./fit-gate.ts); empty for a fit that drives the charts at once. */
  warnings: readonly FitWarning[];
  /** The id this report's user set has (null when it cannot be one: a constant is not finite). */
  setId: string | null;
  onUse: () => void;
  onUseAnyway: () => void;
}

export function FitResults({ report, runs, warnings, setId: reportSetId, onUse, onUseAnyway }: Props) {
  const userSet = useAppStore((s) => s.scenario.userSet);
  // The scenario holds this report's set: it was used at once (no warnings) or the user chose it despite them.
  const stored = userSet !== undefined && reportSetId !== null && userSet.set.id === reportSetId;
  const selected = useAppStore((s) => stored && s.scenario.constantSet === reportSetId);
  const trainFlops = useAppStore((s) => s.scenario.trainFlops);
  const inferenceFlops = useAppStore((s) => s.scenario.inferenceFlops);
  const g = report.goodness;
  const setId = reportSetId ?? 'user';
  return (
    <div className="byod__results" data-testid="byod.results">
      <FitGate warnings={warnings} used={stored} onUse={reportSetId !== null ? onUseAnyway : undefined} testId="byod" />
      <div className="byod__preview-wrap">
        <table className="byod__table" data-testid="byod.constants">
          <caption>
            Fitted constants, with 95 % bootstrap intervals ({report.draws.length} resamples of runs
            {report.bootstrapFailures ? `, ${report.bootstrapFailures} failed` : ''})
          </caption>
          <thead>
            <tr>
              <th scope="col">Constant</th>
              <th scope="col">Fit</th>
              <th scope="col">2.5 %</th>
              <th scope="col">97.5 %</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(report.constants).map(([k, v]) => (
              <tr key={k} data-constant={k}>
                <th scope="row">{CONSTANT_LABELS[k] ?? k}</th>
                <td>{fmtConstant(v)}</td>
                <td>{fmtConstant(report.intervals[k]?.p2_5)}</td>
                <td>{fmtConstant(report.intervals[k]?.p97_5)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="byod__status" data-testid="byod.goodness">
        Goodness of fit on {g.n} {report.observedLabel} values: R² = {g.r2.toFixed(4)}, RMSE = {fmtConstant(g.rmse)},
        mean relative error {fmtPercent(g.meanRelativeError)}
        {report.stage1Goodness ? `; stage 1 (task NLL) R² = ${report.stage1Goodness.r2.toFixed(4)}` : ''}.
        {report.converged ? '' : ' The optimiser stopped before converging at the best start.'}
      </p>
      <p className="byod__status" data-testid="byod.holdout">
        {report.holdout
          ? `Fitted on ${describeRule(report.holdout.rule)} (${report.holdout.fitted}); on the ${report.holdout.heldOut} held-out rows the law's relative error is ${fmtPercent(report.holdout.meanRelativeError)} on average (max ${fmtPercent(report.holdout.maxRelativeError)}; it ${report.holdout.meanSignedError >= 0 ? 'over' : 'under'}estimates by ${fmtPercent(Math.abs(report.holdout.meanSignedError))} on average).`
          : 'No rows held out: every good row was fitted.'}
      </p>
      <ResidualChart residuals={report.residuals} label={report.observedLabel} />
      <CompareTable
        kind={report.kind}
        constants={report.constants}
        trainFlops={trainFlops}
        inferenceFlops={inferenceFlops}
      />
      <div className="byod__actions">
        {stored ? (
          <button type="button" className="button" data-testid="byod.use" aria-pressed={selected} onClick={onUse}>
            {selected ? 'Your fit drives the charts' : 'Use your fit on the charts'}
          </button>
        ) : null}
        <button
          type="button"
          className="button"
          data-testid="byod.export-fit"
          onClick={() =>
            downloadBlob(
              new Blob([fitToJson(report, setId, runs.length)], { type: 'application/json' }),
              `t2-fit-${setId}.json`,
            )
          }
        >
          Export fit (JSON)
        </button>
        <button
          type="button"
          className="button"
          data-testid="byod.export-data"
          onClick={() => downloadBlob(new Blob([runsToCsv(report.kind, runs)], { type: 'text/csv' }), 't2-runs.csv')}
        >
          Export data (CSV)
        </button>
      </div>
      <p className="byod__hint" data-testid="byod.share">
        {!stored
          ? 'The page link carries this fit only once you use it on the charts.'
          : userSet && linkCarriesRuns(userSet)
            ? 'The page link (Copy link) carries your fitted constants and your runs.'
            : `The page link (Copy link) carries your fitted constants; your ${runs.length} runs are more than ${MAX_LINK_RUNS}, so the data stays on this device.`}
        {stored && userSet && bandSectionOf(userSet) !== ''
          ? ' It also carries a summary of the bootstrap resamples, from which the band is redrawn (approximately) where the link is opened.'
          : ''}
      </p>
    </div>
  );
}
