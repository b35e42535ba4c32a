/**
 * "Injections": the run's command log, in order, with the simulated time of each; removing one
 * forks the run from just before it (it and every later one are gone). Below, the job's
 * processes and the OS node, to inject into (CPUs are in Core partitions, channels in
 * Channels).
 */
import { formatDuration } from '../../engine/kernel/time';
import { describeInjection } from '../../engine/inject/catalog';
import { jobPids } from '../../engine/node/jobShape';
import { useUi } from '../store';
import { useSession } from '../session/context';
import type { NodeConfig } from '../../engine/config/nodeConfig';
import { InjectButtons } from './InjectButtons';
import { processNames } from '../processNames';

export function InjectionsPanel({ config }: { config: NodeConfig }) {
  const log = useUi((s) => s.commandLog);
  const { client } = useSession();
  return (
    <section className="panel injections" aria-label="Injections">
      <h2 className="panel-title">Injections</h2>
      {log.length === 0 ? (
        <p className="hint">None yet. Inject on a CPU in Core partitions, on a channel in Channels, or into a process below. An injection in the past forks the run.</p>
      ) : (
        <ol className="injection-list" aria-label="Injection log">
          {log.map((c, i) => (
            <li key={`${i}-${c.time}-${c.command.type}`}>
              <span className="mono injection-time">{formatDuration(c.time)}</span> <span className="injection-text">{describeInjection(c.command, processNames(config).label)}</span>{' '}
              <button type="button" className="btn btn-small" aria-label={`Remove injection ${i + 1}`} title="Fork the run from just before it (later injections go too)" onClick={() => client.removeCommand(i)}>
                Remove
              </button>
            </li>
          ))}
        </ol>
      )}
      <h3 className="injections-sub">Processes</h3>
      <ul className="process-list" aria-label="Processes">
        {jobPids(config).map((pid) => (
          <li key={pid}>
            <InjectButtons target="process" args={{ pid }} label={`Process ${processNames(config).label(pid)}`} />
          </li>
        ))}
      </ul>
      {config.osnode.mode !== 'direct' && <InjectButtons target="osnode" args={{}} label="OS node" />}
    </section>
  );
}
