/**
 * The Channels caption, built from the configuration that runs (not from the default design):
 * when a doorbell IPI goes out, how a caller waits, and how a reply comes back.
 */
import type { NodeConfig } from '../../../engine/config/nodeConfig';
import { DESIGNS } from '../../../engine/config/kindDefaults';

export function channelsCaption(config: NodeConfig): string {
  const s = config.syscalls;
  const design = DESIGNS.get(s.mechanism)?.title ?? s.mechanism;
  const ipi = s.ipiPolicy === 'every' ? 'an IPI per message' : 'a doorbell IPI only when a channel turns non-empty';
  const wait = s.wait === 'spin' ? 'callers spin until the reply' : 'callers block until the reply';
  const reply = s.replyIpi ? 'replies come back with an IPI' : 'the LWK polls its reply channels';
  return `${design}: ${ipi}; ${wait}; ${reply}.`;
}
