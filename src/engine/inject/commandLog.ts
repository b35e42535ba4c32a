/**
 * A command log from outside (a `--commands` file, a shared link, a saved state): untrusted
 * JSON, checked entry by entry against the injections' fields. Each entry is
 * `{ "time": ns, "atEvent": n, "command": { "type": ..., ... } }`; `atEvent` (the number of
 * events before it, as the page records it) may be left out: the command then applies at its
 * simulated time. Problems name the entry and the field.
 */
import type { LoggedCommand } from '../kernel/simulation';
import { checkInjection } from './registry';

/** More commands than a person injects by hand in a session by far; a longer log is refused, not replayed. */
export const MAX_COMMANDS = 10_000;

export function parseCommandLog(value: unknown, where: string): { ok: true; commands: LoggedCommand[] } | { ok: false; errors: string[] } {
  const list = Array.isArray(value) ? value : value !== null && typeof value === 'object' && 'commands' in value ? (value as { commands: unknown }).commands : undefined;
  if (!Array.isArray(list)) return { ok: false, errors: [`${where}: expected a list of commands (or an object with "commands"), got ${describe(value)}`] };
  if (list.length > MAX_COMMANDS) return { ok: false, errors: [`${where}: ${list.length} commands is more than the ${MAX_COMMANDS} allowed`] };
  const errors: string[] = [];
  const commands: LoggedCommand[] = [];
  let lastTime = 0, lastEvent = 0;
  list.forEach((entry: unknown, i) => {
    const at = `${where}: command ${i + 1}`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return errors.push(`${at}: expected { "time", "command" }, got ${describe(entry)}`);
    const e = entry as Record<string, unknown>;
    const extra = Object.keys(e).find((k) => k !== 'time' && k !== 'atEvent' && k !== 'command');
    if (extra !== undefined) return errors.push(`${at}: unknown key "${extra}" (its keys: time, atEvent, command)`);
    const time = e.time, atEvent = e.atEvent ?? 0;
    if (typeof time !== 'number' || !Number.isSafeInteger(time) || time < 0) return errors.push(`${at}: "time" must be a whole number of ns >= 0, got ${describe(time)}`);
    if (typeof atEvent !== 'number' || !Number.isSafeInteger(atEvent) || atEvent < 0) return errors.push(`${at}: "atEvent" must be a whole number >= 0, got ${describe(atEvent)}`);
    if (time < lastTime || atEvent < lastEvent) return errors.push(`${at}: it comes before the command above it (a log is in the order of the run)`);
    const command = e.command;
    if (command === null || typeof command !== 'object' || Array.isArray(command) || typeof (command as { type?: unknown }).type !== 'string') {
      return errors.push(`${at}: "command" must be an object with a "type", got ${describe(command)}`);
    }
    const checked = checkInjection(command as LoggedCommand['command']);
    if (!checked.ok) return errors.push(`${at}: ${checked.error}`);
    lastTime = time;
    lastEvent = atEvent;
    commands.push({ time, atEvent, command: command as LoggedCommand['command'] });
  });
  return errors.length > 0 ? { ok: false, errors: errors.slice(0, 10) } : { ok: true, commands };
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
