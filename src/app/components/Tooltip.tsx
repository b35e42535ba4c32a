/**
 * One shared tooltip for canvas views: views call showTooltip/hideTooltip from pointer handlers;
 * the text is written to a single DOM node (no React render per pointer move).
 */
import { useEffect, useRef } from 'react';

let node: HTMLDivElement | null = null;

export function showTooltip(clientX: number, clientY: number, lines: readonly string[]): void {
  if (!node) return;
  node.replaceChildren(...lines.map((l, i) => {
    const div = document.createElement('div');
    div.textContent = l;
    if (i === 0) div.className = 'tooltip-title';
    return div;
  }));
  node.hidden = false;
  const pad = 14;
  const { innerWidth, innerHeight } = window;
  const rect = node.getBoundingClientRect();
  const x = clientX + pad + rect.width > innerWidth ? clientX - pad - rect.width : clientX + pad;
  const y = clientY + pad + rect.height > innerHeight ? clientY - pad - rect.height : clientY + pad;
  node.style.transform = `translate(${Math.max(0, x)}px, ${Math.max(0, y)}px)`;
}

export function hideTooltip(): void {
  if (node) node.hidden = true;
}

export function TooltipLayer() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    node = ref.current;
    return () => {
      node = null;
    };
  }, []);
  return <div ref={ref} className="tooltip" role="tooltip" hidden />;
}
