/**
 * Buttons that inject into a target shown by a view (a CPU, a process, a channel, the OS
 * node), one per injection of that target in the registry (src/engine/inject). Each sends an
 * engine command at the present simulated time; in the past, it forks the run.
 */
import { describeInjection, INJECTIONS, type InjectionTarget } from '../../engine/inject/catalog';
import { useSession } from '../session/context';
import { useUi } from '../store';
import { processNames } from '../processNames';
import './inject.css';

/** 'inject-interrupt' (one interruption of a chosen cause) is for command files and tests; the page offers the rest. */
const OFFERED = INJECTIONS.filter((s) => s.type !== 'inject-interrupt');

export function InjectButtons({ target, args, label }: { target: InjectionTarget; args: Readonly<Record<string, number>>; label: string }) {
  const { client } = useSession();
  const names = processNames(useUi((s) => s.config));
  return (
    <div className="inject-buttons" role="group" aria-label={label}>
      <span className="inject-label">{label}:</span>
      {OFFERED.filter((s) => s.target === target).map((s) => (
        <button key={s.type} type="button" className="btn btn-small" title={describeInjection({ type: s.type, ...args }, names.label)} onClick={() => client.command({ type: s.type, ...args })}>
          {s.title}
        </button>
      ))}
    </div>
  );
}
