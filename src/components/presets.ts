/** Scenario presets (data in presets.json): each is a frozen v=1 link, applied through the URL codec. */
import type { Scenario } from '../domain/scenario';
import { decodeScenario, type ConstantSetCatalog } from '../store/url/codec';
import raw from './presets.json';

export interface Preset {
  id: string;
  name: string;
  /** A v=1 query string ('' = the default scenario). */
  query: string;
}

export const PRESETS: readonly Preset[] = raw.presets;

/** The scenario of a preset; throws if the preset no longer decodes cleanly (caught by the tests). */
export function presetScenario(preset: Preset, catalog: ConstantSetCatalog): Scenario {
  const { scenario, issues } = decodeScenario(preset.query, catalog);
  if (issues.length > 0) throw new Error(`preset ${preset.id}: ${issues.map((i) => i.message).join('; ')}`);
  return scenario;
}
