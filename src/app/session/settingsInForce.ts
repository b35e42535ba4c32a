/**
 * Live settings in a run's command log (engine/config/liveSettings.ts), folded into the
 * configuration or the edits the run started with: what the Configuration panel shows, and
 * what persists (a reload starts from time zero with the settings the user chose last).
 */
import type { NodeConfig } from '../../engine/config/nodeConfig';
import type { LoggedCommand } from '../../engine/kernel/simulation';
import { withSetting } from '../../engine/config/liveSettings';

export const SETTINGS_COMMAND = 'settings';

export const isSettingsCommand = (c: LoggedCommand) => c.command.type === SETTINGS_COMMAND;

type Edits = Readonly<Record<string, unknown>>;

/** The live settings of a log, in order. */
function liveSettings(log: readonly LoggedCommand[]): { path: string; value: number }[] {
  const out: { path: string; value: number }[] = [];
  for (const x of log) {
    const { path, value } = x.command;
    if (isSettingsCommand(x) && typeof path === 'string' && typeof value === 'number') out.push({ path, value });
  }
  return out;
}

/** The configuration in force at the end of the run: the one it started with and its live settings, in order. */
export function settingsInForce(config: NodeConfig, log: readonly LoggedCommand[]): NodeConfig {
  return liveSettings(log).reduce((c, x) => withSetting(c, x.path, x.value), config);
}

/** The edits with the log's live settings written in (nested as the config file is). */
export function editsInForce<E extends Edits>(edits: E, log: readonly LoggedCommand[]): E {
  const set = (o: Edits | undefined, parts: readonly string[], value: number): Edits => {
    const [head, ...rest] = parts;
    const obj = o ?? {};
    return { ...obj, [head]: rest.length === 0 ? value : set(obj[head] as Edits | undefined, rest, value) };
  };
  return liveSettings(log).reduce((e, x) => set(e, x.path.split('.'), x.value), edits as Edits) as E;
}
