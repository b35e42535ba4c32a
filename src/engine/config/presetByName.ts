/** A preset by its (untrusted) name: own entries only, so "toString" or "__proto__" is simply unknown. */
import type { NodeConfig } from './nodeConfig';
import { PRESETS } from './presets';

export function presetByName(name: string): NodeConfig | undefined {
  return Object.hasOwn(PRESETS, name) ? PRESETS[name] : undefined;
}
