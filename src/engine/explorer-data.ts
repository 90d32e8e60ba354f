/**
 * The engine's chart-data builder: one pure, synchronous call turns a scenario into the data of every chart and
 * readout (ExplorerData), from the domain core. Expensive parts are memoised by the scenario fields they depend on:
 * the frontier grid by law and decade window, the tokens-per-parameter sweep by law, window and inference budget, the
 * Epoch curves by Chinchilla constants, so dragging N, D or k recomputes only the cheap parts; on top, each chart's
 * data is kept by the key of what it depends on (./chart-parts.ts) and rebuilt only when that key changes.
 */
import { isLifetimeAccounting } from '../domain/quality-models';
import { chinchillaOptimum } from '../domain/chinchilla';
import { DomainError, assertPositive } from '../domain/errors';
import type { Scenario } from '../domain/scenario';
import { buildCost } from './data/cost';
import { buildEpoch, clearEpochCache } from './data/epoch';
import { buildFrontier, clearFrontierCache, lifetimePoint } from './data/frontier';
import { buildIsoflop } from './data/isoflop';
import { makeLaw } from './data/law';
import { buildPaperSetting, clearPaperSettingCache } from './data/paper-setting';
import { buildPassk } from './data/passk';
import { designPoint } from './data/points';
import { buildReadouts } from './data/readouts';
import { buildTarget, checkTarget, clearTargetCache } from './data/target';
import { buildTokensPerParam, clearTokensPerParamCache } from './data/tokens-per-param';
import type { ExplorerData } from './explorer-data-types';
import { buildUserOverlay } from './fit-overlay';
import { buildMeasuredOverlay } from './lab-overlay';
import {
  isoflopKey,
  lawPartKey,
  measuredKey,
  PartMemo,
  passkKey,
  tokensPerParamKey,
  userKey,
  type ChartPart,
  type PartKeys,
} from './chart-parts';
import { userDataKey } from './user-data';

export type { ExplorerData } from './explorer-data-types';

/** Throws a DomainError naming the first field of the scenario that the builder cannot use. */
export function assertScenario(s: Scenario): void {
  assertPositive('parameters N', s.params);
  assertPositive('training tokens D', s.tokens);
  assertPositive('samples per question k', s.samples);
  assertPositive('training budget', s.trainFlops);
  assertPositive('inference budget per token', s.inferenceFlops);
  if (!Number.isFinite(s.tokensServed) || s.tokensServed < 0) {
    throw new DomainError(`tokens served must be a non-negative finite number (got ${s.tokensServed})`);
  }
  if (s.inferenceFlops < 2) {
    throw new DomainError(`inference budget ${s.inferenceFlops} FLOPs per token cannot run one sample of any model`);
  }
}

/** The data of every chart and readout for `scenario`. @throws DomainError on an unusable scenario. */
export function buildExplorerData(scenario: Scenario): ExplorerData {
  return buildExplorerParts(scenario).data;
}

const parts = new PartMemo();

/** The parts rebuilt by the last build (the others came from the memo): for tests and the benchmark. */
export function lastRebuiltParts(): readonly ChartPart[] {
  return parts.rebuilt;
}

/**
 * The data of every chart and readout, and the key of each memoised part (./chart-parts.ts): a part is rebuilt only
 * when its key changes, so a k move leaves the Epoch spans, the paper setting and (mostly) the tokens-per-parameter
 * lines alone. `dataKey` names the user set's heavy data (./user-data.ts; computed when absent).
 * @throws DomainError on an unusable scenario.
 */
