/**
 * Every consumer of the quality-model and constant-family registries (src/domain/quality-models.ts,
 * src/domain/constant-families.ts) handles every entry: adding a model or a family and forgetting a consumer fails
 * here. The app folder may import every layer, so the test lives here.
 */
import { describe, expect, it } from 'vitest';
import { CONSTANT_FAMILIES, constantFamily } from '../domain/constant-families';
import { constantSets } from '../domain/constant-sets';
import { QUALITY_MODEL_REGISTRY, qualityModel } from '../domain/quality-models';
import { defaultConstantSet } from '../domain/registry';
import type { Scenario } from '../domain/scenario';
import { CONSTANT_KEYS } from '../byod/constant-keys';
import { buildUserSet, decodeUserSet, encodeUserSet } from '../byod/user-set-logic';
import { FIELDS_OF, FIT_KIND_NAMES, MIN_ROWS } from '../domain/runs';
import { QUALITY_MODEL_NAMES } from '../components/ScenarioSelects';
import { isAccuracyModel, targetUnit } from '../components/target-quality-logic';
import { buildExplorerData } from '../engine/explorer-data';
import { OBSERVED_LABEL } from '../engine/fit-job';
import { buildMeasuredOverlay } from '../engine/lab-overlay';
import { MODEL_NAMES } from '../export/scenario-rows';
import { registryCatalog } from '../store/url/catalog';
import { decodeScenario, encodeScenario } from '../store/url/codec';
import { defaultScenario, QUALITY_MODELS } from '../store/url/schema';
import { describeValue } from '../teaching/locks';

const base = defaultScenario(defaultConstantSet);

describe.each(QUALITY_MODEL_REGISTRY.ids)('quality model %s', (id) => {
  const spec = qualityModel(id);
  const s: Scenario = { ...base, qualityModel: id, constantSet: defaultConstantSet(id) };

  it('is listed by the select, the exports, the presenter notices, the target field and the URL schema', () => {
    expect(QUALITY_MODELS).toContain(id);
    expect(QUALITY_MODEL_NAMES[id]).toBe(spec.name);
    expect(MODEL_NAMES[id]).toBe(spec.name);
    expect(describeValue('qualityModel', s)).toBe(spec.shortName);
    expect(targetUnit(id)).toBe(spec.targetUnit);
    expect(isAccuracyModel(id)).toBe(spec.quality.higherIsBetter);
  });

  it('survives a link', () => {
    const text = encodeScenario(s, registryCatalog);
    const back = decodeScenario(text, registryCatalog);
    expect(back.issues).toEqual([]);
    expect(back.scenario.qualityModel).toBe(id);
    expect(back.scenario.constantSet).toBe(s.constantSet);
  });

  it('charts: every chart builds, with its notes and its pass@k curve when it has one', () => {
    const data = buildExplorerData(s);
    expect(data.quality).toEqual(spec.quality);
    expect(data.frontier.note).toBe(spec.notes.frontier);
    expect(data.passk.available).toBe(spec.passAtK !== null);
    expect(data.passk.subtitle).toBe(spec.notes.passk);
    expect(data.tokensPerParam.note).toBe(spec.notes.tokensPerParam);
    if (spec.accounting === 'two-budget') expect(data.isoflop.note).toBe(spec.notes.isoflop);
    expect(Number.isFinite(data.readouts.quality)).toBe(true);
    expect(data.paperSetting === null).toBe(!spec.paperSetting);
    expect(
      data.readouts.savings === null ||
        (data.readouts.savings.mode === 'lifetime') === (spec.accounting === 'lifetime'),
    ).toBe(true);
  });

  it('draws lab runs with the measurement the model compares with', () => {
    const measured = [{ params: 1e5, tokens: 2e6, samples: 4, passAtK: 0.3, nll: 1.2 }];
    const overlay = buildMeasuredOverlay({ ...s, measured }, () => 0.5)!;
    expect(overlay.quantity).toBe(spec.measured.quantity);
    expect(overlay.frontierRuns.quality[0]).toBe(measured[0]![spec.measured.field]);
    expect(Number.isNaN(overlay.predicted[0])).toBe(!spec.measured.predicts);
    expect(overlay.passkRuns === null).toBe(spec.passAtK === null);
  });
});

describe.each(CONSTANT_FAMILIES.ids)('constant family %s', (id) => {
  const f = constantFamily(id);

  it('is known to the fit tables and the fit job', () => {
    expect(CONSTANT_KEYS[id]).toEqual(f.keys);
    expect(FIELDS_OF[id]).toEqual(f.fields);
    expect(MIN_ROWS[id]).toBe(f.minRows);
    expect(FIT_KIND_NAMES[id]).toBe(f.fitName);
    expect(OBSERVED_LABEL[id]).toBe(f.observedLabel);
  });

  it('a user set of the family survives a link', () => {
    const constants = constantSets(id).sets[0]!.constants as unknown as Record<string, number>;
    const user = buildUserSet({
      family: id,
      constants,
      range: { params: [1e6, 1e8], tokens: [1e8, 1e10] },
      fittedRuns: 12,
    });
    const back = decodeUserSet(encodeUserSet(user));
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.value.family).toBe(id);
  });
});
