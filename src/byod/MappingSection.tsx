/** Which fit to run and which column feeds each of its fields, with a preview of the first rows and the bad rows. */
import type { CsvRowError, CsvTable } from '../domain/csv';
import { previewRows, type ColumnMapping, type RunExtraction } from './import-logic';
import { FIELD_NAMES, FIELDS_OF, FIT_KIND_NAMES, type FitKind, type RunField } from './types';

interface Props {
  table: CsvTable;
  format: 'csv' | 'json';
  kind: FitKind;
  mapping: ColumnMapping;
  extraction: RunExtraction;
  onKind: (k: FitKind) => void;
  onMap: (field: RunField, column: string) => void;
}

function RowErrors({ errors, format }: { errors: CsvRowError[]; format: 'csv' | 'json' }) {
  const rows = new Set(errors.map((e) => e.row)).size;
  return (
    <details className="byod__row-errors" data-testid="byod.row-errors" open>
      <summary>{rows} row{rows === 1 ? '' : 's'} skipped</summary>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            {format === 'json' ? 'Item' : 'Row'} {e.row}{e.column ? ` (${e.column})` : ''}: {e.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function MappingSection({ table, format, kind, mapping, extraction, onKind, onMap }: Props) {
  const fields = FIELDS_OF[kind];
  return (
    <div className="byod__mapping">
      <label className="select-field">
        <span>Fit</span>
        <select data-testid="byod.kind" value={kind} onChange={(e) => onKind(e.currentTarget.value as FitKind)}>
          {(Object.keys(FIT_KIND_NAMES) as FitKind[]).map((k) => <option key={k} value={k}>{FIT_KIND_NAMES[k]}</option>)}
        </select>
      </label>
      <div className="byod__map-grid">
        {fields.map((f) => (
          <label key={f} className="select-field">
            <span>{FIELD_NAMES[f]}</span>
            <select data-testid={`byod.map.${f}`} value={mapping[f]} onChange={(e) => onMap(f, e.currentTarget.value)}>
              <option value="">— choose a column —</option>
              {table.header.map((h) => <option key={h} value={h}>{h}</option>)}
            </select>
          </label>
        ))}
      </div>
      <div className="byod__preview-wrap">
        <table className="byod__table" data-testid="byod.preview">
          <caption>First rows ({table.records.length} in all, {format.toUpperCase()})</caption>
          <thead><tr>{table.header.map((h) => <th key={h} scope="col">{h}{fields.some((f) => mapping[f] === h) ? ' ✓' : ''}</th>)}</tr></thead>
          <tbody>{previewRows(table).map((r, i) => <tr key={i}>{r.map((c, j) => <td key={j}>{c}</td>)}</tr>)}</tbody>
        </table>
      </div>
      <p className="byod__status" data-testid="byod.good-rows">{extraction.runs.length} good row{extraction.runs.length === 1 ? '' : 's'}</p>
      {extraction.errors.length > 0 ? <RowErrors errors={extraction.errors} format={format} /> : null}
      {extraction.problem ? <p className="byod__error" role="alert" data-testid="byod.problem">{extraction.problem}</p> : null}
    </div>
  );
}
