/**
 * Reading the charts on screen (browser only): which charts there are, their titles and table alternatives, and a
 * standalone SVG of one chart with its computed styles inline. The selectors follow src/charts/ChartFrame.tsx.
 */
import { chartFigures, chartTitle } from './chart-list';
import { STYLE_DEFAULTS, TEXT_PROPERTIES, buildSvgDocument, styleText, type SvgLegendItem } from './svg-logic';
import type { ChartExport, TableLike } from './types';

export { CHART_SELECTOR, chartFigures, chartTitle } from './chart-list';

/** The chart's picture: the SVG inside its plot area. */
export function chartSvg(figure: Element): SVGSVGElement | null {
  return figure.querySelector<SVGSVGElement>('.chart-plot > svg');
}

/** A rendered table as caption, header cells and body rows (text content, trimmed). */
export function tableFromElement(table: HTMLTableElement): TableLike {
  const cells = (row: Element) => Array.from(row.querySelectorAll('th, td')).map((c) => c.textContent?.trim() ?? '');
  const head = table.tHead?.rows[0];
  return {
    caption: table.caption?.textContent?.trim() ?? '',
    columns: head ? cells(head) : [],
    rows: Array.from(table.tBodies).flatMap((b) => Array.from(b.rows).map(cells)),
  };
}

/** The chart's table alternative (the data-table view, hidden or not). */
export function chartTable(figure: Element): TableLike | null {
  const t =
    figure.querySelector<HTMLTableElement>('.chart-table-wrap table') ??
    figure.querySelector<HTMLTableElement>('table.chart-table');
  return t ? tableFromElement(t) : null;
}

/**
 * Every chart on screen with its table: from `tables` (built from the engine's data) when given, else the table the
 * page shows.
 */
export function chartsOnScreen(
  root: ParentNode = document,
  tables: Readonly<Record<string, () => TableLike>> = {},
): ChartExport[] {
  return chartFigures(root).map((f) => {
    const id = f.getAttribute('data-testid') ?? 'chart';
    const build = tables[id];
    return {
      id,
      title: chartTitle(f),
      table: build ? build() : (chartTable(f) ?? { caption: '', columns: [], rows: [] }),
    };
  });
}

function collectVarNames(rules: CSSRuleList, out: Set<string>) {
  for (const rule of Array.from(rules)) {
    if ('style' in rule) {
      const style = (rule as CSSStyleRule).style;
      for (let i = 0; i < style.length; i++) if (style[i]!.startsWith('--')) out.add(style[i]!);
    }
    if ('cssRules' in rule) collectVarNames((rule as CSSGroupingRule).cssRules, out);
  }
}

/** The theme's CSS custom properties as currently resolved on <html>. */
export function themeCustomProperties(doc: Document = document): Record<string, string> {
  const names = new Set<string>();
  for (const sheet of Array.from(doc.styleSheets)) {
    try {
      collectVarNames(sheet.cssRules, names);
    } catch {
      // a sheet we may not read (none ship from elsewhere); skip it
    }
  }
  const computed = getComputedStyle(doc.documentElement);
  const out: Record<string, string> = {};
  for (const name of [...names].sort()) {
    const v = computed.getPropertyValue(name).trim();
    if (v) out[name] = v;
  }
  return out;
}

function backgroundOf(el: Element | null): string {
  for (let e = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (bg && bg !== 'transparent' && bg !== 'rgba(0, 0, 0, 0)') return bg;
  }
  return getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() || '#ffffff';
}

const PROPS = [...Object.keys(STYLE_DEFAULTS), ...TEXT_PROPERTIES];

/** A clone of `svg` whose elements carry their computed styles inline, serialised child by child. */
function inlineBody(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const live = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const copies = [clone, ...Array.from(clone.querySelectorAll('*'))];
  live.forEach((el, i) => {
    const copy = copies[i]!;
    const cs = getComputedStyle(el);
    const values: Record<string, string> = {};
    for (const p of PROPS) values[p] = cs.getPropertyValue(p);
    const isText = el.tagName.toLowerCase() === 'text' || el.tagName.toLowerCase() === 'tspan';
    const style = styleText(values, isText);
    // Through CSSOM, not setAttribute('style'): the page's Content-Security-Policy (style-src 'self') blocks style
    // attributes written as markup, not CSSOM writes; the serialised clone carries the same style attribute.
    copy.removeAttribute('style');
    if (style) (copy as SVGElement).style.cssText = style;
    copy.removeAttribute('tabindex');
  });
  const serializer = new XMLSerializer();
  return Array.from(clone.childNodes)
    .map((n) => serializer.serializeToString(n))
    .join('');
}

/**
 * The chart's key as on screen, with resolved colours: the colour scale's bands (boxes), then each legend entry, its
 * swatch kind read from the swatch's shape (issue 13 item 6: exports carry the legend, colour scale and marker key).
 */
function legendItems(figure: Element): SvgLegendItem[] {
  const out: SvgLegendItem[] = [];
  for (const li of Array.from(figure.querySelectorAll('.colour-scale__bands li'))) {
    const rect = li.querySelector('rect');
    out.push({
      label: `colour: ${(li.textContent ?? '').trim()}`,
      color: rect ? getComputedStyle(rect).fill : 'none',
      kind: 'box',
    });
  }
  for (const li of Array.from(figure.querySelectorAll('.chart-legend li'))) {
    const shape = li.querySelector('svg > *');
    if (!shape) continue;
    const cs = getComputedStyle(shape);
    const tag = shape.tagName.toLowerCase();
    const kind: SvgLegendItem['kind'] =
      tag === 'line'
        ? cs.strokeDasharray && cs.strokeDasharray !== 'none'
          ? 'dashed'
          : 'line'
        : tag === 'rect'
          ? 'box'
          : 'point';
    const color =
      kind === 'line' || kind === 'dashed'
        ? cs.stroke
        : kind === 'box'
          ? cs.fill
          : cs.fill && cs.fill !== 'none'
            ? cs.fill
            : cs.stroke;
    out.push({ label: (li.textContent ?? '').trim(), color, kind });
  }
  return out;
}

/** A standalone SVG document of the chart in `figure`, captioned. Throws when the chart has no SVG. */
export function chartSvgDocument(figure: Element, caption: string[]): string {
  const svg = chartSvg(figure);
  if (!svg) throw new Error(`${chartTitle(figure)} has no picture to export`);
  const box = svg.viewBox.baseVal;
  const width = box && box.width > 0 ? box.width : svg.clientWidth || 600;
  const height = box && box.height > 0 ? box.height : svg.clientHeight || 400;
  return buildSvgDocument({
    width,
    height,
    body: inlineBody(svg),
    title: chartTitle(figure),
    caption,
    background: backgroundOf(figure),
    foreground: getComputedStyle(figure).color,
    fontFamily: getComputedStyle(svg).fontFamily,
    customProperties: themeCustomProperties(),
    legend: legendItems(figure),
  });
}