export function buildExplorerParts(scenario: Scenario, dataKey?: string): { data: ExplorerData; keys: PartKeys } {
  assertScenario(scenario);
  parts.begin();
  const law = makeLaw(scenario.qualityModel, scenario.constantSet, scenario.userSet, scenario.strategy);
  // Lab runs are measured pass@k (any correct sample counts): they are compared with the oracle law, whatever the strategy.
  const passkLaw = law.strategy ? makeLaw(scenario.qualityModel, scenario.constantSet, scenario.userSet) : law;
  const lawKey = lawPartKey(law);
  const meta = parts.get('law', lawKey, () => ({ model: law.model, set: law.set, quality: law.info }));
  const design = designPoint({
    params: scenario.params,
    tokens: scenario.tokens,
    samples: scenario.samples,
    quality: law.quality(scenario.params, scenario.tokens, scenario.samples),
  });
  const optimum = designPoint(law.optimumAt(scenario.trainFlops, scenario.inferenceFlops));
  // A usable target replaces the design's loss in Sardana et al.'s lifetime optimum.
  const targetLoss = isLifetimeAccounting(law.model) ? checkTarget(law, scenario.targetQuality).value : null;
  const lifetime = isLifetimeAccounting(law.model) ? lifetimePoint(law, targetLoss ?? design.quality, scenario) : null;
  const chinchillaTpp = chinchillaOptimum(law.chinchilla, scenario.trainFlops).tokensPerParam;
  const readouts = buildReadouts(law, scenario, design, optimum, chinchillaTpp, lifetime);
  const cut = readouts.savings?.mode === 'two-budget' ? readouts.savings.both : null;
  const equalQuality =
    cut === null ? null : designPoint(law.optimumAt(design.trainFlops / cut, design.inferenceFlops / cut));
  const frontier = buildFrontier(law, scenario, design, { optimum, lifetime, equalQuality });
  frontier.target = buildTarget(
    law,
    scenario.targetQuality,
    frontier.gridKey,
    frontier.trainFlops,
    frontier.inferenceFlops,
    frontier.budget,
    targetLoss !== null && lifetime !== null,
  );
  const window: [number, number] = [
    Math.log10(frontier.trainFlops[0]!),
    Math.log10(frontier.trainFlops[frontier.trainFlops.length - 1]!),
  ];
  const keys: PartKeys = {
    law: lawKey,
    tokensPerParam: tokensPerParamKey(lawKey, scenario, window, isLifetimeAccounting(law.model)),
    isoflop: isoflopKey(lawKey, scenario, design),
    passk: passkKey(lawKey, scenario),
    epoch: lawKey,
    paperSetting: lawKey,
    user: '',
    measured: measuredKey(lawKey, scenario),
  };
  keys.user = userKey(scenario, dataKey ?? userDataKey(scenario.userSet), keys.isoflop);
  const isoflop = parts.get('isoflop', keys.isoflop, () => buildIsoflop(law, scenario, design));
  const data: ExplorerData = {
    ...meta,
    frontier,
    tokensPerParam: parts.get('tokensPerParam', keys.tokensPerParam, () => buildTokensPerParam(law, scenario, window)),
    isoflop,
    passk: parts.get('passk', keys.passk, () => buildPassk(law, scenario)),
    epoch: parts.get('epoch', keys.epoch, () => buildEpoch(law)),
    readouts,
    paperSetting: parts.get('paperSetting', keys.paperSetting, () => buildPaperSetting(law)),
    user: parts.get('user', keys.user, () => buildUserOverlay(scenario, isoflop)),
    measured: parts.get('measured', keys.measured, () =>
      buildMeasuredOverlay(scenario, (n, d, k) => passkLaw.quality(n, d, k)),
    ),
    cost: buildCost(law, scenario, design, isLifetimeAccounting(law.model) ? lifetime : optimum),
  };
  return { data, keys };
}

/** Empties the builder's memoised parts, so the next call computes everything (benchmarks, tests). */
export function clearExplorerDataCaches(): void {
  clearFrontierCache();
  clearTokensPerParamCache();
  clearEpochCache();
  clearTargetCache();
  clearPaperSettingCache();
  parts.clear();
}

/** Every ArrayBuffer under `data` (each once), to transfer from the worker instead of copying. */
export function transferablesOf(data: ExplorerData): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const visit = (value: unknown): void => {
    if (value instanceof Float64Array) {
      buffers.add(value.buffer as ArrayBuffer);
    } else if (Array.isArray(value)) {
      for (const v of value) visit(v);
    } else if (value !== null && typeof value === 'object') {
      for (const v of Object.values(value)) visit(v);
    }
  };
  visit(data);
  return [...buffers];
}
