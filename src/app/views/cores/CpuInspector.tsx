/** The inspected CPU's details, written from frames twice a second (no React render per frame). */
import { useEffect, useRef } from 'react';
import type { NodeConfig } from '../../../engine/config/nodeConfig';
import type { Frame } from '../../../worker/protocol';
import { useUi } from '../../store';
import { useSession } from '../../session/context';
import { InjectButtons } from '../../inject/InjectButtons';

export function CpuInspector({ config, describe }: { config: NodeConfig; describe: (c: NodeConfig, f: Frame | null, cpu: number) => string[] }) {
  const cpu = useUi((s) => s.inspectedCpu);
  const ref = useRef<HTMLDivElement>(null);
  const { bus, store } = useSession();
  useEffect(() => {
    if (cpu === null) return;
    let last = -Infinity;
    const write = (frame: Frame | null, now: number) => {
      if (now - last < 500 || !ref.current) return;
      last = now;
      ref.current.replaceChildren(...describe(config, frame, cpu).map((line) => Object.assign(document.createElement('div'), { textContent: line })));
    };
    write(bus.frame, performance.now());
    return bus.subscribe(write);
  }, [cpu, config, describe, bus]);
  if (cpu === null) return <p className="hint inspector-hint">Click a CPU (or focus the grid and use the arrow keys) to inspect it and highlight its process.</p>;
  return (
    <div className="inspector" aria-label={`CPU ${cpu} details`} role="group">
      <div ref={ref} />
      <InjectButtons target="cpu" args={{ cpu }} label={`Inject on CPU ${cpu}`} />
      <button type="button" className="btn btn-small" onClick={() => store.setState({ inspectedCpu: null, selectedPid: null })}>Clear selection</button>
    </div>
  );
}
