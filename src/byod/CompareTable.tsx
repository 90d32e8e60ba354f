/** The fit beside the published Chinchilla sets: constants and compute-optimal N, D at the current budget. */
import { useMemo } from 'react';
import { compareRows } from './compare-logic';
import { fmtConstant, fmtCount } from './format';
import type { FitKind } from './types';

export function CompareTable({
  kind,
  constants,
  trainFlops,
  inferenceFlops,
}: {
  kind: FitKind;
  constants: Record<string, number>;
  trainFlops: number;
  inferenceFlops: number;
}) {
  const rows = useMemo(
    () => compareRows(kind, constants, trainFlops, inferenceFlops),
    [kind, constants, trainFlops, inferenceFlops],
  );
  const note = rows.find((r) => r.note)?.note;
  return (
    <div className="byod__preview-wrap">
      <table className="byod__table" data-testid="byod.compare">
        <caption>
          Compared with the published sets at C_train = {trainFlops.toExponential(2).replace('e+', 'e')} FLOPs
        </caption>
        <thead>
          <tr>
            <th scope="col">Set</th>
            <th scope="col">E</th>
            <th scope="col">A</th>
            <th scope="col">B</th>
            <th scope="col">α</th>
            <th scope="col">β</th>
            <th scope="col">N opt</th>
            <th scope="col">D opt</th>
            <th scope="col">D/N</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={r.user ? 'byod__user-row' : undefined} data-set={r.id}>
              <th scope="row" title={r.source}>
                {r.name}
              </th>
              <td>{fmtConstant(r.constants.E)}</td>
              <td>{fmtConstant(r.constants.A)}</td>
              <td>{fmtConstant(r.constants.B)}</td>
              <td>{fmtConstant(r.constants.alpha)}</td>
              <td>{fmtConstant(r.constants.beta)}</td>
              <td>{fmtCount(r.optimum?.params)}</td>
              <td>{fmtCount(r.optimum?.tokens)}</td>
              <td>{fmtConstant(r.optimum?.tokensPerParam)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {note ? <p className="byod__hint">{note}</p> : null}
    </div>
  );
}
