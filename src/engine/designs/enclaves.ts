/**
 * The enclaves a configuration's design divides the node into (Hobbes: a co-kernel enclave and
 * the Linux host), for views that draw their boundaries. Designs without enclaves give none.
 * Reads only the designs' info, so a view importing it loads no simulation code.
 */
import type { NodeConfig } from '../config/nodeConfig';
import { designInfoById } from './catalogue';
import type { Enclave } from './hobbes/enclaves';

export type { Enclave };

/** The enclaves of the node `config` describes, or none. */
export function designEnclaves(config: NodeConfig): readonly Enclave[] {
  return designInfoById(config.syscalls.mechanism)?.enclaves?.(config) ?? [];
}
