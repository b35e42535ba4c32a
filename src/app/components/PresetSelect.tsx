/** The preset of the session in context: every entry of PRESETS, by title. */
import { PRESET_NAMES, PRESET_TITLES } from '../../engine/config/presets';
import { choosePreset, useUi } from '../store';
import { useSession } from '../session/context';

export function PresetSelect({ label }: { label: string }) {
  const presetName = useUi((s) => s.presetName);
  const { store } = useSession();
  return (
    <label className="preset">
      <span className="visually-hidden">{label}</span>
      <select aria-label={label} value={presetName} onChange={(e) => choosePreset(store, e.currentTarget.value)}>
        {PRESET_NAMES.map((n) => (
          <option key={n} value={n}>{PRESET_TITLES[n] ?? n}</option>
        ))}
      </select>
    </label>
  );
}
