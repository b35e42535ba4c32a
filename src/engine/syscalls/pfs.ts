/** Which calls target the parallel filesystem: files under `syscalls.pfsPrefix` (the fd -> path table knows). */
import type { NodeConfig } from '../config/nodeConfig';
import type { Call } from './calls';

export function isPfsCall(config: NodeConfig, call: Call): boolean {
  return call.path.startsWith(config.syscalls.pfsPrefix);
}
