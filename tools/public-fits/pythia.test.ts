/**
 * CI checks of the Pythia public fits (tools/public-fits/README-pythia.md): the committed tidy tables, the shipped
 * t2-public-pythia-* sets and results/pythia-report.json are exactly what the pipeline recomputes from the committed
 * raw data (data/public/pythia-evals) and transplant.json (same seeds → same numbers, to 1e-9); the parameter counts
 * computed from the architecture equal the published ones; the repeated-sampling constants in transplant.json were
 * fitted on the current stage 1. Reruns every LAMBADA fit, 200-resample bootstrap and extrapolation split (~20–40 s).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseT2Sets } from '../../src/domain/t2-sets';
import architecture from './pythia-architecture.json';
import { pythiaCheckpoints, pythiaSizes } from './pythia-data';
import { lateRiseCheckpoints, PRIMARY_RULE, selectStage1 } from './pythia-fit';
import { fitPythia, PYTHIA_REPORT_FILE, pythiaTables, readPythiaTransplant } from './pythia';
import { toCsv } from './tidy';
import type { ModuleResult } from './types';

const REL = 1e-9;
const json = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

function expectClose(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    const a = actual as number;
    expect(
      Math.abs(a - expected) <= REL * Math.max(Math.abs(a), Math.abs(expected)) + 1e-300,
      `${path}: ${a} vs ${expected}`,
    ).toBe(true);
  } else if (Array.isArray(expected)) {
    expect((actual as unknown[]).length, path).toBe(expected.length);
    expected.forEach((v, i) => expectClose((actual as unknown[])[i], v, `${path}[${i}]`));
  } else if (typeof expected === 'object' && expected !== null) {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected))
      expectClose((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
  } else {
    expect(actual, path).toEqual(expected);
  }
}

describe('Pythia data (Biderman et al. 2023)', () => {
  it('computes total and non-embedding parameter counts from the architecture equal to the published counts', () => {
    const published = architecture.publishedCounts as Record<string, { total: number; nonEmbedding: number }>;
    const sizes = pythiaSizes().filter((s) => published[s.label]);
    expect(sizes.map((s) => s.label)).toEqual(['70m', '160m', '410m', '1b', '1.4b', '2.8b', '6.9b', '12b']);
    for (const s of sizes) {
      expect(s.totalParams, s.label).toBe(published[s.label]!.total);
      expect(s.nonEmbeddingParams, s.label).toBe(published[s.label]!.nonEmbedding);
    }
  });

  it('reads 8 sizes × 26 checkpoints × 2 suites with tokens = step × 2,097,152 and NLL = ln ppl', () => {
    const all = pythiaCheckpoints();
    expect(all).toHaveLength(8 * 26 * 2);
    for (const c of all) {
      expect(c.tokens).toBe(c.step * 2097152);
      expect(c.lambadaNll).toBeCloseTo(Math.log(c.lambadaPpl), 12);
    }
    expect(all.find((c) => c.suite === 'standard' && c.size.label === '70m' && c.step === 143000)!.tokens).toBe(
      299892736000,
    );
  });

  it('flags the late-training rises of 70 M and 160 M only, and the shipped fit leaves warm-up and rises out', () => {
    const std = pythiaCheckpoints().filter((c) => c.suite === 'standard');
    const late = [...lateRiseCheckpoints(std)];
    expect(new Set(late.map((c) => c.size.label))).toEqual(new Set(['70m', '160m']));
    const kept = selectStage1(std, PRIMARY_RULE);
    expect(kept.some((c) => c.warmup || late.includes(c))).toBe(false);
    expect(kept).toHaveLength(std.filter((c) => !c.warmup).length - late.length);
  });

  it('the late-rise rule is general: it cuts after the minimum only where a later NLL is > 2 standard errors above it', () => {
    const size = pythiaSizes().find((x) => x.label === '410m')!;
    const make = (label: string, nlls: number[], se = 0.02) =>
      nlls.map((nll, i) => ({
        size: { ...size, label },
        suite: 'standard' as const,
        step: 3000 + 10000 * i,
        tokens: (3000 + 10000 * i) * 2097152,
        warmup: false,
        lambadaPpl: Math.exp(nll),
        lambadaNll: nll,
        lambadaNllSe: se,
        lambadaAcc: 0.5,
        arcEasyAcc: 0.5,
        sciqAcc: 0.5,
      }));
    const flat = make('a', [3, 2.5, 2.2, 2.1, 2.12, 2.11, 2.13]);
    const rising = make('b', [3, 2.5, 2.2, 2.1, 2.2, 2.3, 2.25]);
    const late = lateRiseCheckpoints([...flat, ...rising]);
    expect([...late].map((c) => `${c.size.label}@${c.step}`)).toEqual(['b@43000', 'b@53000', 'b@63000']);
    expect(selectStage1([...flat, ...rising], 'cut-late-rises')).toHaveLength(flat.length + 4);
    expect(lateRiseCheckpoints(make('c', [3, 2.5, 2.2, 2.1, 2.2], 0.06)).size).toBe(0);
  });

  it('writes the committed tidy tables exactly', () => {
    for (const t of pythiaTables()) {
      const file = fileURLToPath(new URL(`../../data/public/tidy/${t.file}`, import.meta.url));
      expect(readFileSync(file, 'utf8'), t.file).toBe(toCsv(t.columns, t.rows));
      expect(t.columns.slice(0, 5)).toEqual(['params', 'tokens', 'samples', 'nll', 'passk']);
    }
  });
});

describe('shipped Pythia sets and report are recomputed from the committed data', () => {
  let result: ModuleResult;
  beforeAll(() => {
    result = fitPythia({ resamples: 200, log: () => undefined });
  }, 120_000);

  it('gives the shipped t2-public-pythia-* entries of src/domain/data/t2-public.json', () => {
    const shipped = (
      JSON.parse(
        readFileSync(fileURLToPath(new URL('../../src/domain/data/t2-public.json', import.meta.url)), 'utf8'),
      ) as { id: string }[]
    ).filter((e) => e.id.startsWith('t2-public-pythia'));
    expect(shipped.map((e) => e.id)).toEqual(result.sets.map((s) => s.id));
    expectClose(shipped, json(result.sets));
    const parsed = parseT2Sets(result.sets);
    expect(parsed.approach1.length + parsed.approach2.length).toBe(4);
  });

  it('gives the committed results/pythia-report.json', () => {
    expectClose(JSON.parse(readFileSync(PYTHIA_REPORT_FILE, 'utf8')), json(result.report));
  });

  it('uses repeated-sampling constants fitted on this stage 1 and labels every transplant', () => {
    const t = readPythiaTransplant();
    const s1 = (result.report as { stage1: { constants: Record<string, number> } }).stage1.constants;
    expectClose(t.pythiaGsm8k.stage1, s1);
    for (const s of result.sets) {
      expect(s.note).toMatch(/TRANSPLANTED|Not refitted in CI/);
      expect(s.note).not.toMatch(/NaN|Infinity/);
    }
  });
});
