/** The Linux channels' injections, for the Channels view (one group per channel). */
import type { NodeConfig } from '../../engine/config/nodeConfig';
import { InjectButtons } from './InjectButtons';

export function InjectChannels({ config }: { config: NodeConfig }) {
  // One Linux channel per syscall CPU, in CPU order (src/engine/syscalls/channel.ts).
  const syscallCpus = [...new Set(config.syscallCpuOf.filter((c) => c >= 0))].sort((a, b) => a - b);
  if (syscallCpus.length === 0) return null;
  return (
    <div className="inject-channels">
      {syscallCpus.map((cpu, channel) => (
        <InjectButtons key={channel} target="channel" args={{ channel }} label={`Channel ${channel} (CPU ${cpu})`} />
      ))}
    </div>
  );
}
