/** The extrapolation marking as drawn: fitted region on charts 1 and 2, hollow marks outside it, readout sentences. */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FittedRange, T2Approach2Set } from '../domain/constants-types';
import type { UserConstantSet } from '../domain/registry';
import type { Scenario } from '../domain/scenario';
import { getT2Approach2Set } from '../domain/t2-sets';
import { buildExplorerData } from '../engine/explorer-data';
import { FrontierMap } from './FrontierMap';
import { IsoflopChart } from './IsoflopChart';
import { Readouts } from './Readouts';
import { TokensPerParamChart } from './TokensPerParamChart';

/** A fixture set shaped like a public fit (not shipped): 10M–7B parameters, 5–640 tokens per parameter, k 1–100. */
const RANGE: FittedRange = { params: [1e7, 7e9], tokens: [1e8, 3e12], samples: [1, 100], tokensPerParam: [5, 640] };
const ill = getT2Approach2Set('t2-illustrative')!;
const user: UserConstantSet = {
  family: 't2-2',
  set: { ...ill, id: 'user-fx', name: 'Fixture fit', kind: 'user', range: RANGE } as T2Approach2Set,
};
const BASE: Scenario = {
  qualityModel: 't2-2',
  constantSet: 'user-fx',
  userSet: user,
  params: 1e8,
  tokens: 2e10,
  samples: 10,
  trainFlops: 1.2e19,
  inferenceFlops: 2e9,
  tokensServed: 2e12,
  targetQuality: 0,
};
const tag = (html: string, testId: string) =>
  new RegExp(`<g[^>]*data-testid="${testId.replaceAll('.', '\\.')}"[^>]*>`).exec(html)?.[0] ?? '';

describe('extrapolation marking on the charts and readouts', () => {
  it('inside the fitted data: region shaded, marks filled, no extrapolation readout', () => {
    const d = buildExplorerData(BASE);
    expect(d.readouts.extrapolation!.optimum!.text).toBeNull();
    const map = renderToStaticMarkup(<FrontierMap data={d.frontier} quality={d.quality} set={d.set} width={560} />);
    expect(map).toContain('data-testid="chart.frontier.fitted"');
    expect(map).toContain('Fitted region: the optimum lies inside the data Fixture fit was fitted on');
    expect(tag(map, 'chart.frontier.optimum')).not.toContain('data-extrapolated');
    const tpp = renderToStaticMarkup(
      <TokensPerParamChart data={d.tokensPerParam} quality={d.quality} set={d.set} width={560} />,
    );
    expect(tpp).toContain('data-testid="chart.tokens-per-param.fitted"');
    expect(tag(tpp, 'chart.tokens-per-param.current')).not.toContain('data-extrapolated');
    const iso = renderToStaticMarkup(
      <IsoflopChart data={d.isoflop} quality={d.quality} set={d.set} chinchilla={null} width={560} />,
    );
    expect(tag(iso, 'chart.isoflop.optimum')).not.toContain('data-extrapolated');
    expect(renderToStaticMarkup(<Readouts data={d} scenario={BASE} />)).not.toContain('readout.extrapolation');
  });

  it('at 1e23 FLOPs the optimum leaves the data: hollow marks, legend text, readout with dimension and factor', () => {
    const s: Scenario = {
      ...BASE,
      trainFlops: 1e23,
      inferenceFlops: 1.4e11,
      params: 7e9,
      tokens: 1e23 / 4.2e10,
      samples: 10,
    };
    const d = buildExplorerData(s);
    const text = d.readouts.extrapolation!.optimum!.text!;
    expect(text).toMatch(/D\/N [\d.e]+× above the fitted range \(5–640 tokens per parameter\)/);
    const map = renderToStaticMarkup(<FrontierMap data={d.frontier} quality={d.quality} set={d.set} width={560} />);
    expect(tag(map, 'chart.frontier.optimum')).toContain('data-extrapolated="true"');
    expect(tag(map, 'chart.frontier.optimum')).toContain(text);
    expect(map).toContain('Hollow, dashed mark: extrapolated (outside the fitted data)');
    const tpp = renderToStaticMarkup(
      <TokensPerParamChart data={d.tokensPerParam} quality={d.quality} set={d.set} width={560} />,
    );
    expect(tag(tpp, 'chart.tokens-per-param.current')).toContain('data-extrapolated="true"');
    expect(tpp).toContain('Optimum at the current budgets (extrapolated: hollow)');
    const iso = renderToStaticMarkup(
      <IsoflopChart data={d.isoflop} quality={d.quality} set={d.set} chinchilla={null} width={560} />,
    );
    expect(tag(iso, 'chart.isoflop.optimum')).toContain('data-extrapolated="true"');
    expect(iso).toContain('Optimum (extrapolated: hollow)');
    const readouts = renderToStaticMarkup(<Readouts data={d} scenario={s} />);
    expect(readouts).toContain('data-testid="readout.extrapolation"');
    expect(readouts).toContain('The optimum at these budgets is extrapolated beyond the data of this set: ');
    expect(readouts).toMatch(/optimum at the current budgets reaches [\d.]+ % \[extrapolated\]/);
  });
});
