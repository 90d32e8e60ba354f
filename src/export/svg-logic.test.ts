import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { captionLines } from './caption-logic';
import { buildSvgDocument, escapeXml, styleText, wrapText } from './svg-logic';
import { testContext } from './testing/context';
import { findAll, parseXml, textOf } from './testing/xml';

const body =
  '<g transform="translate(40,10)"><path d="M0,0L10,10" style="fill:none;stroke:rgb(10, 20, 30)"/><text x="1" y="2" style="font-family:serif;font-size:12px">1e21 &amp; up</text></g>';

describe('SVG export', () => {
  const ctx = testContext();
  const doc = () =>
    buildSvgDocument({
      width: 600,
      height: 400,
      body,
      title: 'IsoFLOP slice',
      caption: captionLines(ctx, 'IsoFLOP slice'),
      background: 'rgb(17, 17, 17)',
      foreground: 'rgb(240, 240, 240)',
      fontFamily: 'system-ui, "Segoe UI"',
      customProperties: { '--color-bg': 'rgb(17, 17, 17)', '--chart-t2': '#1f77b4', 'not-a-var': 'x' },
    });

  it('is well-formed XML with the chart, background and theme variables', () => {
    const svg = parseXml(doc());
    expect(svg.name).toBe('svg');
    expect(svg.attributes.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(svg.attributes.width).toBe('600');
    expect(Number(svg.attributes.height)).toBeGreaterThan(400);
    expect(svg.attributes['font-family']).toBe('system-ui, "Segoe UI"');
    expect(findAll(svg, 'rect')[0]!.attributes.fill).toBe('rgb(17, 17, 17)');
    expect(findAll(svg, 'path')[0]!.attributes.style).toContain('stroke:rgb(10, 20, 30)');
    const style = textOf(findAll(svg, 'style')[0]!);
    expect(style).toContain('--chart-t2:#1f77b4');
    expect(style).not.toContain('not-a-var');
  });

  it('captions the chart with the scenario, the constant set with its source, the preset and the link', () => {
    const svg = parseXml(doc());
    const caption = findAll(svg, 'g').find((g) => g.attributes.class === 'caption')!;
    const text = findAll(caption, 'text').map(textOf).join(' ');
    expect(text).toContain('IsoFLOP slice');
    expect(text).toContain('Chinchilla loss only');
    expect(text).toContain('N = 70B');
    expect(text).toContain('D = 1.4T');
    expect(text).toContain(ctx.set!.name);
    expect(text.replace(/\s+/g, ' ')).toContain(ctx.set!.source.replace(/\s+/g, ' '));
    expect(text).toContain('arXiv:2203.15556');
    expect(text).toContain('Outside the fitted range');
    // Caption lines fit inside the picture.
    for (const t of findAll(caption, 'text'))
      expect(Number(t.attributes.y)).toBeLessThan(Number(svg.attributes.height));
    expect(findAll(svg, 'title').map(textOf)).toEqual(['IsoFLOP slice']);
  });

  it('escapes any caption text (property: the document always parses and keeps the text)', () => {
    fc.assert(
      fc.property(
        fc.string({
          maxLength: 60,
          unit: fc.constantFrom('a', 'Z', ' ', '<', '>', '&', '"', "'", ';', 'é', '²', '=', '/'),
        }),
        (s) => {
          const text = buildSvgDocument({
            width: 300,
            height: 100,
            body: '',
            title: s,
            caption: [s],
            background: '#fff',
            foreground: '#000',
            fontFamily: s,
            customProperties: {},
          });
          const svg = parseXml(text);
          expect(textOf(findAll(svg, 'title')[0]!)).toBe(s);
        },
      ),
    );
    expect(escapeXml(`<a b="c">&'`)).toBe('&lt;a b=&quot;c&quot;&gt;&amp;&apos;');
  });

  it('inline styles omit initial values and keep fonts on text', () => {
    expect(
      styleText({ fill: 'rgb(0, 0, 0)', stroke: 'rgb(1, 2, 3)', 'stroke-width': '1px', opacity: '0.5' }, false),
    ).toBe('stroke:rgb(1, 2, 3);opacity:0.5');
    expect(styleText({ fill: 'rgb(9, 9, 9)', 'font-family': 'serif', 'font-size': '12px' }, true)).toBe(
      'fill:rgb(9, 9, 9);font-family:serif;font-size:12px',
    );
    expect(styleText({ 'font-family': 'serif' }, false)).toBe('');
  });

  it('wraps words to the width', () => {
    expect(wrapText('aa bb cc dd', 5)).toEqual(['aa bb', 'cc dd']);
    expect(wrapText('averyveryverylongword x', 5)).toEqual(['averyveryverylongword', 'x']);
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 30 }),
        fc.integer({ min: 8, max: 40 }),
        (words, n) => {
          const lines = wrapText(words.join(' '), n);
          expect(lines.join(' ')).toBe(words.join(' '));
          for (const l of lines) expect(l.length).toBeLessThanOrEqual(n);
        },
      ),
    );
  });
});

describe('the test XML reader', () => {
  it('rejects malformed documents', () => {
    for (const bad of [
      '<a><b></a>',
      '<a>',
      '<a x=1/>',
      '<a>&nope;</a>',
      '<a>a & b</a>',
      '<a/><b/>',
      '<a x="1" x="2"/>',
    ]) {
      expect(() => parseXml(bad), bad).toThrow();
    }
    expect(textOf(parseXml('<?xml version="1.0"?><a>x &lt; <b>y</b>&#65;</a>'))).toBe('x < yA');
  });
});

describe('the exported SVG carries the legend (issue 13 item 6)', () => {
  it('draws every legend entry and colour band between the chart and the caption, and parses as XML', async () => {
    const { buildSvgDocument: build } = await import('./svg-logic');
    const svg = build({
      width: 600,
      height: 300,
      body: '<rect width="10" height="10"/>',
      title: 'Frontier map',
      caption: ['Scenario: N = 100M'],
      background: '#fff',
      foreground: '#000',
      fontFamily: 'sans-serif',
      customProperties: {},
      legend: [
        { label: 'colour: ≤ 3.9 nats', color: 'rgb(31, 111, 235)', kind: 'box' },
        { label: 'Current design', color: 'rgb(31, 111, 235)', kind: 'point' },
        { label: "Pareto frontier at the design's task NLL", color: '#000', kind: 'dashed' },
      ],
    });
    expect(svg).toContain('<g class="legend"');
    expect(svg).toContain('colour: ≤ 3.9 nats');
    expect(svg).toContain('Current design');
    expect(svg).toContain('Pareto frontier at the design&apos;s task NLL');
    expect(svg).toContain('stroke-dasharray="4 3"');
    const height = Number(/height="(\d+)"/.exec(svg)![1]);
    const captionY = Number(/<text x="8" y="([\d.]+)">Scenario/.exec(svg)![1]);
    const legendYs = [...svg.matchAll(/<text x="[\d.]+" y="([\d.]+)">(colour|Current|Pareto)/g)].map((m) =>
      Number(m[1]),
    );
    expect(Math.max(...legendYs)).toBeLessThan(captionY);
    expect(Math.min(...legendYs)).toBeGreaterThan(300);
    expect(captionY).toBeLessThan(height);
  });
});
