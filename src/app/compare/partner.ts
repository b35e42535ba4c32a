/**
 * The preset compare mode opens beside the current one: another design on the same machine
 * running the same workload (mos-bsp → linux-bsp), else any preset with the same workload, else
 * the next one. Reads PRESETS, so presets added later take part.
 */
import { PRESET_NAMES, PRESETS } from '../../engine/config/presets';
import type { NodeConfig } from '../../engine/config/nodeConfig';

export function partnerPreset(presetName: string, config: NodeConfig): string {
  const others = PRESET_NAMES.filter((n) => n !== presetName);
  const sameWork = others.filter((n) => PRESETS[n].workload.kind === config.workload.kind);
  const otherDesign = sameWork.filter((n) => PRESETS[n].topology === config.topology && PRESETS[n].syscalls.mechanism !== config.syscalls.mechanism);
  return otherDesign[0] ?? sameWork[0] ?? others[0] ?? presetName;
}
