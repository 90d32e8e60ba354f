/** The export menu wired to the store: scenario, engine data (chart tables) and loaded preset; pictures come from the page. */
import { useAppStore } from '../store/context';
import { getPreset } from '../teaching/presets';
import { ExportMenu } from './ExportMenu';

export function ExportButton() {
  const scenario = useAppStore((s) => s.scenario);
  const presetId = useAppStore((s) => s.presetId);
  const data = useAppStore((s) => s.data);
  const pinned = useAppStore((s) => s.pinned);
  const preset = presetId ? (getPreset(presetId) ?? null) : null;
  return <ExportMenu scenario={scenario} data={data} preset={preset} pinned={pinned} />;
}
