/**
 * Chart SVG export, pure string building. The DOM side (./chart-dom.ts) clones the chart's <svg>, writes each element's
 * computed paint and text styles inline (so colours match the theme without the page's CSS) and serialises the
 * clone's children; this module wraps them in a standalone document with the theme's background, the resolved CSS
 * custom properties, and a caption naming the scenario, the constant set and the source.
 */

/** Computed style properties copied inline, with their initial values (not written when equal). */
export const STYLE_DEFAULTS: Readonly<Record<string, string>> = Object.freeze({
  fill: 'rgb(0, 0, 0)',
  'fill-opacity': '1',
  'fill-rule': 'nonzero',
  stroke: 'none',
  'stroke-width': '1px',
  'stroke-opacity': '1',
  'stroke-dasharray': 'none',
  'stroke-linecap': 'butt',
  'stroke-linejoin': 'miter',
  opacity: '1',
  visibility: 'visible',
  display: 'inline',
  'font-weight': '400',
  'text-anchor': 'start',
  'dominant-baseline': 'auto',
  'paint-order': 'normal',
});

/** Written on text elements whatever their value (fonts differ between machines). */
export const TEXT_PROPERTIES = ['font-family', 'font-size'] as const;

/** Inline style text of an element from its computed values, omitting initial values. */
export function styleText(computed: Readonly<Record<string, string>>, isText: boolean): string {
  const parts: string[] = [];
  for (const [prop, initial] of Object.entries(STYLE_DEFAULTS)) {
    const v = computed[prop];
    if (v !== undefined && v !== '' && v !== initial) parts.push(`${prop}:${v}`);
  }
  if (isText) for (const prop of TEXT_PROPERTIES) if (computed[prop]) parts.push(`${prop}:${computed[prop]}`);
  return parts.join(';');
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

/** Greedy word wrap to at most `maxChars` per line (a word longer than that gets its own line). */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export interface SvgDocumentInput {
  /** Width and height of the chart's viewBox. */
  width: number;
  height: number;
  /** Serialised children of the chart's <svg> (styles already inline). */
  body: string;
  title: string;
  /** Caption paragraphs (wrapped to the width here). */
  caption: string[];
  background: string;
  foreground: string;
  fontFamily: string;
  /** Resolved CSS custom properties of the theme (name with leading --). */
  customProperties: Readonly<Record<string, string>>;
  /** The chart's key as on screen (legend, colour scale, marker key), drawn between the chart and the caption. */
  legend?: readonly SvgLegendItem[];
}

/** One legend entry of an exported chart: a swatch (line, dashed line, point, filled box) and its label. */
export interface SvgLegendItem {
  label: string;
  /** Resolved colour (no custom properties: the export stands alone). */
  color: string;
  kind: 'line' | 'dashed' | 'point' | 'box';
}

const LEGEND_ROW = 16;

/** The legend as SVG rows starting at `top`, two columns when the chart is wide; returns its markup and height. */
export function legendSvg(
  items: readonly SvgLegendItem[],
  width: number,
  top: number,
  foreground: string,
): { svg: string; height: number } {
  if (items.length === 0) return { svg: '', height: 0 };
  const columns = width >= 560 ? 2 : 1;
  const colWidth = (width - 16) / columns;
  const maxChars = Math.max(12, Math.floor((colWidth - 30) / (CAPTION_FONT * 0.55)));
  const rows = Math.ceil(items.length / columns);
  const parts = items.map((item, i) => {
    const x = 8 + Math.floor(i / rows) * colWidth;
    const y = top + (i % rows) * LEGEND_ROW + 10;
    const c = escapeXml(item.color);
    const swatch =
      item.kind === 'point'
        ? `<circle cx="${x + 9}" cy="${y - 4}" r="4" fill="${c}"/>`
        : item.kind === 'box'
          ? `<rect x="${x + 2}" y="${y - 9}" width="14" height="10" fill="${c}" stroke="${escapeXml(foreground)}" stroke-width="0.5"/>`
          : `<line x1="${x}" x2="${x + 18}" y1="${y - 4}" y2="${y - 4}" stroke="${c}" stroke-width="2"${item.kind === 'dashed' ? ' stroke-dasharray="4 3"' : ''}/>`;
    const label = item.label.length > maxChars ? `${item.label.slice(0, maxChars - 1)}…` : item.label;
    return `<g class="legend-item">${swatch}<text x="${x + 24}" y="${y}">${escapeXml(label)}</text></g>`;
  });
  return {
    svg: `<g class="legend" font-size="${CAPTION_FONT}" fill="${escapeXml(foreground)}">${parts.join('')}</g>`,
    height: rows * LEGEND_ROW + 6,
  };
}

const CAPTION_FONT = 11;
const LINE_HEIGHT = 15;

/** A standalone SVG document: background, the chart, then the caption below it. */
export function buildSvgDocument(o: SvgDocumentInput): string {
  const maxChars = Math.max(20, Math.floor((o.width - 16) / (CAPTION_FONT * 0.55)));
  const lines = o.caption.flatMap((p) => wrapText(p, maxChars));
  const legend = legendSvg(o.legend ?? [], o.width, o.height + 4, o.foreground);
  const captionTop = o.height + legend.height;
  const total = Math.ceil(captionTop + 8 + lines.length * LINE_HEIGHT + 6);
  const vars = Object.entries(o.customProperties)
    .filter(([name]) => /^--[A-Za-z0-9_-]+$/.test(name))
    .map(([name, value]) => `${name}:${value.replace(/[<>{};]/g, '')}`)
    .join(';');
  const text = lines
    .map((l, i) => `<text x="8" y="${captionTop + 8 + (i + 1) * LINE_HEIGHT - 4}">${escapeXml(l)}</text>`)
    .join('');
  return (
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<svg xmlns="http://www.w3.org/2000/svg" width="${o.width}" height="${total}" viewBox="0 0 ${o.width} ${total}" font-family="${escapeXml(o.fontFamily)}">`,
      `<title>${escapeXml(o.title)}</title>`,
      `<style>svg{${vars}}</style>`,
      `<rect x="0" y="0" width="${o.width}" height="${total}" fill="${escapeXml(o.background)}"/>`,
      `<g class="chart">${o.body}</g>`,
      legend.svg,
      `<g class="caption" font-size="${CAPTION_FONT}" fill="${escapeXml(o.foreground)}">${text}</g>`,
      '</svg>',
    ].join('\n') + '\n'
  );
}
