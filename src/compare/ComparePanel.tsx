/**
 * Compare two scenarios (issue 13, item 5): pin the current scenario as A, move to B, and read how B differs in a
 * table (design, quality, compute, money; ./rows.ts) while every chart marks A beside B. The engine summarises both
 * scenarios with one function (src/engine/compare-point.ts); A travels in the URL (`cmp`, ./cmp-key.ts).
 */
import { useMemo, useRef } from 'react';
import { useAppStore } from '../store/context';
import { compareRows, compareSummary } from './rows';
import './compare.css';

/** The rows that name what each scenario uses rather than a number. */
const LABEL_ROWS: readonly string[] = ['model', 'set', 'strategy'];

export function ComparePanel() {
  const pinned = useAppStore((s) => s.pinned);
  const pinnedLabel = useAppStore((s) => s.pinnedLabel);
  const compare = useAppStore((s) => s.data?.compare ?? null);
  const compareError = useAppStore((s) => s.data?.compareError ?? null);
  const pin = useAppStore((s) => s.pinScenario);
  const swap = useAppStore((s) => s.swapPinned);
  const unpin = useAppStore((s) => s.unpin);
  const all = useMemo(() => (compare ? compareRows(compare.a, compare.b) : null), [compare]);
  // Model, set and strategy shared by A and B read once above the table; only the ones that differ are rows.
  const shared = all?.filter((r) => LABEL_ROWS.includes(r.id) && r.change === 'same') ?? [];
  const rows = all?.filter((r) => !shared.includes(r)) ?? null;
  const pinButton = useRef<HTMLButtonElement>(null);
  // The unpin button goes with the pin: focus moves to the pin button instead of being lost to the page.
  const unpinAndKeepFocus = () => {
    unpin();
    pinButton.current?.focus();
  };
  return (
    <section className="compare" id="compare" tabIndex={-1} aria-labelledby="compare-title" data-testid="compare">
      <div className="compare__bar">
        <h2 id="compare-title" className="compare__title">
          Compare two scenarios
        </h2>
        <button type="button" className="button" onClick={pin} data-testid="compare.pin" ref={pinButton}>
          {pinned ? 'Pin this scenario as A instead' : 'Pin this scenario as A'}
        </button>
        {pinned ? (
          <>
            <button type="button" className="button" onClick={swap} data-testid="compare.swap">
              Swap A and B
            </button>
            <button type="button" className="button" onClick={unpinAndKeepFocus} data-testid="compare.unpin">
              Unpin A
            </button>
          </>
        ) : null}
      </div>
      {!pinned ? (
        <p className="compare__hint">
          Pin the current scenario as A, then move the controls: the scenario you move to is B. Every chart marks A
          beside B, a table shows how they differ, and the link carries both.
        </p>
      ) : compareError ? (
        <p className="compare__error" role="alert" data-testid="compare.error">
          Scenario A cannot be computed: {compareError}
        </p>
      ) : compare && rows ? (
        <>
          <p className="compare__summary" data-testid="compare.summary">
            {pinnedLabel ? <strong>A: {pinnedLabel}. </strong> : null}
            {compareSummary(compare.a, compare.b)}
          </p>
          {shared.length > 0 ? (
            <p className="compare__shared" data-testid="compare.shared">
              Both: {shared.map((r) => r.aText).join(' · ')}
            </p>
          ) : null}
          <div className="compare__scroll">
            <table className="compare__table" data-testid="compare.table">
              <caption>
                Scenario A (pinned) against B (the current scenario), each under its own quality model, constant set and
                strategy; compute by laws.md §0, money by the cost view's hardware and prices.
              </caption>
              <thead>
                <tr>
                  <th scope="col">Quantity</th>
                  <th scope="col">A</th>
                  <th scope="col">B</th>
                  <th scope="col">B against A</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} data-row={r.id}>
                    <th scope="row">{r.label}</th>
                    <td>{r.aText}</td>
                    <td>{r.bText}</td>
                    <td>{r.change}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p className="compare__hint">Computing the comparison…</p>
      )}
    </section>
  );
}
