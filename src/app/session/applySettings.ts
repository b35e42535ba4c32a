/**
 * The Configuration panel's Apply. Costs and durations change in the running node at the
 * present simulated time: one 'settings' command each (engine/config/liveSettings.ts), logged
 * like an injection, so the run before stays as it was and a change made in the past forks the
 * run there. A change of anything fixed at boot (the partition, the design, switches, sizes,
 * rates, the workload) restarts the run from time zero with the new configuration, the live
 * changes folded into it.
 */
import { settingChanges } from '../../engine/config/settingChanges';
import { formatClock } from '../../engine/kernel/time';
import { applyEdits, resolveConfig, type ConfigEdits } from '../store';
import type { Session } from './session';
import { SETTINGS_COMMAND, settingsInForce } from './settingsInForce';
import { isOrAre, settingNames } from '../components/settingNames';

/** Applies edits to a session: live where every change can be, else a restart. Returns the problems (nothing applied), or []. */
export function applySettings(session: Session, edits: ConfigEdits): string[] {
  const s = session.store.getState();
  const r = resolveConfig(s.presetName, edits);
  if (!r.ok) return r.errors;
  // An imported replay stays the workload (as applyEdits keeps it).
  const next = s.replay ? { ...r.config, workload: s.config.workload } : r.config;
  const now = session.bus.frame?.time ?? 0;
  // Against the settings in force at the time on screen (after a seek back, later ones are the future a change drops).
  const changes = settingChanges(settingsInForce(s.config, s.commandLog.filter((c) => c.time <= now)), next);
  if (changes.boot.length === 0 && changes.live.length === 0) {
    session.store.setState({ notice: 'No setting changed.' });
    return [];
  }
  if (changes.boot.length === 0 && now > 0) {
    for (const { path, value } of changes.live) session.client.command({ type: SETTINGS_COMMAND, path, value });
    session.store.setState({ notice: `Changed at ${formatClock(now)}: ${settingNames(changes.live.map((c) => c.path))}. The run up to then stays; it goes on from there with the new values (listed under Injections).` });
    return [];
  }
  const errors = applyEdits(session.store, edits);
  if (errors.length === 0 && changes.boot.length > 0 && now > 0) {
    session.store.setState({ notice: `Configuration applied: ${settingNames(changes.boot)} ${isOrAre(changes.boot)} fixed when the node boots, so the simulation restarted from time zero.` });
  }
  return errors;
}
