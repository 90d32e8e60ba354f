/** Which fit to run and which column feeds each of its fields, with a preview of the first rows and the bad rows. */
import type { ColumnMapping } from './import-logic';
import type { ReadExtraction, TableView } from './read-runs';
import { FIELD_NAMES, FIELDS_OF, FIT_KIND_NAMES, type FitKind, type RunField } from './types';

interface Props {
  view: TableView;
  kind: FitKind;
  mapping: ColumnMapping;
  extraction: ReadExtraction;
  onKind: (k: FitKind) => void;
  onMap: (field: RunField, column: string) => void;
}

function RowErrors({ extraction, format }: { extraction: ReadExtraction; format: 'csv' | 'json' }) {
  const rows = extraction.skippedRows;
  const more = extraction.errorCount - extraction.errors.length;
  return (
    <details className="byod__row-errors" data-testid="byod.row-errors" open>
      <summary>
        {rows} row{rows === 1 ? '' : 's'} skipped
      </summary>
      <ul>
        {extraction.errors.map((e, i) => (
          <li key={i}>
            {format === 'json' ? 'Item' : 'Row'} {e.row}
            {e.column ? ` (${e.column})` : ''}: {e.reason}
          </li>
        ))}
        {more > 0 ? (
          <li data-testid="byod.row-errors.more">
            … and {more} more problem{more === 1 ? '' : 's'} (the first {extraction.errors.length} are listed)
          </li>
        ) : null}
      </ul>
    </details>
  );
}

export function MappingSection({ view, kind, mapping, extraction, onKind, onMap }: Props) {
  const fields = FIELDS_OF[kind];
  const format = view.format;
  return (
    <div className="byod__mapping">
      <label className="select-field">
        <span>Fit</span>
        <select data-testid="byod.kind" value={kind} onChange={(e) => onKind(e.currentTarget.value as FitKind)}>
          {(Object.keys(FIT_KIND_NAMES) as FitKind[]).map((k) => (
            <option key={k} value={k}>
              {FIT_KIND_NAMES[k]}
            </option>
          ))}
        </select>
      </label>
      <div className="byod__map-grid">
        {fields.map((f) => (
          <label key={f} className="select-field">
            <span>{FIELD_NAMES[f]}</span>
            <select data-testid={`byod.map.${f}`} value={mapping[f]} onChange={(e) => onMap(f, e.currentTarget.value)}>
              <option value="">— choose a column —</option>
              {view.header.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <div className="byod__preview-wrap">
        <table className="byod__table" data-testid="byod.preview">
          <caption>
            First rows ({view.records} in all, {format.toUpperCase()})
          </caption>
          <thead>
            <tr>
              {view.header.map((h) => (
                <th key={h} scope="col">
                  {h}
                  {fields.some((f) => mapping[f] === h) ? ' ✓' : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.preview.map((r, i) => (
              <tr key={i}>
                {r.map((c, j) => (
                  <td key={j}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="byod__status" data-testid="byod.good-rows">
        {extraction.runs.length} good row{extraction.runs.length === 1 ? '' : 's'}
      </p>
      {extraction.errorCount > 0 ? <RowErrors extraction={extraction} format={format} /> : null}
      {extraction.problem ? (
        <p className="byod__error" role="alert" data-testid="byod.problem">
          {extraction.problem}
        </p>
      ) : null}
    </div>
  );
}
