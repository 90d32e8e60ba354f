/** A fixed export context for tests: a preset scenario, its set, two small chart tables with awkward cells. */
import { getChinchillaSet } from '../../domain/chinchilla-sets';
import { getPreset, presetScenario } from '../../teaching/presets';
import { rangeCheck } from '../../teaching/range-note';
import type { ExportContext } from '../types';

export function testContext(): ExportContext {
  const preset = getPreset('chinchilla')!;
  const scenario = presetScenario(preset);
  const set = getChinchillaSet(scenario.constantSet)!;
  return {
    scenario,
    set: { id: set.id, name: set.name, kind: set.kind, source: set.source },
    rangeNote: rangeCheck(scenario).text,
    preset: { id: preset.id, title: preset.title, citation: preset.citation, source: preset.source },
    url: 'http://127.0.0.1:4173/?v=1&m=chinchilla&n=7e10&d=1.4e12',
    exportedAt: '2026-11-22T10:00:00.000Z',
    charts: [
      {
        id: 'chart.isoflop',
        title: 'IsoFLOP slice',
        table: {
          caption: 'Loss along the slice',
          columns: ['N (params)', 'D (tokens)', 'loss (nats)'],
          rows: [
            ['1B', '9.6e13', '2.01'],
            ['70B', '1.4T', '1.94'],
          ],
        },
      },
      {
        id: 'chart.passk',
        title: 'pass@k "quoted", with commas',
        table: {
          caption: 'pass@k, k',
          columns: ['k', 'pass@k'],
          rows: [
            ['1', '0.5'],
            ['10', '0.909, approx\nline'],
          ],
        },
      },
    ],
  };
}
