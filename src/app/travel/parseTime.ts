/** The "Go to time" field's text: a simulated time with its unit (2ms, 1.5s, 350us, 120ns). */
import { parseDuration } from '../../engine/kernel/time';

/** Longest time a seek may ask for: a day of simulated time (far beyond any run here). */
export const MAX_SEEK_NS = 86_400e9;

export function parseSimTime(text: string): { ok: true; ns: number } | { ok: false; error: string } {
  const t = text.trim();
  if (t === '') return { ok: false, error: 'Type a time with its unit, e.g. 2ms, 1.5s or 350us.' };
  if (/^\d+(\.\d+)?$/.test(t)) return { ok: false, error: `"${t}" needs a unit: ${t}ms, ${t}us, ${t}s or ${t}ns?` };
  if (/^-/.test(t)) return { ok: false, error: `"${t}" is before the run started: times start at 0.` };
  const d = parseDuration(t);
  if (!d.ok) return { ok: false, error: `"${t}" is not a time: write a number and a unit (ns, us, ms or s), e.g. 2ms, 1.5s or 350us.` };
  if (d.ns > MAX_SEEK_NS) return { ok: false, error: `"${t}" is more than a day of simulated time: pick an earlier time.` };
  return { ok: true, ns: d.ns };
}
