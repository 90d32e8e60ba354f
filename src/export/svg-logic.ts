/**
 * Chart SVG export, pure string building. The DOM side (./chart-dom.ts) clones the chart's <svg>, writes each element's
 * computed paint and text styles inline (so colours match the theme without the page's CSS) and serialises the
 * clone's children; this module wraps them in a standalone document with the theme's background, the resolved CSS
 * custom properties, and a caption naming the scenario, the constant set and the source.
 */

/** Computed style properties copied inline, with their initial values (not written when equal). */
export const STYLE_DEFAULTS: Readonly<Record<string, string>> = Object.freeze({
  fill: 'rgb(0, 0, 0)', 'fill-opacity': '1', 'fill-rule': 'nonzero',
  stroke: 'none', 'stroke-width': '1px', 'stroke-opacity': '1', 'stroke-dasharray': 'none',
  'stroke-linecap': 'butt', 'stroke-linejoin': 'miter', opacity: '1', visibility: 'visible', display: 'inline',
  'font-weight': '400', 'text-anchor': 'start', 'dominant-baseline': 'auto', 'paint-order': 'normal',
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
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Greedy word wrap to at most `maxChars` per line (a word longer than that gets its own line). */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
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
}

const CAPTION_FONT = 11;
const LINE_HEIGHT = 15;

/** A standalone SVG document: background, the chart, then the caption below it. */
export function buildSvgDocument(o: SvgDocumentInput): string {
  const maxChars = Math.max(20, Math.floor((o.width - 16) / (CAPTION_FONT * 0.55)));
  const lines = o.caption.flatMap((p) => wrapText(p, maxChars));
  const total = Math.ceil(o.height + 8 + lines.length * LINE_HEIGHT + 6);
  const vars = Object.entries(o.customProperties)
    .filter(([name]) => /^--[A-Za-z0-9_-]+$/.test(name))
    .map(([name, value]) => `${name}:${value.replace(/[<>{};]/g, '')}`)
    .join(';');
  const text = lines
    .map((l, i) => `<text x="8" y="${o.height + 8 + (i + 1) * LINE_HEIGHT - 4}">${escapeXml(l)}</text>`)
    .join('');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${o.width}" height="${total}" viewBox="0 0 ${o.width} ${total}" font-family="${escapeXml(o.fontFamily)}">`,
    `<title>${escapeXml(o.title)}</title>`,
    `<style>svg{${vars}}</style>`,
    `<rect x="0" y="0" width="${o.width}" height="${total}" fill="${escapeXml(o.background)}"/>`,
    `<g class="chart">${o.body}</g>`,
    `<g class="caption" font-size="${CAPTION_FONT}" fill="${escapeXml(o.foreground)}">${text}</g>`,
    '</svg>',
  ].join('\n') + '\n';
}
