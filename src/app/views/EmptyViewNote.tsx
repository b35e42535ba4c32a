/**
 * When the configuration that runs can never fill a view (FWQ makes no system calls; Linux
 * alone has no channels), the view says why and offers the preset that shows it.
 */
import type { NodeConfig } from '../../engine/config/nodeConfig';
import { DESIGNS } from '../../engine/config/kindDefaults';
import { PRESET_TITLES } from '../../engine/config/presets';
import { choosePreset } from '../store';
import { useSession } from '../session/context';

/** The preset that shows forwarded calls best (the paper's function shipping on the BSP mini-app). */
export const SHOWCASE_PRESET = 'mos-bsp';

export type EmptyViewKind = 'channels' | 'triage';

/** Why `view` stays empty under `config`, or null if it can fill. */
export function emptyViewReason(view: EmptyViewKind, config: NodeConfig): string | null {
  if (config.workload.kind === 'fwq') {
    return 'This workload is FWQ: it only computes and makes no system calls, so no call is triaged or forwarded here.';
  }
  const design = DESIGNS.get(config.syscalls.mechanism);
  if (view === 'channels' && design && !design.usesProxies) {
    return `${design.title} has no Linux channels: its calls are not shipped through queues to proxies, so this view stays empty.`;
  }
  return null;
}

export function EmptyViewNote({ view, config }: { view: EmptyViewKind; config: NodeConfig }) {
  const { store } = useSession();
  const reason = emptyViewReason(view, config);
  if (!reason || config.name === SHOWCASE_PRESET) return null;
  return (
    <div className="empty-note" role="note">
      <p>{reason}</p>
      <button type="button" className="btn btn-small" onClick={() => choosePreset(store, SHOWCASE_PRESET)}>
        Show {PRESET_TITLES[SHOWCASE_PRESET]}
      </button>
    </div>
  );
}
