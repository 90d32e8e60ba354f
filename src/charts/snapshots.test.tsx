/**
 * Deterministic SVG snapshots of every chart on fixed inputs (issue 13; Observable Plot's approach): the same scenario
 * and width always give the same markup, so a changed contour, label, legend or colour scale shows up as a diff of
 * the committed files in __snapshots__/ (update deliberately with `npx vitest run src/charts/snapshots.test.tsx -u`).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../domain/scenario';
import { buildExplorerData } from '../engine/explorer-data';
import { EpochChart } from './EpochChart';
import { frontierFixture, LOSS, SET } from './fixtures';
import { FrontierMap } from './FrontierMap';
import { IsoflopChart } from './IsoflopChart';
import { PasskChart } from './PasskChart';
import { TokensPerParamChart } from './TokensPerParamChart';

const FIXED: Scenario = {
  qualityModel: 't2-1',
  constantSet: 't2-illustrative',
  params: 1e8,
  tokens: 2.56e19 / 6e8,
  samples: 10,
  trainFlops: 2.56e19,
  inferenceFlops: 2e9,
  tokensServed: 2e12,
  targetQuality: 0,
};

/** One line per tag, so a diff points at the element that changed. */
const pretty = (html: string) => `${html.replace(/></g, '>\n<')}\n`;

describe('chart snapshots on fixed inputs', () => {
  const data = buildExplorerData(FIXED);

  it('frontier map (hand-made 4×3 grid): contours, labels, colour scale, marker key', async () => {
    const html = renderToStaticMarkup(<FrontierMap data={frontierFixture()} quality={LOSS} set={SET} width={560} />);
    expect(html).toContain('data-testid="chart.frontier.colour-scale"');
    await expect(pretty(html)).toMatchFileSnapshot('__snapshots__/frontier-fixture.html');
  });

  it("frontier map (T² Approach 1, illustrative set, the paper's setting)", async () => {
    const html = renderToStaticMarkup(
      <FrontierMap data={data.frontier} quality={data.quality} set={data.set} width={560} />,
    );
    await expect(pretty(html)).toMatchFileSnapshot('__snapshots__/frontier-t2.html');
  });

  it('tokens per parameter', async () => {
    const html = renderToStaticMarkup(
      <TokensPerParamChart data={data.tokensPerParam} quality={data.quality} set={data.set} width={560} />,
    );
    await expect(pretty(html)).toMatchFileSnapshot('__snapshots__/tokens-per-param.html');
  });

  it('isoFLOP slice', async () => {
    const html = renderToStaticMarkup(
      <IsoflopChart
        data={data.isoflop}
        quality={data.quality}
        set={data.set}
        chinchilla={data.frontier.chinchilla}
        width={560}
      />,
    );
    await expect(pretty(html)).toMatchFileSnapshot('__snapshots__/isoflop.html');
  });

  it('pass@k', async () => {
    const html = renderToStaticMarkup(<PasskChart data={data.passk} set={data.set} width={560} />);
    await expect(pretty(html)).toMatchFileSnapshot('__snapshots__/passk.html');
  });

  it('Epoch trade-offs', async () => {
    const html = renderToStaticMarkup(<EpochChart data={data.epoch} width={760} />);
    await expect(pretty(html)).toMatchFileSnapshot('__snapshots__/epoch.html');
  });
});
