import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildExplorerData } from '../engine/explorer-data';
import type { PasskRuns } from '../engine/lab-overlay';
import { registryCatalog } from '../store/url/catalog';
import { defaultScenario } from '../store/url/schema';
import { PasskChart, passkRunMarks, passkRunsNote, passkTable } from './PasskChart';

const run = { params: 28672, tokens: 139264, samples: 4, passAtK: 0.25, nll: 3.5 };
const other = { ...run, params: 1.87e6, samples: 16, passAtK: 0.6 };
const s = {
  ...defaultScenario(registryCatalog.defaultId),
  qualityModel: 't2-2' as const,
  constantSet: registryCatalog.defaultId('t2-2'),
  params: run.params,
  tokens: run.tokens,
  measured: [run, other],
};

const runs = (passAtK: number[]): PasskRuns => ({
  samples: Float64Array.from(passAtK, (_, i) => 2 ** (i + 1)),
  passAtK: Float64Array.from(passAtK),
  params: Float64Array.from(passAtK, () => 1e5),
  tokens: Float64Array.from(passAtK, () => 2e6),
  curve: Float64Array.from(passAtK, (_, i) => (i === 0 ? 0.5 : Number.NaN)),
  omitted: 0,
});

describe('lab runs on the pass@k chart', () => {
  it('marks each run at (k, measured pass@k) with its model, measured value and the curve in the tooltip', () => {
    const marks = passkRunMarks(runs([0.3, 0.45]), false);
    expect(marks.map((m) => [m.x, m.y])).toEqual([
      [2, 0.3],
      [4, 0.45],
    ]);
    expect(marks[0]!.shape).not.toBe('circle'); // the design's mark is a circle: runs must differ
    expect(marks[0]!.lines.join(' | ')).toMatch(
      /N = 100 ?k, D = 2 ?M.*k = 2 samples.*measured pass@k = 30.*curve at this k: 50/i,
    );
    expect(marks[1]!.lines.at(-1)).toBe('curve at this k: —');
  });

  it('leaves a measured 0 off a log axis but keeps it in the table', () => {
    const r = runs([0, 0.01]);
    expect(passkRunMarks(r, true).map((m) => m.y)).toEqual([0.01]);
    expect(passkRunMarks(r, false)).toHaveLength(2);
  });

  it('lists drawn runs in the data table beside the predicted rows', () => {
    const d = buildExplorerData(s);
    const t = passkTable(d.passk, d.measured!.passkRuns);
    const measured = t.rows.filter((r) => r[2]!.startsWith('measured'));
    expect(measured).toHaveLength(1);
    expect(measured[0]![0]).toBe('4');
    expect(t.rows.filter((r) => r[2] === 'predicted').length).toBeGreaterThan(5);
  });

  it('draws the matching run as a focusable mark and notes the run left out', () => {
    const d = buildExplorerData(s);
    const html = renderToStaticMarkup(
      <PasskChart data={d.passk} set={d.set} runs={d.measured!.passkRuns} width={560} />,
    );
    expect(html.match(/data-testid="chart\.passk\.lab-\d+"/g)).toHaveLength(1);
    expect(html).toMatch(
      /data-testid="chart\.passk\.lab-0"[^>]*tabindex="0"|tabindex="0"[^>]*data-testid="chart\.passk\.lab-0"/,
    );
    expect(html).toContain('1 lab run not drawn');
    expect(passkRunsNote({ ...d.measured!.passkRuns!, omitted: 0 })).toBeNull();
  });
});
