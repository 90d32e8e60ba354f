/** "Preset": loads a named scenario (a frozen v=1 link) as one discrete change, so back returns to the previous one. */
import { useAppStore, useCatalog } from '../store/context';
import { PRESETS, presetScenario } from './presets';

export function PresetSelect() {
  const catalog = useCatalog();
  const replaceScenario = useAppStore((s) => s.replaceScenario);
  return (
    <label className="select-field">
      <span>Preset</span>
      <select
        data-testid="controls.preset"
        value=""
        onChange={(e) => {
          const preset = PRESETS.find((p) => p.id === e.currentTarget.value);
          if (preset) replaceScenario(presetScenario(preset, catalog), 'discrete');
        }}
      >
        <option value="">Choose a scenario…</option>
        {PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
