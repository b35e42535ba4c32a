/**
 * The preset of the session in context: every entry of PRESETS, by title. After settings of
 * one's own are applied the current entry says so (the run is no longer the preset's).
 */
import { PRESET_NAMES, PRESET_TITLES } from '../../engine/config/presets';
import { choosePreset, useUi } from '../store';
import { useSession } from '../session/context';
import { isSettingsCommand } from '../session/settingsInForce';

export function PresetSelect({ label }: { label: string }) {
  const presetName = useUi((s) => s.presetName);
  // Own settings applied, at boot or live (a live setting in the run's log).
  const custom = useUi((s) => Object.keys(s.edits).length > 0 || s.commandLog.some(isSettingsCommand));
  const { store } = useSession();
  return (
    <label className="preset">
      <span className="visually-hidden">{label}</span>
      <select aria-label={label} value={presetName} onChange={(e) => choosePreset(store, e.currentTarget.value)}>
        {PRESET_NAMES.map((n) => (
          <option key={n} value={n}>{n === presetName && custom ? `Custom settings (from ${PRESET_TITLES[n] ?? n})` : (PRESET_TITLES[n] ?? n)}</option>
        ))}
      </select>
    </label>
  );
}
