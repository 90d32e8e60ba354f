/**
 * The export menu: a disclosure button opening a small panel. Per chart: SVG, PNG and its table as CSV; for the whole
 * view: scenario + chart data as CSV or JSON, and the BibTeX list of the papers behind it. Escape closes the panel.
 * The export code (./export-actions.ts: SVG, PNG, CSV, JSON, BibTeX with the papers list) is a separate chunk: its
 * download starts when the panel first opens, and each export awaits it.
 */
import { useId, useRef, useState } from 'react';
import { chartList } from './chart-list';
import type { ExportAction, ExportSource } from './export-actions';
import './export.css';

let actions: Promise<typeof import('./export-actions')> | null = null;

/** The export actions module, loaded once on first use; a failed load is retried on the next use. */
function loadActions(): Promise<typeof import('./export-actions')> {
  actions ??= import('./export-actions').catch((e: unknown) => {
    actions = null;
    throw e;
  });
  return actions;
}

export function ExportMenu(props: ExportSource) {
  const [open, setOpen] = useState(false);
  const [charts, setCharts] = useState<{ id: string; title: string }[]>([]);
  const [chartId, setChartId] = useState('');
  const [status, setStatus] = useState('');
  const panelId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);

  const openPanel = () => {
    void loadActions().catch(() => undefined); // fetched ahead; a failure is reported when an export runs
    const list = chartList(props.root);
    setCharts(list);
    if (!list.some((c) => c.id === chartId)) setChartId(list[0]?.id ?? '');
    setStatus('');
    setOpen(true);
  };

  const run = async (action: ExportAction) => {
    try {
      setStatus('Preparing…');
      const { runExport } = await loadActions();
      const name = await runExport(action, props, chartId || undefined);
      setStatus(`Saved ${name}`);
    } catch (e) {
      setStatus(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const chartButtons: [ExportAction, string][] = [
    ['svg', 'SVG'],
    ['png', 'PNG'],
    ['chart-csv', 'Table (CSV)'],
  ];
  return (
    <div className="export-menu" data-testid="export">
      <button
        ref={toggleRef}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="export.toggle"
        onClick={() => (open ? setOpen(false) : openPanel())}
      >
        Export
      </button>
      <div
        id={panelId}
        className="export-menu__panel"
        role="group"
        aria-label="Export"
        hidden={!open}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setOpen(false);
            toggleRef.current?.focus();
          }
        }}
      >
        <fieldset className="export-menu__chart">
          <legend>One chart</legend>
          <label>
            <span>Chart</span>
            <select
              data-testid="export.chart"
              value={chartId}
              onChange={(e) => setChartId(e.currentTarget.value)}
              disabled={charts.length === 0}
            >
              {charts.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </label>
          <div className="export-menu__row">
            {chartButtons.map(([action, label]) => (
              <button
                key={action}
                type="button"
                className="button"
                data-testid={`export.${action}`}
                disabled={!chartId}
                onClick={() => void run(action)}
              >
                {label}
              </button>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Everything on screen</legend>
          <div className="export-menu__row">
            <button type="button" className="button" data-testid="export.csv" onClick={() => void run('csv')}>
              Scenario and data (CSV)
            </button>
            <button
              type="button"
              className="button"
              data-testid="export.numeric-csv"
              onClick={() => void run('numeric-csv')}
            >
              Numbers with units (CSV)
            </button>
            <button type="button" className="button" data-testid="export.json" onClick={() => void run('json')}>
              Scenario and data (JSON)
            </button>
            <button type="button" className="button" data-testid="export.bibtex" onClick={() => void run('bibtex')}>
              Papers (BibTeX)
            </button>
          </div>
        </fieldset>
        <p className="export-menu__status" role="status" aria-live="polite" data-testid="export.status">
          {status}
        </p>
      </div>
    </div>
  );
}
