import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { T2Approach1Set } from '../domain/constants-types';
import type { UserConstantSet } from '../domain/registry';
import type { Scenario } from '../domain/scenario';
import { getT2Approach1Set } from '../domain/t2-sets';
import { buildExplorerData } from '../engine/explorer-data';
import { Readouts } from './Readouts';

const S: Scenario = {
  qualityModel: 't2-1',
  constantSet: 't2-illustrative',
  params: 3e9,
  tokens: 1e11,
  samples: 1,
  trainFlops: 1e22,
  inferenceFlops: 1e10,
  tokensServed: 2e12,
  targetQuality: 0,
};

describe('readout.paper-setting', () => {
  it('is shown under the T² models only, with N, D/N, k and pass@k of both designs', () => {
    const html = renderToStaticMarkup(<Readouts data={buildExplorerData(S)} scenario={S} />);
    const block = /data-testid="readout.paper-setting">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
    expect(block).toContain('At the T² paper&#x27;s setting (C_train = 2.56e19 FLOPs, C_inf = 2e9 FLOPs/token)');
    expect(block.match(/N = [\d.]+[kMB]?, D\/N = [\d.]+, k = [\d.]+, implied pass@k/g)).toHaveLength(2);
    expect(block).toContain('agrees with the direction of the paper&#x27;s Table 1');
    const chin = { ...S, qualityModel: 'chinchilla' as const, constantSet: 'hoffmann' };
    expect(renderToStaticMarkup(<Readouts data={buildExplorerData(chin)} scenario={chin} />)).not.toContain(
      'readout.paper-setting',
    );
  });

  it('says so when the set does not follow Table 1', () => {
    const ill = getT2Approach1Set('t2-illustrative')!;
    const user: UserConstantSet = {
      family: 't2-1',
      set: {
        ...ill,
        id: 'u',
        name: 'No k term',
        kind: 'user',
        constants: { ...ill.constants, G: 1e-9 },
      } as T2Approach1Set,
    };
    const s = { ...S, constantSet: 'u', userSet: user };
    expect(renderToStaticMarkup(<Readouts data={buildExplorerData(s)} scenario={s} />)).toContain(
      'does NOT follow the direction of the paper&#x27;s Table 1',
    );
  });
});
