/**
 * The enclaves a configuration's design divides the node into (Hobbes: a co-kernel enclave and
 * the Linux host), for views that draw their boundaries. Designs without enclaves give none.
 */
import type { NodeConfig } from '../config/nodeConfig';
import { hobbesEnclaves, type Enclave } from './hobbes/enclaves';

export type { Enclave };

/** The enclaves of the node `config` describes, or none. */
export function designEnclaves(config: NodeConfig): readonly Enclave[] {
  // TODO(design info split): read this from the design's registered info instead of its id.
  return config.syscalls.mechanism === 'hobbes' ? hobbesEnclaves(config) : [];
}
