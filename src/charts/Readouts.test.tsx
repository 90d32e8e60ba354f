import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { QualityModel, Scenario } from '../domain/scenario';
import { buildExplorerData } from '../engine/explorer-data';
import { Readouts } from './Readouts';
import { lessOrMore, savingsText } from './readouts-text';

const BASE: Scenario = {
  qualityModel: 't2-1',
  constantSet: 't2-illustrative',
  params: 1e8,
  tokens: 1e10,
  samples: 10,
  trainFlops: 1e21,
  inferenceFlops: 2e9,
  tokensServed: 2e12,
  targetQuality: 0,
};
const render = (s: Scenario) => renderToStaticMarkup(<Readouts data={buildExplorerData(s)} scenario={s} />);

describe('Readouts', () => {
  it('shows every readout with its test id, each naming the constant set', () => {
    const html = render(BASE);
    for (const id of ['readout.quality', 'readout.savings', 'readout.tokens-per-param', 'readout.lifetime-split']) {
      const block = new RegExp(`data-testid="${id}">([\\s\\S]*?)</p>`).exec(html)?.[1] ?? '';
      expect(block).toContain('[constants: t2-illustrative]');
      expect(block).toContain('T² Approach 1, illustrative');
    }
    expect(html).toContain('illustrative, not fitted');
    expect(html).toContain('Roberts et al. 2026');
  });

  it('reads the predicted quality with its unit', () => {
    const d = buildExplorerData(BASE);
    expect(render(BASE)).toContain(
      `Predicted task NLL of the current design: ${d.readouts.quality.toPrecision(4)} nats`,
    );
  });

  it('states the savings of the optimum as factors', () => {
    const d = buildExplorerData(BASE);
    const html = render(BASE);
    expect(d.readouts.savings).not.toBeNull();
    expect(html).toContain(
      `with ${d.readouts.savings!.both.toPrecision(2)}× less training and ${d.readouts.savings!.both.toPrecision(2)}× less inference compute`,
    );
  });

  it('shows the lifetime split as shares of training and inference', () => {
    // 6ND = 6e18, 2NkT = 2e8·10·2e12 = 4e21: 0.1 % training.
    expect(render(BASE)).toMatch(/0\.1 % training \(6e18 FLOPs\), 99\.9 % inference \(4e21 FLOPs\)/);
  });

  it('warns only when N, D or k lies outside the fitted range', () => {
    expect(render(BASE)).not.toContain('readout.range-warning');
    const html = render({ ...BASE, params: 7e10 });
    expect(html).toContain('data-testid="readout.range-warning"');
    expect(html).toContain('N = 70B lies outside the range');
  });

  it.each(['t2-2', 'chinchilla', 'lifetime'] as QualityModel[])('renders for %s without NaN', (m) => {
    const html = render({ ...BASE, qualityModel: m, constantSet: m === 't2-2' ? 't2-illustrative' : 'besiroglu' });
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
    if (m !== 't2-2') expect(html).toContain('Besiroglu');
    if (m === 'lifetime') expect(html).toContain('lifetime optimum (Sardana et al.)');
  });

  it('says it is computing when there is no data', () => {
    expect(renderToStaticMarkup(<Readouts data={null} scenario={BASE} />)).toContain('Computing');
  });
});

describe('readouts text', () => {
  it('writes factors below one as "more"', () => {
    expect(lessOrMore(4)).toBe('4.0× less');
    expect(lessOrMore(0.5)).toBe('2.0× more');
    expect(lessOrMore(1.001)).toBe('the same');
  });
  it('says when the design is on the frontier', () => {
    expect(savingsText(null, 't2-1')).toMatch(/on the frontier/);
  });
});
