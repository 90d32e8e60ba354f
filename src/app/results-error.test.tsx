/**
 * Issue 11, item 14: when the engine throws on the current scenario, an error message replaces "Computing…" in the
 * charts and readouts, and no raw NaN/Infinity from the engine's message reaches the page.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StoreProvider } from '../store/context';
import { createAppStore } from '../store/store';
import { registryCatalog } from '../store/url/catalog';
import { ResultsView } from './ResultsView';
import { MAX_SCREEN_CHARS, screenText } from './screen-text';

function render(store = createAppStore({ catalog: registryCatalog })) {
  // Server rendering reads zustand's server snapshot (the state at creation): let it read the state now.
  store.getInitialState = store.getState;
  return renderToStaticMarkup(
    <StoreProvider store={store} catalog={registryCatalog}>
      <ResultsView />
    </StoreProvider>,
  );
}

describe('results when the engine fails', () => {
  it('shows "Computing…" only while an answer is awaited', () => {
    const html = render();
    expect(html).toContain('Computing the charts…');
    expect(html).toContain('aria-busy="true"');
  });

  it('replaces "Computing…" by an error and words for non-finite numbers once the engine fails on this scenario', () => {
    const store = createAppStore({ catalog: registryCatalog });
    store
      .getState()
      .setEngineError(
        'params must be a positive finite number (got Infinity); quality NaN, -Infinity',
        store.getState().revision,
      );
    const html = render(store);
    expect(html).not.toContain('Computing');
    expect(html).not.toMatch(/NaN|Infinity/);
    expect(html).toContain('data-testid="results.error"');
    expect(html).toContain('data-testid="charts.failed"');
    expect(html).toContain('data-testid="readouts.failed"');
    expect(html).toContain('(got infinite); quality not a number, minus infinite');
  });

  it('an error for an older revision leaves the charts waiting for the current one', () => {
    const store = createAppStore({ catalog: registryCatalog });
    store.getState().setEngineError('boom', store.getState().revision);
    store.getState().setField('params', 2e8);
    const html = render(store);
    expect(html).toContain('Computing the charts…');
    expect(html).not.toContain('results.error');
  });

  it('cuts a long engine message', () => {
    const long = screenText('x'.repeat(10_000));
    expect(Array.from(long)).toHaveLength(MAX_SCREEN_CHARS + 1);
    expect(long.endsWith('…')).toBe(true);
  });
});
