/**
 * Which charts are on screen and their titles (browser only): all the export menu needs before the first export, so
 * the menu stays in the main chunk while the export code (./export-actions.ts and what it imports) loads on first
 * use. The selectors follow src/charts/ChartFrame.tsx.
 */

/** Every chart frame has this shape: <figure class="chart" data-testid="chart.*">. */
export const CHART_SELECTOR = 'figure.chart[data-testid^="chart."]';

export function chartFigures(root: ParentNode = document): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(CHART_SELECTOR));
}

export function chartTitle(figure: Element): string {
  return figure.querySelector('.chart-title')?.textContent?.trim() || figure.getAttribute('data-testid') || 'Chart';
}

/** The charts on screen as the menu lists them: test id and title. */
export function chartList(root: ParentNode = document): { id: string; title: string }[] {
  return chartFigures(root).map((f) => ({ id: f.getAttribute('data-testid') ?? 'chart', title: chartTitle(f) }));
}
