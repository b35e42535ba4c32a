/** The page's tooltip layer (session/tooltip.ts) and the hook views use to show it. */
import { useEffect, useRef } from 'react';
import { usePage } from '../session/context';
import type { TooltipHost } from '../session/tooltip';

export function useTooltip(): TooltipHost {
  return usePage().tooltip;
}

export function TooltipLayer() {
  const ref = useRef<HTMLDivElement>(null);
  const host = useTooltip();
  useEffect(() => {
    host.attach(ref.current);
    return () => host.attach(null);
  }, [host]);
  return <div ref={ref} className="tooltip" role="tooltip" hidden />;
}
