import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../domain/scenario';
import { buildExplorerData } from '../engine/explorer-data';
import { makeLaw } from '../engine/data/law';
import type { TargetData } from '../engine/explorer-data-types';
import { FrontierMap } from './FrontierMap';
import { LOSS, SET, frontierFixture } from './fixtures';
import { targetLine } from './frontier-geometry';
import { Readouts } from './Readouts';
import { targetText } from './readouts-text';

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

const TARGET: TargetData = {
  value: 2.5,
  trainFlops: Float64Array.from([1e19, 1e20]),
  inferenceFlops: Float64Array.from([1e9, 5e8]),
  quality: Float64Array.from([2.5, 2.5]),
  cheapestTrain: 3e19,
  cheapestInference: null,
  trainAtEdge: false,
  inferenceAtEdge: false,
  lifetimeAtTarget: false,
  message: null,
};

describe('target line geometry', () => {
  it('draws a polyline through the scaled points, labelled at the first one', () => {
    const line = targetLine(
      TARGET,
      (v) => Math.log10(v),
      (v) => Math.log10(v),
    )!;
    expect(line.d).toBe('M19.00,9.00L20.00,8.70');
    expect(line.labelX).toBe(19);
    expect(
      targetLine(
        { trainFlops: new Float64Array(0), inferenceFlops: new Float64Array(0) },
        (v) => v,
        (v) => v,
      ),
    ).toBeNull();
  });
});

describe('FrontierMap target', () => {
  it('draws the bold labelled target line only when a target is set, and follows the target', () => {
    const data = frontierFixture();
    const none = renderToStaticMarkup(<FrontierMap data={data} quality={LOSS} set={SET} width={560} />);
    expect(none).not.toContain('chart.frontier.target');
    const html = renderToStaticMarkup(
      <FrontierMap data={{ ...data, target: TARGET }} quality={LOSS} set={SET} width={560} />,
    );
    expect(html).toContain('data-testid="chart.frontier.target"');
    expect(html).toContain('target 2.500 nats');
    expect(html).not.toContain('NaN');
    const other = renderToStaticMarkup(
      <FrontierMap data={{ ...data, target: { ...TARGET, value: 2.4 } }} quality={LOSS} set={SET} width={560} />,
    );
    expect(other).toContain('target 2.400 nats');
  });
});

describe('target readout', () => {
  it('is absent without a target', () => {
    const html = renderToStaticMarkup(<Readouts data={buildExplorerData(BASE)} scenario={BASE} />);
    expect(html).not.toContain('readout.target');
  });
  it('names the cheapest budgets when reachable', () => {
    const law = makeLaw('t2-1', 't2-illustrative');
    const s = { ...BASE, targetQuality: law.optimumAt(BASE.trainFlops, BASE.inferenceFlops).quality };
    const html = renderToStaticMarkup(<Readouts data={buildExplorerData(s)} scenario={s} />);
    expect(html).toContain('data-testid="readout.target"');
    expect(html).toContain('Cheapest budgets reaching the target');
    expect(html).toContain('training 1e21 FLOPs at the current inference budget');
    expect(html).not.toContain('NaN');
  });
  it('says unreachable, or gives the domain message, never NaN', () => {
    const far = buildExplorerData({ ...BASE, targetQuality: 1e-3 });
    expect(targetText(far)).toContain("unreachable within the chart's range");
    const below = buildExplorerData({ ...BASE, qualityModel: 'lifetime', constantSet: 'hoffmann', targetQuality: 1 });
    expect(targetText(below)).toMatch(/irreducible loss/);
    const life = buildExplorerData({ ...BASE, qualityModel: 'lifetime', constantSet: 'hoffmann', targetQuality: 2.5 });
    expect(targetText(life)).toContain('lifetime optimum (triangle) is placed at the target loss');
    for (const d of [far, below, life]) expect(targetText(d)).not.toContain('NaN');
  });
});
